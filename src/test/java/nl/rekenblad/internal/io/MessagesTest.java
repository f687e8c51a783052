package nl.rekenblad.internal.io;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MessagesTest {
    @Test
    void readingOrWritingFailuresAreSaidInDutchWithTheFile() {
        assertEquals("a.csv: bestaat niet", Messages.io(new NoSuchFileException("a.csv")));
        assertEquals("a.csv: geen toestemming", Messages.io(new AccessDeniedException("a.csv")));
        assertEquals(
                "uit/a.xlsx: de schijf is vol",
                Messages.io(new FileSystemException("uit/a.xlsx", null, "No space left on device")));
        assertEquals("x: de naam is te lang", Messages.io(new FileSystemException("x", null, "File name too long")));
        assertEquals("de schijf is alleen-lezen", Messages.io(new IOException("Read-only file system")));
        assertEquals(
                "afgebroken: de tijd voor dit bestand is op",
                Messages.io(new InterruptedIOException("afgebroken: de tijd voor dit bestand is op")));
    }

    @Test
    void aLibrarysWordsLoseTheirClassNames() {
        assertEquals(
                "lezen of schrijven mislukt (Truncated ZIP file)",
                Messages.io(
                        new IOException("org.apache.commons.compress.archivers.zip.ZipException: Truncated ZIP file")));
        assertEquals(
                "lezen of schrijven mislukt",
                Messages.io(new IOException("Cannot invoke \"Object.toString()\" because \"x\" is null")));
    }
}
