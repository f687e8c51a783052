package nl.rekenblad.btw;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.auditfile.Grootboek.BtwRol;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Target;
import nl.rekenblad.internal.workbook.SheetCells;
import nl.rekenblad.internal.workbook.Styles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The auditfile's own sheets in the btw-opstelling: "Btw-codes" (each code with its rubriek, which the Aangifte
 * reads through SUMIF, so a corrected rubriek moves the return) and "Aansluiting" (the return's 5a and 5b against
 * the VAT accounts in the ledger). Every figure is a formula over the Boekingen sheet with the value Java computed.
 */
final class XafSheets {
    static final String CODES = "Btw-codes";
    static final String AANSLUITING = "Aansluiting";

    /** The Boekingen columns: as the file gives them, then what rekenblad read. */
    static final List<String> GEGEVEN = List.of(
            "journaal",
            "transactie",
            "regel",
            "datum (effDate)",
            "rekening",
            "omschrijving",
            "bedrag (credit +)",
            "btw-code",
            "btw-%",
            "btw-bedrag (credit +)");

    static final List<String> BEREKEND = List.of(
            "periode (rekenblad)",
            "code en kant (rekenblad)",
            "grondslag (rekenblad, credit +)",
            "btw (rekenblad, credit +)",
            "btw-rekening (rekenblad)",
            "gelezen als (rekenblad)");
    static final int BEDRAG = 6;
    static final int PERIODE = 10;
    static final int CODE = 11;
    static final int GRONDSLAG = 12;
    static final int BTW = 13;
    static final int BTW_REKENING = 14;
    static final int GELEZEN_ALS = 15;

    /** Btw-codes: the first row of codes (0-based) and the columns. */
    private static final int FIRST = 4;

    private static final int C_CODE = 0;
    private static final int C_KANT = 1;
    private static final int C_OMSCHRIJVING = 2;
    private static final int C_PERCENTAGE = 3;
    private static final int C_TE_BETALEN = 4;
    private static final int C_TE_VORDEREN = 5;
    private static final int C_RUBRIEK = 6;
    private static final int C_REDEN = 7;
    private static final int C_OOK_5B = 8;
    private static final int C_TEKEN = 9;
    private static final int C_REGELS = 10;
    private static final int C_PERIODS = 11;

    private final XafBerekening x;
    private final BtwWorkbook wb;
    private final List<Period> periods;

    XafSheets(XafBerekening x, BtwWorkbook wb) {
        this.x = x;
        this.wb = wb;
        this.periods = x.perioden();
    }

    /** The key of a code row in the Boekingen sheet: "code 21V verkoop", or "rekening 1500 inkoop" read per account. */
    private String key(XafBerekening.CodeRegel cr) {
        return x.perRekening()
                ? XafBerekening.rekeningKey(cr.code().vatID(), cr.kant())
                : XafBerekening.codeKey(cr.code().vatID(), cr.kant());
    }

    /** A text as a formula literal in a SUMIFS criterion: wildcards escaped, quotes doubled. */
    private static String criterion(String text) {
        return "\""
                + text.replace("~", "~~").replace("*", "~*").replace("?", "~?").replace("\"", "\"\"") + "\"";
    }

    private int lastRow() {
        return FIRST + Math.max(1, x.codes().size()) - 1;
    }

    private String codesRange(int col) {
        String l = Target.columnLetters(col);
        return Target.quoteSheet(CODES) + "!$" + l + "$" + (FIRST + 1) + ":$" + l + "$" + (lastRow() + 1);
    }

    private int grondslagCol(int periodIndex) {
        return C_PERIODS + 2 * periodIndex;
    }

