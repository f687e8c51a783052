package nl.rekenblad.vu;

import nl.rekenblad.core.Problem;
import nl.rekenblad.core.SpreadsheetDate;
import nl.rekenblad.internal.workbook.Grid;
import nl.rekenblad.internal.workbook.NamedTable;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import nl.rekenblad.internal.workbook.SheetCells;
import nl.rekenblad.internal.workbook.SheetSettings;
import nl.rekenblad.internal.workbook.Styles;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The input sheets of the verworpen uitgaven: "Kosten" (the table {@code VU_Kosten} and the cell
 * {@code VU_Aanslagjaar}) and "Wagenpark" (the table {@code VU_Wagens}). Columns are found by their header text,
 * rows by being filled, so a bookkeeper may reorder, restyle or move them.
 */
public final class VuTemplate {
    public static final String KOSTEN = "Kosten";
    public static final String WAGENPARK = "Wagenpark";
    public static final String N_KOSTEN = "VU_Kosten";
    public static final String N_WAGENS = "VU_Wagens";
    public static final String N_AANSLAGJAAR = "VU_Aanslagjaar";
    static final List<String> KOST_VELDEN =
            List.of("rekening", "omschrijving", "bedrag", "soort", "aantal", "percentage", "waarde");
    static final List<String> WAGEN_VELDEN = List.of(
            "wagen",
            "aankoopdatum",
            "brandstof",
            "co2",
            "pk",
            "brandstofkosten",
            "anderekosten",
            "financieringskosten",
            "minderwaarde",
            "vaa",
            "tussenkomstBrandstof",
            "valseHybride",
            "co2Overeenstemmend");
    static final int HEADER_ROW = 4;
    static final int EMPTY_ROWS = 60;

    private VuTemplate() {}

    /** The empty template ({@code rekenblad template vu}). */
    public static OutputWorkbook create() {
        return build(null, true);
    }

    /** The sheets filled with {@code in}, kept as generated cells: how the output of a CSV run starts. */
    static OutputWorkbook forOutput(VuInput in) {
        return build(in, true);
    }

    private static OutputWorkbook build(VuInput in, boolean generated) {
        OutputWorkbook wb = generated ? OutputWorkbook.create() : OutputWorkbook.createInObjectModel();
        Styles st = wb.styles();
        Grid k = grid(wb, KOSTEN, generated, st);
        k.text(0, 0, "Verworpen uitgaven: kosten", Styles.Kind.TITLE);
        k.text(
                1,
                0,
                "Eén regel per kostenpost. soort: " + Soort.words() + ". aantal: het aantal maaltijdcheques;"
                        + " percentage: de buitenlandse belasting (fbb) of de rentevoet (intrest); waarde: de waarde van één"
                        + " maaltijdcheque (" + cheques() + ").",
                Styles.Kind.WRAP);
        k.height(1, 4 * 15f);
        k.text(2, 0, "aanslagjaar", Styles.Kind.LABEL);
        k.number(2, 1, in == null ? null : BigDecimal.valueOf(in.aanslagjaar()), Styles.Kind.INTEGER_INPUT);
        Styles.Kind[] kk = {
            Styles.Kind.TEXT_INPUT,
            Styles.Kind.TEXT_INPUT,
            Styles.Kind.MONEY_INPUT,
            Styles.Kind.TEXT_INPUT,
            Styles.Kind.NUMBER_INPUT,
            Styles.Kind.NUMBER_INPUT,
            Styles.Kind.MONEY_INPUT
        };
        header(k, KOST_VELDEN);
        int n = in == null ? 0 : in.kosten().size();
        int rows = n + (in == null ? EMPTY_ROWS : 10);
        for (int r = 0; r < rows; r++) {
            VuInput.Kost c = r < n ? in.kosten().get(r) : null;
            int row = HEADER_ROW + 1 + r;
            txt(k, row, 0, c == null ? null : c.rekening(), kk[0]);
            txt(k, row, 1, c == null ? null : c.omschrijving(), kk[1]);
            k.number(row, 2, c == null ? null : c.bedrag(), kk[2]);
            txt(k, row, 3, c == null ? null : c.soort().word(), kk[3]);
            k.number(row, 4, c == null ? null : c.aantal(), kk[4]);
            k.number(row, 5, c == null ? null : c.percentage(), kk[5]);
            k.number(row, 6, c == null ? null : c.waarde(), kk[6]);
        }
        name(wb, N_KOSTEN, KOSTEN, HEADER_ROW, HEADER_ROW + rows, KOST_VELDEN.size() - 1);
        wb.defineName(N_AANSLAGJAAR, new CellReference(KOSTEN, 2, 1, true, true).formatAsString());
        setup(wb, KOSTEN, generated, new int[] {12, 40, 14, 22, 10, 12, 10}, KOST_VELDEN);

        Grid w = grid(wb, WAGENPARK, generated, st);
        w.text(0, 0, "Verworpen uitgaven: wagenpark", Styles.Kind.TITLE);
        w.text(
                1,
                0,
                "Eén regel per wagen (een laadpaal als eigen regel, brandstof laadpaal). brandstof: "
                        + VuInput.Brandstof.words()
                        + ". Kosten van het boekjaar; vaa = het brutovoordeel van alle aard;"
                        + " tussenkomstBrandstof en valseHybride: ja of nee.",
                Styles.Kind.WRAP);
        w.height(1, 3 * 15f);
        header(w, WAGEN_VELDEN);
        int m = in == null ? 0 : in.wagens().size();
        int wrows = m + (in == null ? 20 : 5);
        for (int r = 0; r < wrows; r++) {
            VuInput.Wagen c = r < m ? in.wagens().get(r) : null;
            int row = HEADER_ROW + 1 + r;
            txt(w, row, 0, c == null ? null : c.naam(), Styles.Kind.TEXT_INPUT);
            w.number(row, 1, c == null ? null : SpreadsheetDate.serial(c.aankoopdatum()), Styles.Kind.DATE_INPUT);
            txt(w, row, 2, c == null ? null : c.brandstof().word(), Styles.Kind.TEXT_INPUT);
            w.number(row, 3, c == null ? null : c.co2(), Styles.Kind.NUMBER_INPUT);
            w.number(row, 4, c == null ? null : c.pk(), Styles.Kind.NUMBER_INPUT);
            w.number(row, 5, c == null ? null : c.brandstofkosten(), Styles.Kind.MONEY_INPUT);
            w.number(row, 6, c == null ? null : c.anderekosten(), Styles.Kind.MONEY_INPUT);
            w.number(row, 7, c == null ? null : c.financieringskosten(), Styles.Kind.MONEY_INPUT);
            w.number(row, 8, c == null ? null : c.minderwaarde(), Styles.Kind.MONEY_INPUT);
            w.number(row, 9, c == null ? null : c.vaa(), Styles.Kind.MONEY_INPUT);
            txt(w, row, 10, c == null ? null : c.tussenkomstBrandstof() ? "ja" : "nee", Styles.Kind.TEXT_INPUT);
            txt(w, row, 11, c == null ? null : c.valseHybride() ? "ja" : "nee", Styles.Kind.TEXT_INPUT);
            w.number(row, 12, c == null ? null : c.co2Overeenstemmend(), Styles.Kind.NUMBER_INPUT);
        }
        name(wb, N_WAGENS, WAGENPARK, HEADER_ROW, HEADER_ROW + wrows, WAGEN_VELDEN.size() - 1);
        setup(wb, WAGENPARK, generated, new int[] {22, 13, 16, 9, 7, 14, 14, 14, 13, 12, 10, 10, 12}, WAGEN_VELDEN);
        return wb;
    }

