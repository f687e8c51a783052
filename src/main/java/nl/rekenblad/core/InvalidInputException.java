package nl.rekenblad.core;

import java.util.List;

/**
 * An input that cannot be used, with every problem found in it (not just the first), so a
 * bookkeeper can fix them all in one go.
 */
public class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(
                problems.isEmpty()
                        ? "ongeldige invoer"
                        : problems.get(0).toString()
                                + (problems.size() > 1 ? " (en " + (problems.size() - 1) + " meer)" : ""));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String where, String message) {
        return new InvalidInputException(List.of(Problem.error(where, message)));
    }

    /** All problems, errors first as found, warnings included. */
    public List<Problem> problems() {
        return problems;
    }
}