    /** The Aangifte's sums: per rubriek and period a SUMIF over the Btw-codes sheet. */
    BtwAangifte.Sums sums() {
        return new BtwAangifte.Sums() {
            @Override
            public String sumIfs(String column, String rubriek, String periodeKey) {
                int i = 0;
                while (!periods.get(i).key().equals(periodeKey)) {
                    i++;
                }
                int col = grondslagCol(i) + (column.equals("omzet") ? 0 : 1);
                String f = "SUMIF(" + codesRange(C_RUBRIEK) + "," + criterion(BtwCodes.label(rubriek)) + ","
                        + codesRange(col) + ")";
                if (rubriek.equals(Rubriek.R5B.code()) && column.equals("btw")) {
                    f += "+SUMIF(" + codesRange(C_OOK_5B) + ",\"ja\"," + codesRange(col) + ")";
                }
                return f;
            }

            @Override
            public String bron() {
                return "SUMIF over het blad " + CODES
                        + " (rubriek per btw-code), dat per code een SUMIFS over Boekingen heeft";
            }

            @Override
            public String voorbelasting() {
                return "De btw van de codes met rubriek 5b, plus de verlegde btw (2a, 4a, 4b) van codes die ook een"
                        + " rekening voor te vorderen btw hebben: die btw is verschuldigd én aftrekbaar (kolom \"ook in 5b\""
                        + " op " + CODES + ").";
            }
        };
    }

    void writeCodes(SheetCells c, Styles st) {
        c.text(0, 0, "Btw-codes", st.get(Styles.Kind.TITLE));
        c.text(
                1,
                0,
                x.perRekening()
                        ? "De auditfile heeft geen bruikbare btw-codes op de regels: de aangifte is per"
                                + " grootboekrekening opgesteld, uit de btw-rekeningen (btw) en de omzetrekeningen (grondslag), elk met de"
                                + " rubriek waarin hij telt en de reden. Pas de rubriek aan en de aangifte rekent mee; leg het vast met"
                                + " --rekeningen. Bedragen per periode: teken × SUMIFS over Boekingen."
                        : "Elke btw-code van de auditfile per kant (verkoop of inkoop: een code kan beide dienen) met de rubriek"
                                + " waarin hij telt. Pas de rubriek aan (bijvoorbeeld \"rubriek 1b\" of \"negeren\") en de aangifte rekent"
                                + " mee. Bedragen per periode: teken × SUMIFS over Boekingen (verkopen credit positief; 2a, 4a, 4b en 5b"
                                + " debet positief).",
                st.get(Styles.Kind.NOTE));
        List<String> headers = new ArrayList<>(List.of(
                x.perRekening() ? "Rekening" : "Btw-code",
                "Kant",
                "Omschrijving",
                "Percentage",
                "Rekening te betalen",
                "Rekening te vorderen",
                "Rubriek",
                "Reden",
                "Ook in 5b",
                "Teken",
                "Regels"));
        for (Period p : periods) {
            headers.add("Grondslag " + p.label());
            headers.add("Btw " + p.label());
        }
        headers.add("Grondslag jaar");
        headers.add("Btw jaar");
        for (int i = 0; i < headers.size(); i++) {
            c.text(
                    FIRST - 1,
                    i,
                    headers.get(i),
                    st.get(
                            i >= C_PERIODS || i == C_TEKEN || i == C_REGELS
                                    ? Styles.Kind.HEADER_RIGHT
                                    : Styles.Kind.HEADER));
        }
        String grondslag = wb.column(GRONDSLAG);
        String btw = wb.column(BTW);
        String code = wb.column(CODE);
        String periode = wb.column(PERIODE);
        int row = FIRST;
        for (XafBerekening.CodeRegel cr : x.codes()) {
            int excel = row + 1;
            c.text(row, C_CODE, cr.code().vatID(), st.get(Styles.Kind.TEXT));
            c.text(row, C_KANT, cr.regels() > 0 ? cr.kant().tekst() : "", st.get(Styles.Kind.TEXT));
            c.text(row, C_OMSCHRIJVING, cr.code().vatDesc(), st.get(Styles.Kind.TEXT));
            if (cr.percentage() != null) {
                c.number(row, C_PERCENTAGE, cr.percentage().movePointLeft(2), st.get(Styles.Kind.PERCENT));
            }
            c.text(row, C_TE_BETALEN, cr.code().vatToPayAccID().orElse(""), st.get(Styles.Kind.TEXT));
            c.text(row, C_TE_VORDEREN, cr.code().vatToClaimAccID().orElse(""), st.get(Styles.Kind.TEXT));
            c.text(row, C_RUBRIEK, cr.toewijzing().tekst(), st.get(Styles.Kind.TEXT_INPUT));
            c.text(row, C_REDEN, cr.toewijzing().reden(), st.get(Styles.Kind.TEXT));
            String f = Target.columnLetters(C_RUBRIEK) + excel;
            if (x.perRekening()) {
                c.text(row, C_OOK_5B, "nee", st.get(Styles.Kind.TEXT));
            } else {
                // Reverse-charged btw is also claimable when the code has an account for it.
                c.formula(
                        row,
                        C_OOK_5B,
                        "IF(AND(OR(" + f + "=\"rubriek 2a\"," + f + "=\"rubriek 4a\"," + f + "=\"rubriek 4b\"),"
                                + Target.columnLetters(C_TE_VORDEREN) + excel + "<>\"\"),\"ja\",\"nee\")",
                        cr.ookVoorbelasting() ? "ja" : "nee",
                        st.get(Styles.Kind.TEXT));
            }
            c.formula(
                    row,
                    C_TEKEN,
                    "IF(OR(" + f + "=\"rubriek 2a\"," + f + "=\"rubriek 4a\"," + f + "=\"rubriek 4b\"," + f
                            + "=\"rubriek 5b\"),-1,1)",
                    BigDecimal.valueOf(cr.teken()),
                    st.get(Styles.Kind.NUMBER));
            c.number(row, C_REGELS, BigDecimal.valueOf(cr.regels()), st.get(Styles.Kind.NUMBER));
            String key = criterion(key(cr));
            String teken = "$" + Target.columnLetters(C_TEKEN) + excel;
            BigDecimal sumG = BigDecimal.ZERO;
            BigDecimal sumB = BigDecimal.ZERO;
            for (int i = 0; i < periods.size(); i++) {
                Period p = periods.get(i);
                String crit = "," + code + "," + key + "," + periode + ",\"" + p.key() + "\")";
                c.formula(
                        row,
                        grondslagCol(i),
                        teken + "*SUMIFS(" + grondslag + crit,
                        cr.grondslag().get(p),
                        st.get(Styles.Kind.MONEY));
                c.formula(
                        row,
                        grondslagCol(i) + 1,
                        teken + "*SUMIFS(" + btw + crit,
                        cr.btw().get(p),
                        st.get(Styles.Kind.MONEY));
                sumG = sumG.add(cr.grondslag().get(p));
                sumB = sumB.add(cr.btw().get(p));
            }
            int jaar = grondslagCol(periods.size());
            c.formula(row, jaar, sumEvery(excel, 0), sumG, st.get(Styles.Kind.MONEY_TOTAL));
            c.formula(row, jaar + 1, sumEvery(excel, 1), sumB, st.get(Styles.Kind.MONEY_TOTAL));
            row++;
        }
        c.settings().width(C_CODE, 12);
        c.settings().width(C_OMSCHRIJVING, 36);
        c.settings().width(C_RUBRIEK, 14);
        c.settings().width(C_REDEN, 60);
        for (int i = C_PERIODS; i < headers.size(); i++) {
            c.settings().width(i, 15);
        }
        c.settings().freeze(1, FIRST);
        c.settings().pageSetup(headers.size());
    }

