package nl.rekenblad.batch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

/**
 * The heap the files of a batch (or the attachments of a postbus) may take together while they run in parallel. Each
 * job first takes what its input may need, estimated from its kind and size; a job that needs more than is free waits
 * until others are done, and one that needs more than the whole share runs alone. Two registers of 60.000 assets in
 * one batch then run one after the other within {@code -Xmx512m} instead of both failing for memory.
 *
 * <p>The estimates are each regulation's ({@link nl.rekenblad.spi.RegulationProvider#geheugenMb}): measured upper bounds.
 */
final class Geheugen {
    /** Shared by every batch and postbus in this JVM: three fifths of the heap, the rest for reading ahead. */
    static final Geheugen GEDEELD =
            new Geheugen((int) Math.max(64, Runtime.getRuntime().maxMemory() * 3 / 5 >> 20));

    private final int totaalMb;
    private final Semaphore vrij;

    Geheugen(int totaalMb) {
        this.totaalMb = totaalMb;
        this.vrij = new Semaphore(totaalMb, true);
    }

    /** What a job of {@code regulation} on {@code b} may need, in MB: its estimate, at least 16, at most the whole share. */
    int schatting(nl.rekenblad.spi.RegulationProvider regulation, Bijlage.Invoer b) {
        long bytes;
        try {
            bytes = b.source().size();
        } catch (IOException e) {
            bytes = 0;
        }
        return (int) Math.min(totaalMb, Math.max(16, regulation.geheugenMb(b.naam(), bytes)));
    }

    /** What a job holds while it runs; close to give it back. */
    interface Deel extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits until {@code mb} is free and takes it. */
    Deel neem(int mb) throws InterruptedIOException {
        try {
            vrij.acquire(mb);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("afgebroken: de tijd voor dit bestand is op");
        }
        return () -> vrij.release(mb);
    }

    int vrijMb() {
        return vrij.availablePermits();
    }
}
