package nl.rekenblad.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The common commands on the bundled samples: what the launcher's class-data-sharing archive is trained on (the
 * hidden {@code oefen} command) and what {@code bench start} times. One list, so the archive holds what is measured.
 */
public final class Voorbeelden {
    /** The runs, with the samples as paths relative to the samples folder. */
    public static final List<List<String>> RUNS = List.of(
            List.of("kor", "kor-2017-voorbeeld-2.csv"),
            List.of("kor", "kor-2017-voorbeeld-2.xlsx"),
            List.of("kia", "kia-2024-2025-register.csv"),
            List.of("winst", "winst-2025.csv"),
            List.of("btw", "btw-2025-journaal.csv"),
            List.of("btw", "auditfile-2025.xaf"),
            List.of("vu", "vu-2026.csv", "--wagens", "vu-2026-wagens.csv"));

    private Voorbeelden() {}

    /** The arguments of {@code run} with its samples in {@code samples}; empty when a sample is missing. */
    public static Optional<List<String>> arguments(List<String> run, Path samples) {
        List<String> args = new ArrayList<>();
        for (String a : run) {
            boolean file = a.contains(".") && !a.startsWith("-");
            if (file && !Files.exists(samples.resolve(a))) {
                return Optional.empty();
            }
            args.add(file ? samples.resolve(a).toString() : a);
        }
        return Optional.of(args);
    }
}
