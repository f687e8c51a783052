package nl.rekenblad.internal.workbook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands what is written to a second thread that writes it to {@code out}: a large generated sheet is made (cells
 * to XML text) on one core while the other deflates it into the package. Chunks of 256 KB, at most four waiting.
 * {@link #close()} waits for the writer and passes on its failure; {@code out} itself is not closed.
 */
final class AsyncOutputStream extends OutputStream {
    private static final int CHUNK = 256 * 1024;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
    private final Thread writer;
    private volatile Throwable failure;
    private volatile boolean stop;
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private boolean closed;

    AsyncOutputStream(OutputStream out) {
        writer = new Thread(() -> {
            try {
                while (true) {
                    byte[] b = queue.take();
                    if (b == END) {
                        return;
                    }
                    if (!stop) {
                        out.write(b);
                    }
                }
            } catch (Throwable t) {
                failure = t;
                stop = true;
                queue.clear();
            }
        }, "rekenblad-deflate");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(int b) throws IOException {
        if (used == chunk.length) {
            hand();
        }
        chunk[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == chunk.length) {
                hand();
            }
            int n = Math.min(len, chunk.length - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    private void hand() throws IOException {
        check();
        byte[] full = used == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, used);
        put(full);
        chunk = new byte[CHUNK];
        used = 0;
    }

    private void put(byte[] b) throws IOException {
        try {
            while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                check();
                if (!writer.isAlive()) {
                    throw new IOException("the writing thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private void check() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** Stops the writer without waiting for what is queued (after a failure on this side). */
    void abort() {
        stop = true;
        queue.clear();
        queue.offer(END);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (used > 0) {
            hand();
        }
        put(END);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new InterruptedIOException("interrupted while writing");
        }
        check();
    }
}
