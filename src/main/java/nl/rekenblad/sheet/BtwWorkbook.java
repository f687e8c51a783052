package nl.rekenblad.sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.rekenblad.btw.BtwAangifte;
import nl.rekenblad.btw.BtwBerekening;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.rules.UsedParameter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The btw-opstelling workbook. The journal ("Boekingen") is streamed row by row (SXSSF, bounded
 * memory); the small result sheets are written afterwards through the ordinary sheet writer.
 * Since a streamed sheet cannot be evaluated, every formula carries the value Java computed.
 */
public final class BtwWorkbook implements AutoCloseable {
    public static final String AANGIFTE = "Aangifte";
    public static final String BOEKINGEN = "Boekingen";
    public static final String CONTROLE = "Controle";
    public static final String PARAMETERS = "Parameters btw";
    public static final String TOELICHTING = "Toelichting btw";
    static final String MARKER = "rekenblad-btw";
    /** Computed columns after the columns as given. */
    static final List<String> COMPUTED = List.of("periode (rekenblad)", "rubriek (rekenblad)", "grondslag (rekenblad)",
            "tarief (rekenblad)", "btw (rekenblad)", "btw berekend");

    private final XSSFWorkbook xssf;
    private final SXSSFWorkbook sxssf;
    private final Sheet boekingen;
    private final Styles styles;
    private final CellStyle money;
    private final CellStyle percent;
    private final int given;
    private int nextRow = 1;

    public BtwWorkbook(List<String> header) {
        xssf = new XSSFWorkbook();
        KorTemplate.fixProperties(xssf);
        styles = new Styles(xssf);
        xssf.createSheet(AANGIFTE);
        xssf.createSheet(BOEKINGEN);
        money = styles.get(Styles.Kind.MONEY);
        percent = styles.get(Styles.Kind.PERCENT);
        sxssf = new SXSSFWorkbook(xssf, 200);
        sxssf.setCompressTempFiles(true);
        boekingen = sxssf.getSheet(BOEKINGEN);
        given = header.size();
        Row h = boekingen.createRow(0);
        CellStyle hs = styles.get(Styles.Kind.HEADER);
        for (int i = 0; i < header.size(); i++) {
            h.createCell(i).setCellValue(header.get(i));
            h.getCell(i).setCellStyle(hs);
        }
        for (int i = 0; i < COMPUTED.size(); i++) {
            h.createCell(given + i).setCellValue(COMPUTED.get(i));
            h.getCell(given + i).setCellStyle(hs);
        }
        boekingen.createFreezePane(0, 1);
    }

    /** Appends one journal line: the fields as given, then period, rubriek, grondslag, rate, btw. */
    public void boeking(List<String> fields, BtwBerekening.Regel r) {
        Row row = boekingen.createRow(nextRow++);
        for (int i = 0; i < fields.size() && i < given; i++) {
            row.createCell(i).setCellValue(fields.get(i));
        }
        if (r.periode() != null) {
            row.createCell(given).setCellValue(r.periode().key());
        }
        if (r.rubriek() != null) {
            row.createCell(given + 1).setCellValue(rubriekLabel(r.rubriek().code()));
        }
        var g = row.createCell(given + 2);
        g.setCellValue(r.boeking().grondslag().doubleValue());
        g.setCellStyle(money);
        if (r.tarief() != null) {
            var t = row.createCell(given + 3);
            t.setCellValue(r.tarief().doubleValue());
            t.setCellStyle(percent);
        }
        var b = row.createCell(given + 4);
        b.setCellValue(r.btw().doubleValue());
        b.setCellStyle(money);
        row.createCell(given + 5).setCellValue(r.berekend() ? "ja" : "nee");
    }

    /** The text in the rubriek column: "rubriek 1a" (a bare "1a" could be read as a time by a spreadsheet's criteria). */
    public static String rubriekLabel(String code) {
        return "rubriek " + code;
    }

