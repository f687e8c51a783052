package nl.rekenblad.kia;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Recognition;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.io.JobOutcome;
import nl.rekenblad.io.Json;
import nl.rekenblad.io.Outputs;
import nl.rekenblad.sheet.OutputWorkbook;

/** The KIA investeringsregister as a {@link Regulation}: a register (CSV or template) to the KIA workbook. Stateless. */
public final class KiaRegulation implements Regulation {
    @Override
    public String name() {
        return "kia";
    }

    @Override
    public String title() {
        return "KIA investeringsregister";
    }

    @Override
    public boolean recognises(Recognition input) {
        return input.workbook() ? input.definedNames().contains(KiaTemplate.N_REGISTER)
                : input.columns().containsAll(KiaCsvReader.REQUIRED);
    }

    /** Reads and computes {@code source}; uses {@link Options#aandeel()} for a partnership's register. */
    @Override
    public Outcome<KiaResult> run(Source source, Options options) throws IOException, InvalidInputException {
        Outputs.requireFile(source);
        KiaInput in;
        OutputWorkbook wb = null;
        if (Outputs.isWorkbook(source)) {
            KiaWorkbookReader.Loaded loaded = new KiaWorkbookReader().read(source, options.aandeel());
            in = loaded.input();
            wb = loaded.workbook();
        } else {
            in = new KiaCsvReader().read(source, options.aandeel());
        }
        KiaInput calculated = in;
        Outputs.Filled<KiaResult> f = Outputs.fill(wb, () -> KiaBerekening.withBundledRules().calculate(calculated),
                () -> KiaTemplate.forOutput(calculated), new KiaWorkbookWriter()::write);
        KiaResult r = f.result();
        OutputWorkbook book = f.workbook();
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int y : r.years()) {
            figures.put("kia" + y, r.kia(y));
        }
        return new JobOutcome<>(name(), source, r, figures, r.warnings(), () -> Json.write(KiaJson.toMap(r)),
                out -> book.save(out), book);
    }

    @Override
    public Optional<String> templateName() {
        return Optional.of("kia-investeringsregister.xlsx");
    }

    @Override
    public void writeTemplate(OutputStream out, Options options) throws IOException {
        try (OutputWorkbook wb = KiaTemplate.create()) {
            wb.save(out);
        }
    }

    @Override
    public Object command() {
        return new KiaCommand();
    }
}
