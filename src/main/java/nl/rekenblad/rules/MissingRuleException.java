package nl.rekenblad.rules;

/** No parameter for the asked year: the tables never fall back to another year. */
public class MissingRuleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String rule;
    private final int year;

    public MissingRuleException(String rule, String description, int year, String known) {
        super("geen " + description + " voor " + year + " in de regels van rekenblad (bekend: " + known + ")");
        this.rule = rule;
        this.year = year;
    }

    public String rule() {
        return rule;
    }

    public int year() {
        return year;
    }
}
