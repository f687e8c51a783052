package nl.rekenblad.batch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One thing to process: an attachment of a mail (its bytes) or a plain file (its path), or a mail
 * that could not be read at all ({@code fout}). Immutable.
 *
 * @param bron  the mail or file it came from, as given
 * @param naam  the attachment's sanitised name (the file's name for a plain file)
 * @param bytes the attachment's content, for a mail attachment
 * @param pad   the file, for a plain file
 * @param fout  why the mail could not be read, if so
 */
public record Bijlage(Path bron, String naam, byte[] bytes, Path pad, Optional<String> fout) {
    public static Bijlage vanMail(Path mail, String naam, byte[] bytes) {
        return new Bijlage(mail, naam, bytes, null, Optional.empty());
    }

    public static Bijlage bestand(Path file) {
        return new Bijlage(file, file.getFileName().toString(), null, file, Optional.empty());
    }

    public static Bijlage onleesbaar(Path mail, String fout) {
        return new Bijlage(mail, null, null, null, Optional.of(fout));
    }

    public boolean uitMail() {
        return bytes != null;
    }
}
