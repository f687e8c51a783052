package nl.rekenblad.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MsgProbeTest {
    @TempDir
    Path dir;

    @Test
    void craftedMsgAttachmentsAreRead() throws Exception {
        Path f = dir.resolve("a.msg");
        Map<String, byte[]> att = new LinkedHashMap<>();
        att.put("kor.csv", Files.readAllBytes(Path.of("samples/kor-2017-voorbeeld-1.csv")));
        att.put("../../etc/passwd", "x".getBytes());
        Mails.msg(f, "KOR 2017", att);
        List<Bijlage> b = Intake.lees(List.of(f));
        assertEquals(2, b.size(), b.toString());
        assertEquals("kor.csv", b.get(0).naam(), b.get(0).toString());
        assertEquals("passwd", b.get(1).naam());
    }
}