    private static void txt(Grid g, int row, int col, String text, Styles.Kind kind) {
        if (text == null) {
            g.number(row, col, null, kind);
        } else {
            g.text(row, col, text, kind);
        }
    }

    private static Grid grid(OutputWorkbook wb, String sheet, boolean generated, Styles st) {
        if (generated) {
            SheetCells cells = wb.createGeneratedSheet(sheet);
            return Grid.of(cells, st);
        }
        XSSFSheet sh = wb.poi().createSheet(sheet);
        return Grid.of(sh, st);
    }

    /** "een cheque van € 10: € 4 aftrekbaar, anders € 2", from the rules data of the newest aanslagjaar. */
    private static String cheques() {
        nl.rekenblad.rules.RuleBook r = nl.rekenblad.rules.RuleBook.load("vu");
        int aj = 2027;
        return "een cheque van "
                + nl.rekenblad.core.DutchText.euro(r.get("VU_MaaltijdchequeMaxWaarde", aj, "maaltijdcheque")
                        .number()) + ": "
                + nl.rekenblad.core.DutchText.euro(r.get("VU_MaaltijdchequeAftrekMax", aj, "maaltijdcheque")
                        .number())
                + " aftrekbaar, anders "
                + nl.rekenblad.core.DutchText.euro(
                        r.get("VU_MaaltijdchequeAftrek", aj, "maaltijdcheque").number());
    }

    private static void header(Grid g, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            g.text(HEADER_ROW, i, fields.get(i), Styles.Kind.HEADER);
        }
    }

    private static void setup(OutputWorkbook wb, String sheet, boolean generated, int[] widths, List<String> fields) {
        SheetSettings sh = wb.settings(sheet).orElseThrow();
        for (int i = 0; i < widths.length; i++) {
            // Wide enough for its bold header ("financieringskosten", not "financieringsko sten").
            int header = i < fields.size() ? fields.get(i).length() + 3 : 0;
            sh.width(i, Math.max(widths[i], header));
        }
        sh.freeze(0, HEADER_ROW + 1);
        // The note spans the table and wraps, instead of one long line that sets the printed page's width.
        sh.merge(1, 1, 0, widths.length - 1);
        sh.pageSetup(widths.length);
    }

    private static void name(OutputWorkbook wb, String name, String sheet, int first, int last, int lastCol) {
        wb.defineName(name, sheet, new CellRangeAddress(first, last, 0, lastCol));
    }

    /** Finds a table by its defined name; a missing required table is a problem, a missing optional one is empty. */
    static Optional<NamedTable> locate(
            OutputWorkbook wb,
            String name,
            List<String> fields,
            List<String> required,
            List<Problem> problems,
            String bron,
            boolean mustExist) {
        return NamedTable.locate(
                wb,
                new NamedTable.Beschrijving(
                        name,
                        mustExist
                                ? "dit is geen werkboek van het rekenblad"
                                        + " VU-sjabloon: de gedefinieerde naam " + name
                                        + " ontbreekt; maak een nieuw sjabloon met 'rekenblad template"
                                        + " vu'"
                                : null,
                        "de tabel " + name),
                fields,
                required,
                problems,
                bron);
    }
}
