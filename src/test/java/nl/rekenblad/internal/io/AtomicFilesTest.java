package nl.rekenblad.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void outputGetsThePermissionsOfAnyNewFileNotOwnerOnly() throws Exception {
        Path plain = dir.resolve("gewoon.txt");
        Files.writeString(plain, "x");
        Path out = dir.resolve("uit.xlsx");
        new AtomicFiles().add(out, o -> o.write(new byte[] {1, 2, 3})).commit();
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(out));
        assertEquals(3, Files.size(out));
    }

    @Test
    void failureLeavesNeitherOutputNorTemporaryFiles() throws Exception {
        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.json");
        AtomicFiles files = new AtomicFiles().add(a, o -> o.write(1)).add(b, o -> {
            throw new IOException("schijf vol");
        });
        assertThrows(IOException.class, files::commit);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.toList();
            assertEquals(List.of(), left);
        }
        assertFalse(Files.exists(a));
    }
}