    /** The SUMIFS over the streamed lines for one column, rubriek and period. */
    public String sumIfs(String column, String rubriek, String periodeKey) {
        int last = Math.max(2, nextRow);
        String sum = col(given + (column.equals("omzet") ? 2 : 4), last);
        return "SUMIFS(" + sum + "," + col(given + 1, last) + ",\"" + rubriekLabel(rubriek) + "\"," + col(given, last)
                + ",\"" + periodeKey + "\")";
    }

    private static String col(int c, int lastRow) {
        String l = Target.columnLetters(c);
        return BOEKINGEN + "!$" + l + "$2:$" + l + "$" + lastRow;
    }

    /** Writes Aangifte, Controle, Parameters and Toelichting once every line is in. */
    public void results(BtwAangifte.Result aangifte, BtwBerekening b, List<UsedParameter> params, String bron,
            List<Problem> warnings) {
        Map<String, Target> targets = new HashMap<>();
        ResultSheets out = new ResultSheets(xssf, targets);
        out.place(AANGIFTE, aangifte.layout());
        out.checkPlaced(aangifte.calculation());
        out.parameters(PARAMETERS, "Btw-tarieven " + b.jaar(), "De tarieven waarmee rekenblad de btw berekent van regels"
                + " zonder btw-bedrag (grondslag × tarief, op centen afgerond).", params);
        out.write(AANGIFTE, "Btw-opstelling " + b.jaar(), "Uit " + bron + " · " + b.regels() + " boekingen · elke som is een"
                + " SUMIFS over het blad " + BOEKINGEN + "; zie " + CONTROLE + " voor afwijkende regels", aangifte.layout(),
                aangifte.calculation(), 64);
        controle(b);
        out.toelichting(TOELICHTING, "Toelichting btw-opstelling " + b.jaar(), aangifte.calculation(), warnings);
        out.finish(AANGIFTE, MARKER, List.of(AANGIFTE, BOEKINGEN, CONTROLE, PARAMETERS, TOELICHTING));
    }

    private void controle(BtwBerekening b) {
        XSSFSheet sh = xssf.createSheet(CONTROLE);
        KorTemplate.Cells c = new KorTemplate.Cells(sh, styles);
        c.text(0, 0, "Controle", Styles.Kind.TITLE);
        c.text(1, 0, b.aantalMeldingen() + " regels vragen aandacht (btw wijkt meer dan een cent af van grondslag × tarief,"
                + " datum buiten het jaar, onbekende rubriek, geen btw of tarief)"
                + (b.aantalMeldingen() > b.meldingen().size() ? "; de eerste " + b.meldingen().size() + " staan hieronder" : ""),
                Styles.Kind.NOTE);
        c.text(3, 0, "Regel", Styles.Kind.HEADER);
        c.text(3, 1, "Omschrijving", Styles.Kind.HEADER);
        c.text(3, 2, "Melding", Styles.Kind.HEADER);
        int row = 4;
        for (BtwBerekening.Melding m : b.meldingen()) {
            c.cell(row, 0).setCellValue(m.regel());
            c.text(row, 1, m.omschrijving(), Styles.Kind.LABEL);
            c.text(row, 2, m.melding(), Styles.Kind.LABEL);
            row++;
        }
        sh.setColumnWidth(0, 9 * 256);
        sh.setColumnWidth(1, 40 * 256);
        sh.setColumnWidth(2, 100 * 256);
        sh.createFreezePane(0, 4);
        KorTemplate.pageSetup(sh);
    }

    /** The underlying workbook, for result sheets added after the btw ones (the KOR with --kor). */
    public XSSFWorkbook xssf() {
        return xssf;
    }

    /** The workbook to write (streamed sheet and result sheets together). */
    public SXSSFWorkbook workbook() {
        return sxssf;
    }

    public int rows() {
        return nextRow - 1;
    }

    @Override
    public void close() throws java.io.IOException {
        sxssf.dispose();
        sxssf.close();
    }


}
