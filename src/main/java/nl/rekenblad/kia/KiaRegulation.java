package nl.rekenblad.kia;

import nl.rekenblad.api.Option;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.internal.io.JobOutcome;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.internal.io.OutputFiles;
import nl.rekenblad.internal.io.Outputs;
import nl.rekenblad.internal.io.Workbooks;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.spi.Contribution;
import nl.rekenblad.spi.Recognition;
import nl.rekenblad.spi.RegulationProvider;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The KIA investeringsregister as a {@link Regulation}: a register (CSV or template) to the KIA workbook. Stateless. */
public final class KiaRegulation implements RegulationProvider {
    /** Figure key ({@link nl.rekenblad.api.Outcome#figures()}) of the kleinschaligheidsinvesteringsaftrek of {@code jaar}, {@code Money}. */
    public static String kia(int jaar) {
        return "kia" + jaar;
    }

    /** The partner's share when the register is a partnership's: more than 0, at most 1. */
    public static final Option<BigDecimal> AANDEEL = Option.of(
            "aandeel",
            BigDecimal.class,
            v -> v.signum() > 0 && v.compareTo(BigDecimal.ONE) <= 0,
            "het aandeel moet groter dan 0 en ten hoogste 1 zijn");

    @Override
    public String name() {
        return "kia";
    }

    @Override
    public String title() {
        return "KIA investeringsregister";
    }

    @Override
    public java.util.List<String> invoerSoorten() {
        return java.util.List.of("KIA");
    }

    @Override
    public java.util.Optional<String> invoerOmschrijving() {
        return java.util.Optional.of("een investeringsregister voor de KIA (CSV of werkboek)");
    }

    @Override
    public boolean recognises(Recognition input) {
        return input.workbook()
                ? input.definedNames().contains(KiaTemplate.N_REGISTER)
                : input.columns().containsAll(KiaCsvReader.REQUIRED);
    }

    /** Reads and computes {@code source}; uses {@link #AANDEEL} for a partnership's register. */
    @Override
    public Outcome<KiaResult> run(Source source, Options options) throws IOException, InvalidInputException {
        Outputs.requireFile(source);
        KiaInput in;
        OutputWorkbook wb = null;
        if (Workbooks.isWorkbook(source)) {
            KiaWorkbookReader.Loaded loaded =
                    Outputs.reading(source, () -> new KiaWorkbookReader().read(source, options.get(AANDEEL)));
            in = loaded.input();
            wb = loaded.workbook();
        } else {
            in = Outputs.reading(source, () -> new KiaCsvReader().read(source, options.get(AANDEEL)));
        }
        KiaInput calculated = in;
        Outputs.Filled<KiaResult> f = Outputs.fill(
                source,
                wb,
                () -> KiaBerekening.withBundledRules().calculate(calculated),
                () -> KiaTemplate.forOutput(calculated),
                new KiaWorkbookWriter()::write);
        KiaResult r = f.result();
        OutputWorkbook book = f.workbook();
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int y : r.years()) {
            figures.put(kia(y), r.kia(y));
        }
        Map<String, Money> named = new LinkedHashMap<>();
        for (int y : r.years()) {
            named.put("KIA_Investeringen_" + y, r.investeringen(y));
            named.put("KIA_Aftrek_" + y, r.kia(y));
        }
        for (int y : r.disposalYears()) {
            named.put("KIA_Bijtelling_" + y, r.bijtelling(y));
        }
        return new JobOutcome<>(
                        name(), source, r, figures, r.warnings(), () -> Json.write(KiaJson.toMap(r)), book, wb != null)
                .withNamedResults(named);
    }

    /** The KIA's part of the profit of {@code year}: KIA, EIA and MIA (deducted) and the bijtelling (added). */
    @Override
    public Optional<Contribution> contribution(Source output, int year) throws IOException, InvalidInputException {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        try {
            if (Workbooks.isWorkbook(output)) {
                try (OutputWorkbook book = Workbooks.open(output)) {
                    XSSFWorkbook wb = book.poi();
                    if (wb.getName(KiaTemplate.N_REGISTER) == null) {
                        throw new Contribution.NotUsable("is geen KIA-uitvoer van rekenblad");
                    }
                    v.put("kia", OutputFiles.numberOrZero(wb, "KIA_Aftrek_" + year, output.name()));
                    v.put("eia", OutputFiles.numberOrZero(wb, "KIA_EIA_" + year, output.name()));
                    v.put("mia", OutputFiles.numberOrZero(wb, "KIA_MIA_" + year, output.name()));
                    v.put("bijtelling", OutputFiles.numberOrZero(wb, "KIA_Bijtelling_" + year, output.name()));
                }
            } else {
                Map<?, ?> m = OutputFiles.json(output);
                Map<?, ?> row = Map.of();
                for (Map<?, ?> o : OutputFiles.objects(m, "jaren")) {
                    if (OutputFiles.year(o, "jaar") == year) {
                        row = o;
                    }
                }
                for (String k : List.of("kia", "eia", "mia", "bijtelling")) {
                    v.put(k, OutputFiles.number(row, k).orElse(BigDecimal.ZERO));
                }
            }
        } catch (Contribution.NotUsable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Contribution.NotUsable("is niet te lezen als KIA-uitvoer");
        }
        List<String> warnings = v.values().stream().allMatch(d -> d.signum() == 0)
                ? List.of(output.name() + " heeft voor " + year + " geen investeringsaftrek of bijtelling")
                : List.of();
        return Optional.of(new Contribution(v, warnings));
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
    public java.util.concurrent.Callable<Integer> command() {
        return new KiaCommand();
    }
}
