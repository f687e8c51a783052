package nl.rekenblad.core;

/**
 * One thing wrong (or worth a warning) in an input, with where it is: {@code file › regel 7} or
 * {@code file › Aangiften!D12}. Immutable.
 */
public record Problem(Severity severity, String where, String message) {
    /** An error stops the file; a warning is reported and the calculation goes on. */
    public enum Severity { FOUT, WAARSCHUWING }

    public static Problem error(String where, String message) {
        return new Problem(Severity.FOUT, where, message);
    }

    public static Problem warning(String where, String message) {
        return new Problem(Severity.WAARSCHUWING, where, message);
    }

    public boolean isError() {
        return severity == Severity.FOUT;
    }

    /** One line for the user: {@code kor.csv › regel 7: onbekende rubriek "9z"}. */
    @Override
    public String toString() {
        return (where == null || where.isEmpty() ? "" : where + ": ") + message;
    }
}
