package nl.rekenblad.internal.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private void assertNothingLeft(Path... untouched) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.filter(p -> !List.of(untouched).contains(p)).toList();
            assertEquals(List.of(), left, "a temporary or half-written file");
        }
    }

    @Test
    void aDiskThatFillsUpHalfwayIsOneDutchLineAndLeavesNothing() throws Exception {
        Path a = dir.resolve("a.xlsx");
        AtomicFiles files = new AtomicFiles().add(a, o -> {
            o.write(new byte[100_000]);
            throw new IOException("No space left on device");
        });
        IOException e = assertThrows(AtomicFiles.OutputException.class, files::commit);
        assertEquals("kan " + a + " niet schrijven: de schijf is vol", e.getMessage());
        assertNothingLeft();
    }

    @Test
    void aDirectoryWhereTheOutputShouldGoIsNamedAndLeftAsItWas() throws Exception {
        Path target = Files.createDirectory(dir.resolve("uit.xlsx"));
        IOException e = assertThrows(
                AtomicFiles.OutputException.class,
                () -> new AtomicFiles().add(target, o -> o.write(1)).commit());
        assertEquals(target + " is een map; geef een bestandsnaam", e.getMessage());
        assertNothingLeft(target);
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("invoer.csv"), "x");
        IOException e = assertThrows(
                AtomicFiles.OutputException.class,
                () -> new AtomicFiles()
                        .add(file.resolve("uit.xlsx"), o -> o.write(1))
                        .commit());
        assertTrue(e.getMessage().contains("is geen map"), e.getMessage());
        assertEquals("x", Files.readString(file));
        assertNothingLeft(file);
    }

    @Test
    void aFolderWithoutWritePermissionIsNamedWhenTheUserHasNone() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("alleen-lezen"));
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            AtomicFiles files = new AtomicFiles().add(locked.resolve("uit.xlsx"), o -> o.write(1));
            if (Files.isWritable(locked)) {
                // Running as root, as CI does: permissions do not stop the write, so there is no failure to see.
                files.commit();
                assertTrue(Files.exists(locked.resolve("uit.xlsx")));
            } else {
                IOException e = assertThrows(AtomicFiles.OutputException.class, files::commit);
                assertTrue(e.getMessage().contains("geen toestemming"), e.getMessage());
                try (Stream<Path> s = Files.list(locked)) {
                    assertEquals(0, s.count());
                }
            }
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
