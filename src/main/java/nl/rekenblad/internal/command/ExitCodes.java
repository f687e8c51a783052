package nl.rekenblad.internal.command;

/** The exit codes of every rekenblad command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INVALID_INPUT = 1;
    public static final int USAGE = 2;
    public static final int FAILURE = 3;
    public static final int SOME_FAILED = 4;

    private ExitCodes() {}
}
