package nl.rekenblad.rules;

/**
 * A parameter as a calculation uses it: under {@code key} (the formula name, unique in the
 * workbook, such as {@code KIA_A_2025}) for {@code year}. Immutable.
 */
public record UsedParameter(String key, int year, Parameter parameter) {
    public Object value() {
        return parameter.value();
    }
}
