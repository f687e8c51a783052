package nl.rekenblad.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One input for rekenblad: a file, or bytes (a mail attachment, an upload) with a name for messages.
 * rekenblad only ever reads it. Immutable and thread-safe; a source of bytes may be read any number of times.
 */
public final class Source {
    /** The most a stream or reader is read into memory: far above any workbook or CSV rekenblad accepts. */
    public static final long MAX_STREAM_BYTES = 256L * 1024 * 1024;

    private final String name;
    private final Path path;
    private final byte[] bytes;
    private final Path baseDir;

    private Source(String name, Path path, byte[] bytes, Path baseDir) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = path;
        this.bytes = bytes;
        this.baseDir = baseDir;
    }

    /** {@link #of(Path)}, or null for null: for an optional file given on the command line. */
    public static Source ofNullable(Path file) {
        return file == null ? null : of(file);
    }

    /** A file; its name is used in messages, and paths inside it (a winst input's {@code kor=…}) are relative to its folder. */
    public static Source of(Path file) {
        Path name = file.getFileName();
        Path parent = file.toAbsolutePath().getParent();
        return new Source(name == null ? file.toString() : name.toString(), file, null, parent);
    }

    /** Bytes with a name; the name's extension ({@code .csv}, {@code .xlsx}) helps recognise them. Not copied: do not change them. */
    public static Source of(String name, byte[] bytes) {
        return new Source(name, null, Objects.requireNonNull(bytes, "bytes"), null);
    }

    /**
     * A stream, read whole now (at most {@link #MAX_STREAM_BYTES}) and not closed.
     *
     * @throws IOException when reading fails or the stream holds more than the maximum
     */
    public static Source of(String name, InputStream in) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_STREAM_BYTES + 1));
        if (b.length > MAX_STREAM_BYTES) {
            throw new IOException(name + ": meer dan " + MAX_STREAM_BYTES + " bytes");
        }
        return of(name, b);
    }

    /** Text (a CSV), read whole now and kept as UTF-8; the reader is not closed. */
    public static Source of(String name, Reader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) >= 0; ) {
            sb.append(buf, 0, n);
            if (sb.length() > MAX_STREAM_BYTES) {
                throw new IOException(name + ": meer dan " + MAX_STREAM_BYTES + " tekens");
            }
        }
        return of(name, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The same content under another name for messages (the path as the user typed it). */
    public Source withName(String newName) {
        return new Source(newName, path, bytes, baseDir);
    }

    /** The same source, with paths inside it resolved against {@code dir}. */
    public Source withBaseDir(Path dir) {
        return new Source(name, path, bytes, dir.toAbsolutePath());
    }

    /** The name for messages: the file name, or the name given with the bytes. */
    public String name() {
        return name;
    }

    /** The file, when this source is one. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** Where relative paths inside the input point from, when known. */
    public Optional<Path> baseDir() {
        return Optional.ofNullable(baseDir);
    }

    /** The size in bytes. */
    public long size() throws IOException {
        return bytes != null ? bytes.length : Files.size(path);
    }

    /** A new stream over the content; the caller closes it. */
    public InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(path);
    }

    /** The whole content; callers check {@link #size()} against their limit first. */
    public byte[] readAllBytes() throws IOException {
        return bytes != null ? bytes : Files.readAllBytes(path);
    }

    /** At most the first {@code n} bytes. */
    public byte[] head(int n) throws IOException {
        if (bytes != null) {
            return java.util.Arrays.copyOf(bytes, Math.min(n, bytes.length));
        }
        try (InputStream in = open()) {
            return in.readNBytes(n);
        }
    }

    @Override
    public String toString() {
        return path != null ? path.toString() : name;
    }
}
