package nl.rekenblad;

import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.btw.BtwRegulation;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.internal.io.CsvTable;
import nl.rekenblad.internal.io.TextFiles;
import nl.rekenblad.internal.io.Workbooks;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.kia.KiaRegulation;
import nl.rekenblad.kor.KorRegulation;
import nl.rekenblad.spi.Recognition;
import nl.rekenblad.spi.RegulationProvider;
import nl.rekenblad.winst.WinstRegulation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * rekenblad as a library: the regulations it knows, in one list, and how to run one.
 *
 * <pre>{@code
 * try (Outcome<KorResult> out = Rekenblad.KOR.run(Source.of(Path.of("kor-2017.csv")), Options.defaults())) {
 *     Money vermindering = out.result().vermindering();           // typed: no cast
 *     Money ook = out.keyFigures().get(KorRegulation.VERMINDERING); // the same figure by its published key
 *     out.save(Path.of("kor-2017.kor.xlsx"));
 * }
 * }</pre>
 *
 * A regulation known only by name ({@code Rekenblad.run("kor", …)}) gives an {@code Outcome<?>}.
 *
 * Thread-safe: runs share nothing.
 */
public final class Rekenblad {
    /**
     * Every regulation, in the order of the command line's subcommands and of recognition. A new regulation is one
     * new package and one line here.
     */
    private static final List<RegulationProvider> REGULATIONS = List.of(
            new KorRegulation(),
            new KiaRegulation(),
            new WinstRegulation(Rekenblad::provider),
            new BtwRegulation(),
            new nl.rekenblad.vu.VuRegulation());

    /** The KOR jaaropstelling, typed: {@code KOR.run(…)} gives an {@code Outcome<KorResult>}. */
    public static final KorRegulation KOR = typed(KorRegulation.class);
    /** The KIA-register, typed. */
    public static final KiaRegulation KIA = typed(KiaRegulation.class);
    /** The winstberekening, typed. */
    public static final WinstRegulation WINST = typed(WinstRegulation.class);
    /** The btw-opstelling, typed. */
    public static final BtwRegulation BTW = typed(BtwRegulation.class);
    /** The verworpen uitgaven, typed. */
    public static final nl.rekenblad.vu.VuRegulation VU = typed(nl.rekenblad.vu.VuRegulation.class);

    private static <T extends RegulationProvider> T typed(Class<T> type) {
        return REGULATIONS.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    private Rekenblad() {}

    /**
     * Sets POI's process-wide limits for untrusted workbooks (zip entries of at most 100 MB, inflate ratio at least
     * 1%), as the command line does when it starts. POI keeps these in static fields, so the library never sets them
     * behind your back: call this once where your application starts, or set your own limits.
     */
    public static void applyPoiLimits() {
        nl.rekenblad.internal.io.PoiSettings.apply();
    }

    /** Every regulation rekenblad knows. */
    public static List<Regulation> regulations() {
        return java.util.Collections.unmodifiableList(REGULATIONS);
    }

    /** Every regulation with what the command line, batch and winst need of it (the implementer's view). */
    public static List<RegulationProvider> providers() {
        return REGULATIONS;
    }

    /**
     * The regulation called {@code name}, as its implementer's view.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static RegulationProvider provider(String name) {
        return REGULATIONS.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("onbekende regeling \"" + name + "\"; bekend: "
                        + String.join(
                                ", ", REGULATIONS.stream().map(Regulation::name).toList())));
    }

    /**
     * The regulation called {@code name} ({@code kor}, {@code kia}, {@code winst}, {@code btw}).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Regulation regulation(String name) {
        return provider(name);
    }

    /** Runs the regulation called {@code name} on {@code source}; see {@link Regulation#run}. */
    public static Outcome<?> run(String name, Source source, Options options)
            throws IOException, InvalidInputException {
        return regulation(name).run(source, options);
    }

    /**
     * The regulation {@code source} is meant for: a workbook by the defined names of a rekenblad template (or by
     * the header of its first sheet), a CSV by its header. Empty when none recognises it.
     *
     * @throws InvalidInputException when it is a workbook that cannot be opened safely (encrypted, corrupt, zip
     *                               bomb, old .xls)
     */
    public static Optional<RegulationProvider> recognise(Source source) throws IOException, InvalidInputException {
        if (Workbooks.isWorkbook(source)) {
            // A template's defined names stand in xl/workbook.xml: a look there spares a full open.
            Optional<Set<String>> names = Workbooks.definedNames(source);
            if (names.isPresent()) {
                Optional<RegulationProvider> byName = first(new Recognition(true, names.get(), List.of()));
                if (byName.isPresent()) {
                    return byName;
                }
            }
            try (OutputWorkbook wb = Workbooks.open(source)) {
                Set<String> all = new HashSet<>();
                wb.poi().getAllNames().forEach(n -> all.add(n.getNameName()));
                List<String> header = new ArrayList<>();
                Row r = wb.poi().getNumberOfSheets() == 0
                        ? null
                        : wb.poi().getSheetAt(0).getRow(wb.poi().getSheetAt(0).getFirstRowNum());
                if (r != null) {
                    for (Cell c : r) {
                        header.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : "");
                    }
                }
                return first(new Recognition(true, all, header));
            }
        }
        String name = source.name().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xaf") || name.endsWith(".xml")) {
            return first(Recognition.xml(
                    nl.rekenblad.auditfile.AuditfileReader.looksLikeAuditfile(source.head(4096)) ? "auditfile" : "?"));
        }
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            return Optional.empty();
        }
        String head = TextFiles.decodeHead(source.head(16 * 1024));
        // The first rows, the header first: a VU cost file may start with its settings (boekjaar,2025).
        List<List<String>> rows = new ArrayList<>();
        List<nl.rekenblad.core.Problem> ignored = new ArrayList<>();
        CsvTable table = CsvTable.of(source.name(), head);
        for (CsvTable.Record r = table.next(ignored); r != null && rows.size() < 10; r = table.next(ignored)) {
            if (!r.isBlank()) {
                rows.add(r.fields());
            }
        }
        return first(Recognition.csv(rows));
    }

    private static Optional<RegulationProvider> first(Recognition r) {
        return REGULATIONS.stream().filter(reg -> reg.recognises(r)).findFirst();
    }
}
