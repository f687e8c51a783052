package nl.rekenblad.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes: tests wait for what they need, never a fixed time. */
public final class Wacht {
    private Wacht() {}

    /**
     * Returns as soon as {@code voorwaarde} holds; fails with {@code wat} when it still does not after {@code hooguit}.
     */
    public static void tot(BooleanSupplier voorwaarde, Duration hooguit, String wat) {
        long end = System.nanoTime() + hooguit.toNanos();
        while (!voorwaarde.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("na " + hooguit.toSeconds() + " s nog niet: " + wat);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }
}
