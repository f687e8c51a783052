package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.io.CellReader;
import nl.rekenblad.internal.io.Workbooks;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.NumberToTextConverter;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a KOR input workbook made from {@code templates/kor-jaaropstelling.xlsx}, finding every
 * part through its defined names. Every bad cell is reported with its {@code Sheet!Cell}.
 */
final class KorWorkbookReader {

    /** The input and the opened workbook, which becomes the output with the result sheets added. */
    public record Loaded(KorInput input, OutputWorkbook workbook) {}

    /**
     * Reads {@code file}; the file itself is only read, never written. The legal form and the previous year's
     * turnover are the workbook's (a blank legal form is eenmanszaak); options replace them in
     * {@link KorRegulation#run}.
     */
    public Loaded read(Path file) throws IOException, InvalidInputException {
        return read(Source.of(file));
    }

    /** Reads {@code source}; see {@link #read(Path)}. */
    public Loaded read(Source source) throws IOException, InvalidInputException {
        String bron = source.name();
        OutputWorkbook wb = Workbooks.open(source);
        try {
            return new Loaded(read(wb, bron), wb);
        } catch (InvalidInputException | RuntimeException e) {
            wb.close();
            throw e;
        }
    }

    KorInput read(OutputWorkbook wb, String bron) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        KorTemplate.Located loc =
                KorTemplate.locate(wb, problems, bron).orElseThrow(() -> new InvalidInputException(problems));
        CellReader cells = new CellReader(wb.poi(), bron, problems);
        Integer year = readYear(cells, loc.year(), problems);
        Rechtsvorm rechtsvorm =
                loc.rechtsvorm().map(c -> readRechtsvorm(cells, c, problems)).orElse(Rechtsvorm.STANDAARD);
        Optional<Money> vorig = loc.omzetVorigJaar().map(cells::amount).map(Money::of);
        if (year == null) {
            throw new InvalidInputException(problems);
        }
        Map<Period, Integer> cols = loc.periodColumns(wb, year, problems, bron);
        Map<Rubriek, Integer> rows = loc.rubriekRows(wb, problems, bron);
        Map<Period, Map<Rubriek, KorInput.Bedragen>> lines = new LinkedHashMap<>();
        for (Map.Entry<Period, Integer> pc : cols.entrySet()) {
            Map<Rubriek, KorInput.Bedragen> m = new EnumMap<>(Rubriek.class);
            for (Map.Entry<Rubriek, Integer> rr : rows.entrySet()) {
                Rubriek r = rr.getKey();
                Target.Cell oc = new Target.Cell(loc.sheet(), rr.getValue(), pc.getValue());
                Target.Cell bc = new Target.Cell(loc.sheet(), rr.getValue(), pc.getValue() + 1);
                BigDecimal omzet = cells.amount(oc);
                BigDecimal btw = cells.amount(bc);
                if (!r.hasOmzet() && omzet != null && omzet.signum() != 0) {
                    problems.add(Problem.error(
                            cells.where(oc), "rubriek 5b heeft alleen een btw-bedrag (de voorbelasting)"));
                }
                if (!r.hasBtw() && btw != null && btw.signum() != 0) {
                    problems.add(Problem.error(
                            cells.where(bc), "rubriek " + r.code() + " heeft geen btw; laat deze cel leeg"));
                }
                if (omzet != null || btw != null) {
                    m.put(
                            r,
                            new KorInput.Bedragen(
                                    omzet == null ? null : Money.of(omzet), btw == null ? null : Money.of(btw)));
                }
            }
            lines.put(pc.getKey(), m);
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(problems);
        }
        List<Period> periods = cols.keySet().stream().sorted().toList();
        List<Problem> warnings = new ArrayList<>();
        List<Period> all = KorCsvReader.allPeriods(year, periods.get(0).kind());
        for (Period p : all) {
            if (!cols.containsKey(p)) {
                warnings.add(Problem.warning(
                        bron, "het werkboek heeft geen kolommen voor " + p.label() + ": die periode telt als nul"));
            } else if (lines.get(p).isEmpty()) {
                warnings.add(Problem.warning(
                        bron,
                        "geen bedragen voor " + p.label()
                                + ": die periode telt als nul (begon de onderneming later in het jaar?)"));
            }
        }
        return new KorInput(bron, year, periods, lines, rechtsvorm, vorig, warnings);
    }

    private static Integer readYear(CellReader cells, Target.Cell c, List<Problem> problems) {
        Cell cell = cells.cell(c);
        String where = cells.where(c);
        if (cell == null
                || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING
                        && cell.getStringCellValue().isBlank())) {
            problems.add(Problem.error(
                    where, "het jaar ontbreekt; vul het jaar in (gedefinieerde naam " + KorTemplate.N_JAAR + ")"));
            return null;
        }
        String text = cell.getCellType() == CellType.NUMERIC
                ? NumberToTextConverter.toText(cell.getNumericCellValue())
                : cell.getCellType() == CellType.STRING
                        ? cell.getStringCellValue().trim()
                        : "";
        if (!text.matches("\\d{4}")) {
            problems.add(Problem.error(where, "verwacht een jaartal, gevonden \"" + text + "\""));
            return null;
        }
        return Integer.parseInt(text);
    }

    private static Rechtsvorm readRechtsvorm(CellReader cells, Target.Cell c, List<Problem> problems) {
        Cell cell = cells.cell(c);
        String text = cell == null || cell.getCellType() != CellType.STRING
                ? ""
                : cell.getStringCellValue().trim();
        if (text.isEmpty()) {
            return Rechtsvorm.STANDAARD;
        }
        return Rechtsvorm.of(text).orElseGet(() -> {
            problems.add(Problem.error(
                    cells.where(c), "onbekende rechtsvorm \"" + text + "\"; verwacht een van: " + Rechtsvorm.words()));
            return Rechtsvorm.STANDAARD;
        });
    }
}
