package nl.rekenblad.btw;

import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.internal.workbook.ResultSheets;
import nl.rekenblad.internal.workbook.SheetCells;
import nl.rekenblad.internal.workbook.SheetSettings;
import nl.rekenblad.internal.workbook.Style;
import nl.rekenblad.internal.workbook.Styles;
import nl.rekenblad.rules.UsedParameter;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The btw-opstelling workbook. The journal ("Boekingen") is appended row by row to a temporary file as sheet XML
 * (bounded memory; {@link SheetCells#appender}) and copied into the package when it is saved; the small result
 * sheets are written afterwards through the ordinary sheet writer. Every formula carries the value Java computed.
 */
public final class BtwWorkbook implements AutoCloseable {
    public static final String AANGIFTE = "Aangifte";
    public static final String BOEKINGEN = "Boekingen";
    public static final String CONTROLE = "Controle";
    public static final String PARAMETERS = "Parameters btw";
    public static final String TOELICHTING = "Toelichting btw";
    static final String MARKER = "rekenblad-btw";
    /** Computed columns after the columns as given. */
    static final List<String> COMPUTED = List.of(
            "periode (rekenblad)",
            "rubriek (rekenblad)",
            "grondslag (rekenblad)",
            "tarief (rekenblad)",
            "btw (rekenblad)",
            "btw berekend");

    private final OutputWorkbook xssf;
    private final SheetCells.Appender boekingen;
    private final Styles styles;
    private final Style money;
    private final Style percent;
    private final Style text;
    private final int given;
    private int nextRow = 1;

    public BtwWorkbook(List<String> header) throws IOException {
        this(header, COMPUTED, List.of());
    }

    /**
     * A workbook whose Boekingen sheet has the columns {@code header} as given and then {@code computed}, with the
     * sheets {@code extraSheets} between Aangifte and Boekingen (written after the lines, as generated sheets).
     */
    public BtwWorkbook(List<String> header, List<String> computed, List<String> extraSheets) throws IOException {
        xssf = OutputWorkbook.create();
        try {
            styles = xssf.styles();
            xssf.reserveSheet(AANGIFTE);
            for (String extra : extraSheets) {
                xssf.reserveSheet(extra);
            }
            SheetCells sheet = xssf.createGeneratedSheet(BOEKINGEN);
            money = styles.get(Styles.Kind.MONEY);
            percent = styles.get(Styles.Kind.PERCENT);
            text = styles.get(Styles.Kind.TEXT);
            given = header.size();
            Style hs = styles.get(Styles.Kind.HEADER);
            for (int i = 0; i < header.size(); i++) {
                sheet.text(0, i, header.get(i), hs);
            }
            for (int i = 0; i < computed.size(); i++) {
                sheet.text(0, given + i, computed.get(i), hs);
            }
            sheet.settings().freeze(0, 1);
            boekingen = sheet.appender(1);
        } catch (IOException | RuntimeException e) {
            xssf.close();
            throw e;
        }
    }

    /** A percentage cell value (a fraction: 0.21 shows as 21%). */
    public record Pct(BigDecimal fraction) {}

    /**
     * Appends one row of any shape: a text stays text (never a formula), a {@link BigDecimal} is an amount, a
     * {@link Pct} a percentage, null an empty cell.
     */
    public void row(List<?> cells) throws IOException {
        boekingen.row();
        nextRow++;
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            if (v instanceof BigDecimal d) {
                boekingen.number(i, d, money);
            } else if (v instanceof Pct p) {
                boekingen.number(i, p.fraction(), percent);
            } else {
                boekingen.text(i, String.valueOf(v), text);
            }
        }
    }

    /** The absolute range of column {@code c} (0-based) of the Boekingen sheet's lines, for a formula. */
    public String column(int c) {
        return col(c, Math.max(2, nextRow));
    }

    /** One of the extra sheets named at construction, to write its cells. */
    nl.rekenblad.internal.workbook.SheetCells xssfGenerated(String name) {
        return xssf.createGeneratedSheet(name);
    }

    /** The styles of this workbook, for the generated sheets. */
    public Styles styles() {
        return styles;
    }

    /** Appends one journal line: the fields as given, then period, rubriek, grondslag, rate, btw. */
    public void boeking(List<String> fields, BtwBerekening.Regel r) throws IOException {
        boekingen.row();
        nextRow++;
        for (int i = 0; i < fields.size() && i < given; i++) {
            boekingen.text(i, fields.get(i), text);
        }
        if (r.periode() != null) {
            boekingen.text(given, r.periode().key(), text);
        }
        if (r.rubriek() != null) {
            boekingen.text(given + 1, RUBRIEK_LABELS.get(r.rubriek()), text);
        }
        boekingen.number(given + 2, r.boeking().grondslag(), money);
        if (r.tarief() != null) {
            boekingen.number(given + 3, r.tarief(), percent);
        }
        boekingen.number(given + 4, r.btw(), money);
        boekingen.text(given + 5, r.berekend() ? "ja" : "nee", text);
    }

    private static final java.util.Map<nl.rekenblad.aangifte.Rubriek, String> RUBRIEK_LABELS =
            new java.util.EnumMap<>(nl.rekenblad.aangifte.Rubriek.class);

    static {
        for (nl.rekenblad.aangifte.Rubriek r : nl.rekenblad.aangifte.Rubriek.values()) {
            RUBRIEK_LABELS.put(r, rubriekLabel(r.code()));
        }
    }

    /** The text in the rubriek column: "rubriek 1a" (a bare "1a" could be read as a time by a spreadsheet's criteria). */
    public static String rubriekLabel(String code) {
        return BtwCodes.label(code);
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
        return Target.quoteSheet(BOEKINGEN) + "!$" + l + "$2:$" + l + "$" + lastRow;
    }

    /** Writes Aangifte, Controle, Parameters and Toelichting once every line is in. */
    public void results(
            BtwAangifte.Result aangifte,
            BtwBerekening b,
            List<UsedParameter> params,
            String bron,
            List<Problem> warnings) {
        results(
                aangifte,
                b,
                params,
                "Uit " + bron + " · " + b.regels() + " boekingen · elke som is een SUMIFS over het blad " + BOEKINGEN
                        + "; zie " + CONTROLE + " voor afwijkende regels",
                warnings,
                out -> {},
                List.of());
    }

    /**
     * The same with another subtitle, and {@code extra} writing the sheets named in {@code extraSheets} (they come
     * after Aangifte) once Aangifte has its cells.
     */
    public void results(
            BtwAangifte.Result aangifte,
            BtwBerekening b,
            List<UsedParameter> params,
            String subtitle,
            List<Problem> warnings,
            java.util.function.Consumer<ResultSheets> extra,
            List<String> extraSheets) {
        Map<String, Target> targets = new HashMap<>();
        ResultSheets out = new ResultSheets(xssf, targets);
        out.place(AANGIFTE, aangifte.layout());
        out.checkPlaced(aangifte.calculation());
        out.parameters(
                PARAMETERS,
                "Btw-tarieven " + b.jaar(),
                "De tarieven waarmee rekenblad de btw berekent van regels"
                        + " zonder btw-bedrag (grondslag × tarief, op centen afgerond).",
                params);
        out.write(AANGIFTE, "Btw-opstelling " + b.jaar(), subtitle, aangifte.layout(), aangifte.calculation(), 64);
        extra.accept(out);
        controle(b);
        out.toelichting(TOELICHTING, "Toelichting btw-opstelling " + b.jaar(), aangifte.calculation(), warnings);
        List<String> sheets = new java.util.ArrayList<>(List.of(AANGIFTE));
        sheets.addAll(extraSheets);
        sheets.addAll(List.of(BOEKINGEN, CONTROLE, PARAMETERS, TOELICHTING));
        out.finish(AANGIFTE, MARKER, sheets);
    }

    /** The flagged lines (at most {@link BtwBerekening#meldingen()}'s share of them). */
    private void controle(BtwBerekening b) {
        SheetCells c = xssf.createGeneratedSheet(CONTROLE);
        c.text(0, 0, "Controle", styles.get(Styles.Kind.TITLE));
        c.text(
                1,
                0,
                b.aantalMeldingen() + " regels vragen aandacht (btw wijkt meer dan een cent af van"
                        + " grondslag × tarief, datum buiten het jaar, onbekende rubriek, geen btw of tarief)"
                        + (b.aantalMeldingen() > b.meldingen().size()
                                ? "; de eerste " + b.meldingen().size() + " staan hieronder"
                                : ""),
                styles.get(Styles.Kind.NOTE));
        Style header = styles.get(Styles.Kind.HEADER);
        String[] headers = {"Regel", "Omschrijving", "Melding"};
        for (int i = 0; i < headers.length; i++) {
            c.text(3, i, headers[i], header);
        }
        int row = 4;
        for (BtwBerekening.Melding m : b.meldingen()) {
            c.number(row, 0, BigDecimal.valueOf(m.regel()), text);
            c.text(row, 1, m.omschrijving(), text);
            c.text(row, 2, m.melding(), text);
            row++;
        }
        SheetSettings sh = c.settings();
        sh.width(0, 9);
        sh.width(1, 40);
        sh.width(2, 100);
        sh.freeze(0, 4);
        sh.pageSetup();
    }

    /** The underlying workbook, for result sheets added after the btw ones (the KOR with --kor). */
    public OutputWorkbook xssf() {
        return xssf;
    }

    public int rows() {
        return nextRow - 1;
    }

    @Override
    public void close() throws java.io.IOException {
        xssf.close();
    }
}
