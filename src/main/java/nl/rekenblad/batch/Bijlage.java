package nl.rekenblad.batch;

import nl.rekenblad.api.Source;

import java.nio.file.Path;

/**
 * One thing to process, from a folder, a mail file or a mailbox: an attachment or plain file to run
 * ({@link Invoer}, its content as a {@link Source}), or one that cannot be read ({@link Onleesbaar}). Immutable.
 */
public sealed interface Bijlage permits Bijlage.Invoer, Bijlage.Onleesbaar {
    /** The mail or file it came from, as the report names it (a path, or a mail's label). */
    String bron();

    /** The attachment's sanitised name (the file's name for a plain file); null for a mail read as a whole. */
    String naam();

    /**
     * An attachment or file to run.
     *
     * @param uitMail whether it came out of a mail (its output is named after mail and attachment)
     */
    record Invoer(String bron, String naam, Source source, boolean uitMail) implements Bijlage {}

    /** Something that cannot be run, and why (a mail that cannot be read, an attachment too large). */
    record Onleesbaar(String bron, String naam, String fout) implements Bijlage {}

    static Bijlage vanMail(String bron, String naam, byte[] bytes) {
        return new Invoer(bron, naam, Source.of(naam, bytes), true);
    }

    /** A file uploaded to the web page: its name made safe as a mail attachment's is, its bytes in memory. */
    static Bijlage upload(String naam, byte[] bytes) {
        String veilig = Namen.veilig(naam == null || naam.isBlank() ? "bestand" : naam);
        return new Invoer("webpagina", veilig, Source.of(veilig, bytes), true);
    }

    static Bijlage bestand(Path file) {
        return new Invoer(file.toString(), file.getFileName().toString(), Source.of(file), false);
    }

    static Bijlage onleesbaar(String bron, String fout) {
        return new Onleesbaar(bron, null, fout);
    }

    static Bijlage onleesbaar(String bron, String naam, String fout) {
        return new Onleesbaar(bron, naam, fout);
    }
}
