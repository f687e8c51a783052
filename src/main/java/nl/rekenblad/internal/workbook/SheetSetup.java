package nl.rekenblad.internal.workbook;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/** What every sheet rekenblad writes in POI's model has in common: page setup, document properties, references. */
public final class SheetSetup {
    private SheetSetup() {}

    /** Fixed document dates, so that the same template always has the same bytes inside. */
    static void fixProperties(XSSFWorkbook wb) {
        GregorianCalendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        cal.clear();
        cal.set(2026, Calendar.JANUARY, 1);
        Date fixed = cal.getTime();
        var core = wb.getProperties().getCoreProperties();
        core.setCreated(Optional.of(fixed));
        core.setCreator("rekenblad");
        core.setTitle("rekenblad");
    }

    /**
     * A4 landscape, fitted to one page wide: how a bookkeeper prints a working paper; and no "number stored as text"
     * warnings on the sheet rekenblad made.
     */
    static void pageSetup(Sheet sh) {
        PrintSetup ps = sh.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sh.setFitToPage(true);
        sh.setAutobreaks(true);
        if (sh instanceof org.apache.poi.xssf.usermodel.XSSFSheet x) {
            // Account numbers, VAT codes and postcodes are text on purpose: no "number stored as text" triangles.
            x.addIgnoredErrors(
                    new org.apache.poi.ss.util.CellRangeAddress(0, 1_048_575, 0, 16_383),
                    org.apache.poi.ss.usermodel.IgnoredErrorType.NUMBER_STORED_AS_TEXT);
        }
    }

    /** At most this many columns are fitted to one page wide; a wider sheet would print too small to read. */
    static final int FIT_COLUMNS = 12;

    /**
     * As {@link #pageSetup(Sheet)} for a sheet of {@code columns} columns: a wider one than {@link #FIT_COLUMNS} is not
     * shrunk to one page wide but printed at full size across pages, with its label column on every page.
     */
    static void pageSetup(Sheet sh, int columns) {
        pageSetup(sh);
        if (columns > FIT_COLUMNS) {
            sh.setFitToPage(false);
            sh.getPrintSetup().setScale((short) 100);
            sh.setRepeatingColumns(org.apache.poi.ss.util.CellRangeAddress.valueOf("A:A"));
        }
    }

    /** An absolute reference to {@code range} on {@code sheet}, as a defined name refers to it. */
    static String reference(String sheet, CellRangeAddress range) {
        return range.isFullRowRange() || range.getNumberOfCells() > 1
                ? new AreaReference(
                                new CellReference(sheet, range.getFirstRow(), range.getFirstColumn(), true, true),
                                new CellReference(sheet, range.getLastRow(), range.getLastColumn(), true, true),
                                SpreadsheetVersion.EXCEL2007)
                        .formatAsString()
                : new CellReference(sheet, range.getFirstRow(), range.getFirstColumn(), true, true).formatAsString();
    }

    /** The lines a wrapping text takes in a column {@code width} (in 1/256 of a character) wide. */
    public static int linesNeeded(String text, int width) {
        // A width unit is one '0' of the default font; running text fits about 1.2 characters per unit.
        int chars = Math.max(1, width * 6 / 5 / 256 - 1);
        int need = 0;
        for (String part : text.split("\n", -1)) {
            need += Math.max(1, (part.length() + chars - 1) / chars);
        }
        return need;
    }
}
