package nl.rekenblad.core;

/**
 * One thing wrong (or worth a warning) in an input, with where it is: {@code file › regel 7} or
 * {@code file › Aangiften!D12}. Immutable.
 *
 * @param soort what kind of problem, so a front end decides by kind rather than by its text
 */
public record Problem(Severity severity, String where, String message, Soort soort) {
    /** An error stops the file; a warning is reported and the calculation goes on. */
    public enum Severity {
        FOUT,
        WAARSCHUWING
    }

    /** The kinds a front end treats apart. */
    public enum Soort {
        /** Any problem. */
        ALGEMEEN,
        /**
         * Lines listed on the Controle sheet (btw more than a cent off, a date outside the year): the command line
         * names them in its summary rather than as a warning each run.
         */
        CONTROLE,
        /**
         * The return does not agree with the ledger's btw accounts (an auditfile's aansluiting): shown so nobody can
         * miss it.
         */
        AANSLUITING
    }

    public Problem(Severity severity, String where, String message) {
        this(severity, where, message, Soort.ALGEMEEN);
    }

    public static Problem error(String where, String message) {
        return new Problem(Severity.FOUT, where, message);
    }

    public static Problem warning(String where, String message) {
        return new Problem(Severity.WAARSCHUWING, where, message);
    }

    /** The one wording for lines that need attention on the Controle sheet, for journal and auditfile alike. */
    public static Problem controle(String where, long regels) {
        return new Problem(
                Severity.WAARSCHUWING,
                where,
                regels + (regels == 1 ? " regel vraagt" : " regels vragen") + " aandacht; zie het blad Controle",
                Soort.CONTROLE);
    }

    /** The one wording's kind for a return the ledger does not explain ({@link Soort#AANSLUITING}). */
    public static Problem aansluiting(String where, String message) {
        return new Problem(Severity.WAARSCHUWING, where, message, Soort.AANSLUITING);
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
