package nl.rekenblad.core;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of problems that keeps at most {@code max} and counts the rest (as jsoup's {@code ParseErrorList.tracking}):
 * a file with a million bad lines reports the first ones and how many more, without holding them all. Readers add to
 * it as to any list; {@link #all} gives what was kept with a last line for the rest. Not thread-safe.
 */
public final class ProblemList extends AbstractList<Problem> {
    private final int max;
    private final List<Problem> kept = new ArrayList<>();
    private long dropped;

    private ProblemList(int max) {
        this.max = max;
    }

    /** A list keeping at most {@code max} problems. */
    public static ProblemList tracking(int max) {
        return new ProblemList(max);
    }

    /** Keeps {@code p} while there is room, else counts it; always true, as a list that took it. */
    @Override
    public boolean add(Problem p) {
        if (kept.size() < max) {
            kept.add(p);
        } else {
            dropped++;
        }
        return true;
    }

    @Override
    public Problem get(int index) {
        return kept.get(index);
    }

    @Override
    public int size() {
        return kept.size();
    }

    /** Whether it has reached its maximum (more problems are only counted). */
    public boolean vol() {
        return kept.size() >= max;
    }

    /** How many problems were counted but not kept. */
    public long dropped() {
        return dropped;
    }

    /** What was kept, and when more were counted a last error at {@code where}: "en nog 12 zulke fouten". */
    public List<Problem> all(String where, String wat) {
        List<Problem> out = new ArrayList<>(kept);
        if (dropped > 0) {
            out.add(Problem.error(where, "en nog " + dropped + " " + wat));
        }
        return out;
    }
}
