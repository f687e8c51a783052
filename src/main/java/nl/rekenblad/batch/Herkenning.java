package nl.rekenblad.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.btw.LedgerReader;
import nl.rekenblad.io.Workbooks;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Recognises what a file is for: a workbook by the defined names of a rekenblad template, a CSV
 * (or a sheet) by its header: KOR returns, KIA register or journal.
 */
final class Herkenning {
    /** What rekenblad can do with a file. */
    enum Soort { kor, kia, btw }

    private Herkenning() {
    }

    /**
     * @throws InvalidInputException when the file is a workbook that cannot be opened safely
     *                               (encrypted, corrupt, zip bomb, old .xls)
     */
    static Optional<Soort> herken(Path file) throws IOException, InvalidInputException {
        if (Workbooks.isWorkbookFile(file)) {
            // The template's defined names stand in xl/workbook.xml: a look there spares a full second open.
            Optional<String> names = workbookXml(file);
            if (names.isPresent() && (names.get().contains(">KOR_Invoer<") || names.get().contains("\"KOR_Invoer\""))) {
                return Optional.of(Soort.kor);
            }
            if (names.isPresent() && (names.get().contains(">KIA_Register<") || names.get().contains("\"KIA_Register\""))) {
                return Optional.of(Soort.kia);
            }
            try (XSSFWorkbook wb = Workbooks.open(file)) {
                if (wb.getName("KOR_Invoer") != null) {
                    return Optional.of(Soort.kor);
                }
                if (wb.getName("KIA_Register") != null) {
                    return Optional.of(Soort.kia);
                }
                List<String> header = new ArrayList<>();
                Row r = wb.getNumberOfSheets() == 0 ? null : wb.getSheetAt(0).getRow(wb.getSheetAt(0).getFirstRowNum());
                if (r != null) {
                    for (Cell c : r) {
                        header.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : "");
                    }
                }
                return ledger(header) ? Optional.of(Soort.btw) : Optional.empty();
            }
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            return Optional.empty();
        }
        String first;
        try (InputStream in = Files.newInputStream(file)) {
            String head = nl.rekenblad.io.TextFiles.decodeHead(in.readNBytes(16 * 1024));
            first = head.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        }
        char d = first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<String> cols = new ArrayList<>();
        for (String c : first.split(String.valueOf(d), -1)) {
            cols.add(c.replace("\"", "").trim().toLowerCase(Locale.ROOT));
        }
        if (cols.containsAll(List.of("periode", "rubriek", "omzet", "btw"))) {
            return Optional.of(Soort.kor);
        }
        if (cols.containsAll(List.of("id", "omschrijving", "datum", "bedrag", "soort"))) {
            return Optional.of(Soort.kia);
        }
        return ledger(cols) ? Optional.of(Soort.btw) : Optional.empty();
    }

    /**
     * The text of {@code xl/workbook.xml} when the file is a zip that has one of modest size; empty
     * otherwise (then the full, guarded open decides, with its own messages).
     */
    static Optional<String> workbookXml(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry e = zip.getEntry("xl/workbook.xml");
            if (e == null || e.getSize() < 0 || e.getSize() > 1_000_000) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(e)) {
                byte[] b = in.readNBytes(1_000_001);
                return b.length > 1_000_000 ? Optional.empty()
                        : Optional.of(new String(b, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A journal: a date, a rubriek and an amount column by any of the recognised spellings. */
    static boolean ledger(List<String> header) {
        List<String> norm = header.stream().map(LedgerReader::normalize).toList();
        for (String field : List.of("datum", "rubriek", "grondslag")) {
            if (LedgerReader.SYNONYMS.get(field).stream().map(LedgerReader::normalize).noneMatch(norm::contains)) {
                return false;
            }
        }
        return true;
    }
}