    private String sumEvery(int excelRow, int offset) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            cells.add(Target.columnLetters(grondslagCol(i) + offset) + excelRow);
        }
        return "SUM(" + String.join(",", cells) + ")";
    }

    void writeAansluiting(SheetCells c, Styles st, List<XafBerekening.Aansluiting> rows) {
        boolean gescheiden = rows.isEmpty() || rows.get(0).gescheiden();
        c.text(0, 0, "Aansluiting aangifte en grootboek", st.get(Styles.Kind.TITLE));
        c.text(
                1,
                0,
                "Per periode de btw van de aangifte (tot op de cent) tegen de mutaties op de btw-rekeningen van de"
                        + " auditfile: te betalen = credit − debet van " + accounts(BtwRol.TE_BETALEN)
                        + "; te vorderen = debet −"
                        + " credit van " + accounts(BtwRol.TE_VORDEREN)
                        + (gescheiden
                                ? ""
                                : "; te betalen én te vorderen (in kolom" + " 5a grootboek, credit − debet) "
                                        + accounts(BtwRol.BEIDE) + ": daarvan is alleen 5a − 5b te vergelijken")
                        + ". Boekingen op die rekeningen zonder btw-code (afdracht, overboeking, correctie) horen niet bij de"
                        + " aangifte: hieronder. Wat zij niet verklaren staat in \"Niet verklaard\"; dat moet 0 zijn.",
                st.get(Styles.Kind.WRAP));
        // The note spans the table and wraps: one long line would set the printed page's width (and shrink it).
        c.settings().merge(1, 1, 0, 8);
        c.height(1, 64f);
        String[] headers = {
            "Periode",
            "5a aangifte",
            "5a grootboek",
            "5b aangifte",
            "5b grootboek",
            "Verschil",
            "Zonder btw-code 5a",
            "Zonder btw-code 5b",
            "Niet verklaard"
        };
        for (int i = 0; i < headers.length; i++) {
            c.text(3, i, headers[i], st.get(i == 0 ? Styles.Kind.HEADER : Styles.Kind.HEADER_RIGHT));
        }
        String bedrag = wb.column(BEDRAG);
        String rek = wb.column(BTW_REKENING);
        String periode = wb.column(PERIODE);
        String rol = wb.column(GELEZEN_ALS);
        String zonder = ",\"" + XafBerekening.Rol.CORRECTIE.tekst() + "\"";
        int row = 4;
        for (XafBerekening.Aansluiting a : rows) {
            int excel = row + 1;
            String p = ",\"" + a.periode().key() + "\")";
            String pay = rek + ",\"" + BtwRol.TE_BETALEN.tekst() + "\"," + periode + p;
            String both = rek + ",\"" + BtwRol.BEIDE.tekst() + "\"," + periode + p;
            String claim = rek + ",\"" + BtwRol.TE_VORDEREN.tekst() + "\"," + periode + p;
            c.text(row, 0, a.periode().label(), st.get(Styles.Kind.LABEL));
            c.formula(row, 1, "BTW_" + a.periode().key() + "_5a", a.aangifte5a(), st.get(Styles.Kind.MONEY));
            c.formula(
                    row,
                    2,
                    "SUMIFS(" + bedrag + "," + pay + "+SUMIFS(" + bedrag + "," + both,
                    a.grootboek5a(),
                    st.get(Styles.Kind.MONEY));
            c.formula(row, 3, "BTW_" + a.periode().key() + "_5b", a.aangifte5b(), st.get(Styles.Kind.MONEY));
            c.formula(row, 4, "-SUMIFS(" + bedrag + "," + claim, a.grootboek5b(), st.get(Styles.Kind.MONEY));
            c.formula(
                    row,
                    5,
                    "(B" + excel + "-D" + excel + ")-(C" + excel + "-E" + excel + ")",
                    a.verschil(),
                    st.get(Styles.Kind.MONEY));
            c.formula(
                    row,
                    6,
                    "SUMIFS(" + bedrag + "," + rol + zonder + "," + pay + "+SUMIFS(" + bedrag + "," + rol + zonder + ","
                            + both,
                    a.correctie5a(),
                    st.get(Styles.Kind.MONEY));
            c.formula(
                    row,
                    7,
                    "-SUMIFS(" + bedrag + "," + rol + zonder + "," + claim,
                    a.correctie5b(),
                    st.get(Styles.Kind.MONEY));
            String d5a = "(B" + excel + "-(C" + excel + "-G" + excel + "))";
            String d5b = "(D" + excel + "-(E" + excel + "-H" + excel + "))";
            c.formula(
                    row,
                    8,
                    gescheiden ? "MAX(ABS" + d5a + ",ABS" + d5b + ")" : "ABS(" + d5a + "-" + d5b + ")",
                    a.onverklaard(),
                    st.get(Styles.Kind.MONEY_TOTAL));
            row++;
        }
        int total = row;
        c.text(total, 0, "Jaar", st.get(Styles.Kind.LABEL_TOTAL));
        for (int col = 1; col <= 8; col++) {
            String l = Target.columnLetters(col);
            final int cc = col;
            BigDecimal sum = rows.stream()
                    .map(a -> switch (cc) {
                        case 1 -> a.aangifte5a();
                        case 2 -> a.grootboek5a();
                        case 3 -> a.aangifte5b();
                        case 4 -> a.grootboek5b();
                        case 5 -> a.verschil();
                        case 6 -> a.correctie5a();
                        case 7 -> a.correctie5b();
                        default -> a.onverklaard();
                    })
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            c.formula(total, col, "SUM(" + l + "5:" + l + total + ")", sum, st.get(Styles.Kind.MONEY_TOTAL));
        }
        row = total + 3;
        c.text(
                row - 1,
                0,
                "Boekingen op een btw-rekening zonder btw-code (correcties, afdracht, suppletie)"
                        + (x.aantalCorrecties() > x.correcties().size()
                                ? "; de eerste " + x.correcties().size() + " van " + x.aantalCorrecties()
                                : ""),
                st.get(Styles.Kind.SECTION));
        String[] h2 = {"Periode", "Datum", "Transactie", "Rekening", "Omschrijving", "Bedrag (credit +)"};
        for (int i = 0; i < h2.length; i++) {
            c.text(row, i, h2[i], st.get(i == 5 ? Styles.Kind.HEADER_RIGHT : Styles.Kind.HEADER));
        }
        row++;
        for (XafBerekening.Boekingsregel b : x.correcties()) {
            c.text(
                    row,
                    0,
                    b.periode() == null ? "buiten " + x.jaar() : b.periode().label(),
                    st.get(Styles.Kind.TEXT));
            c.text(row, 1, b.regel().effDate().toString(), st.get(Styles.Kind.TEXT));
            c.text(row, 2, b.transactie().naam(), st.get(Styles.Kind.TEXT));
            c.text(row, 3, b.regel().accID(), st.get(Styles.Kind.TEXT));
            c.text(row, 4, omschrijving(b), st.get(Styles.Kind.TEXT));
            c.number(row, 5, b.regel().bedrag(), st.get(Styles.Kind.MONEY));
            row++;
        }
        if (x.correcties().isEmpty()) {
            c.text(row, 0, "geen", st.get(Styles.Kind.NOTE));
        }
        c.settings().width(0, 14);
        for (int i = 1; i <= 8; i++) {
            c.settings().width(i, 16);
        }
        c.settings().width(4, 44);
        c.settings().pageSetup(9);
    }

    static String omschrijving(XafBerekening.Boekingsregel b) {
        String d =
                b.regel().desc().isEmpty() ? b.transactie().desc() : b.regel().desc();
        return d;
    }

    private String accounts(BtwRol side) {
        List<String> l = new ArrayList<>();
        for (Map.Entry<String, BtwRol> e : x.btwRekeningen().entrySet()) {
            if (e.getValue() == side) {
                l.add(e.getKey()
                        + x.rekening(e.getKey()).map(r -> " " + r.accDesc()).orElse("") + " [" + x.rolBron(e.getKey())
                        + "]");
            }
        }
        return l.isEmpty() ? "(geen)" : String.join(", ", l);
    }

    /** The Boekingen row of a line: the fields as the file gives them, then what rekenblad read. */
    static List<Object> row(XafBerekening.Boekingsregel b) {
        List<Object> r = new ArrayList<>(16);
        r.add(b.transactie().journal());
        r.add(b.transactie().nr());
        r.add(b.regel().nr());
        r.add(b.regel().effDate().toString());
        r.add(b.regel().accID());
        r.add(omschrijving(b));
        r.add(b.eerste() ? b.regel().bedrag() : null);
        r.add(b.btw() == null ? null : b.btw().vatID());
        r.add(
                b.btw() == null || b.btw().vatPerc() == null
                        ? null
                        : new BtwWorkbook.Pct(b.btw().vatPerc().movePointLeft(2)));
        r.add(b.btw() == null ? null : b.btw().bedrag());
        r.add(b.periode() == null ? null : b.periode().key());
        r.add(b.sleutel());
        r.add(b.grondslag());
        r.add(b.btwBedrag());
        r.add(b.btwRekening() == null ? null : b.btwRekening().tekst());
        r.add(b.rol().tekst());
        return r;
    }
}
