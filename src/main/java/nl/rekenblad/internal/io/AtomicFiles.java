package nl.rekenblad.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes output files so that a reader never sees half of one: each is written to a temporary
 * file beside its target and moved into place only when all of them are complete. On failure the
 * temporary files are removed and nothing is left behind.
 */
public final class AtomicFiles {
    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Map<Path, Content> files = new LinkedHashMap<>();

    public AtomicFiles add(Path target, Content content) {
        files.put(target.toAbsolutePath().normalize(), content);
        return this;
    }

    /** Writes every file, then moves them all into place. */
    public void commit() throws IOException {
        List<Path[]> written = new ArrayList<>();
        try {
            for (Map.Entry<Path, Content> e : files.entrySet()) {
                Path target = e.getKey();
                Path dir = target.getParent();
                Files.createDirectories(dir);
                Path tmp = null;
                OutputStream opened = null;
                // Not Files.createTempFile: that makes the file readable by its owner only, and an output must be
                // readable like any file the user makes (permissions by the umask), e.g. by the pipeline collecting it.
                for (int attempt = 0; opened == null; attempt++) {
                    tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
                    try {
                        opened = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    } catch (FileAlreadyExistsException ex) {
                        if (attempt > 100) {
                            throw ex;
                        }
                    }
                }
                written.add(new Path[] {tmp, target});
                try (OutputStream out = new java.io.BufferedOutputStream(opened, 64 * 1024)) {
                    e.getValue().writeTo(out);
                }
            }
            for (Path[] pair : written) {
                try {
                    Files.move(pair[0], pair[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(pair[0], pair[1], StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path[] pair : written) {
                Files.deleteIfExists(pair[0]);
            }
        }
    }
}
