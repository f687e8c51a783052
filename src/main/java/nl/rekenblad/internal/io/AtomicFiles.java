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

    /** An output that could not be written, said in Dutch and naming the file (never the temporary one). */
    public static final class OutputException extends IOException {
        private static final long serialVersionUID = 1L;

        public OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Writes every file, then moves them all into place.
     *
     * @throws OutputException when one cannot be written (a directory in the way, no access, a full disk); then
     *                         none is in place and no temporary file is left
     */
    public void commit() throws IOException {
        Path current = null;
        try {
            for (Path target : files.keySet()) {
                current = target;
                if (Files.isDirectory(target)) {
                    throw new OutputException(target + " is een map; geef een bestandsnaam", null);
                }
                if (target.getParent() != null
                        && Files.exists(target.getParent())
                        && !Files.isDirectory(target.getParent())) {
                    throw new OutputException(
                            "kan " + target + " niet schrijven: " + target.getParent() + " is geen map", null);
                }
            }
            write();
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputException(
                    "kan " + (current == null ? "de uitvoer" : name(e, current)) + " niet schrijven: " + reason(e), e);
        }
    }

    /** The output the failure is about: the target of a temporary file named in the exception. */
    private String name(IOException e, Path fallback) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            String f = fs.getFile();
            for (Path target : files.keySet()) {
                if (f.equals(target.toString()) || f.contains("." + target.getFileName() + ".")) {
                    return target.toString();
                }
            }
        }
        return fallback.toString();
    }

    /** Why, in Dutch. */
    static String reason(IOException e) {
        return Messages.oorzaak(e)
                .map(o -> switch (o) {
                    case GEEN_TOESTEMMING, ALLEEN_LEZEN -> "geen toestemming om daar te schrijven";
                    case VOL -> "de schijf is vol";
                    case BESTAAT_NIET -> "de map bestaat niet of is niet te maken";
                    case GEEN_MAP -> "een deel van het pad is geen map";
                    case IS_MAP -> "er staat een map met die naam";
                    case NAAM_TE_LANG -> "de naam is te lang";
                    case LEESFOUT -> "de schijf gaf een schrijffout";
                })
                .orElse("schrijven mislukt" + Messages.reason(e));
    }

    private void write() throws IOException {
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
                    tmp = dir.resolve(
                            "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
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

    /** Removes {@code dir} and everything in it (a temporary folder of our own); nothing when it is gone already. */
    public static void removeTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
