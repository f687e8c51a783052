package nl.rekenblad.batch;

import nl.rekenblad.Rekenblad;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeheugenTest {
    private static Bijlage.Invoer bijlage(String naam, int bytes) {
        return (Bijlage.Invoer) Bijlage.vanMail("mail.eml", naam, new byte[bytes]);
    }

    @Test
    void aJobTakesWhatItsKindAndSizeMayNeedWithinTheShare() {
        Geheugen g = new Geheugen(400);
        assertEquals(300, g.schatting(Rekenblad.provider("kia"), bijlage("register.xlsx", 1 << 20)));
        assertEquals(240, g.schatting(Rekenblad.provider("kia"), bijlage("register.csv", 4 << 20)));
        assertEquals(160, g.schatting(Rekenblad.provider("btw"), bijlage("export.xaf", 200)));
        assertEquals(16, g.schatting(Rekenblad.provider("kor"), bijlage("kor.csv", 2_000)));
        // More than the whole share: it runs alone rather than never.
        assertEquals(400, g.schatting(Rekenblad.provider("kia"), bijlage("groot.xlsx", 10 << 20)));
    }

    @Test
    void aJobThatDoesNotFitWaitsUntilTheOtherIsDone() throws Exception {
        Geheugen g = new Geheugen(400);
        AtomicBoolean secondRan = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        try (Geheugen.Deel first = g.neem(300)) {
            Thread t = new Thread(() -> {
                try (Geheugen.Deel second = g.neem(300)) {
                    secondRan.set(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                done.countDown();
            });
            t.start();
            assertFalse(done.await(300, TimeUnit.MILLISECONDS), "the second job ran beside the first");
            assertFalse(secondRan.get());
        }
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(400, g.vrijMb());
    }
}
