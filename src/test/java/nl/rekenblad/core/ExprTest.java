package nl.rekenblad.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.rekenblad.core.Expr.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExprTest {
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Target> targets = new HashMap<>();

    private final Env env = values::get;
    private final Refs refs = new Refs() {
        @Override
        public Target target(String key) {
            return targets.get(key);
        }

        @Override
        public String currentSheet() {
            return "Blad";
        }
    };

    private void cell(String key, String sheet, int row, int col, Object value) {
        targets.put(key, new Target.Cell(sheet, row, col));
        values.put(key, value);
    }

    @Test
    void consecutiveCellsInARowSumAsOneRange() {
        for (int i = 0; i < 4; i++) {
            cell("q" + i, "Blad", 4, 1 + i, new BigDecimal("1.5"));
        }
        Expr e = sumOf(List.of("q0", "q1", "q2", "q3"));
        assertEquals("SUM(B5:E5)", e.formula(refs));
        assertEquals(new BigDecimal("6.0"), e.eval(env));
    }

    @Test
    void cellsOnAnotherSheetAreQuotedWhenNeeded() {
        cell("a", "Mijn aangiften", 9, 2, BigDecimal.ONE);
        cell("b", "Mijn aangiften", 10, 2, BigDecimal.ONE);
        cell("c", "Aangiften", 12, 2, BigDecimal.ONE);
        assertEquals(
                "SUM('Mijn aangiften'!C10:C11,Aangiften!C13)",
                sumOf(List.of("a", "b", "c")).formula(refs));
    }

    @Test
    void gapsBreakARange() {
        cell("a", "Blad", 0, 0, BigDecimal.ONE);
        cell("b", "Blad", 0, 2, BigDecimal.ONE);
        cell("c", "Blad", 0, 3, BigDecimal.ONE);
        assertEquals("SUM(A1,C1:D1)", sumOf(List.of("a", "b", "c")).formula(refs));
    }

    @Test
    void subtractionKeepsItsRightOperandTogether() {
        cell("a", "Blad", 0, 0, new BigDecimal("10"));
        cell("b", "Blad", 0, 1, new BigDecimal("4"));
        cell("c", "Blad", 0, 2, new BigDecimal("3"));
        Expr e = minus(ref("a"), minus(ref("b"), ref("c")));
        assertEquals("A1-(B1-C1)", e.formula(refs));
        assertEquals(new BigDecimal("9"), e.eval(env));
        assertEquals("(A1-B1)*C1", times(minus(ref("a"), ref("b")), ref("c")).formula(refs));
    }

    @Test
    void blankInputCountsAsZero() {
        cell("leeg", "Blad", 0, 0, null);
        assertEquals(new BigDecimal("5"), plus(ref("leeg"), num("5")).eval(env));
        assertEquals(true, isBlank("leeg").eval(env));
    }

    @Test
    void namesPrintAsThemselves() {
        targets.put("KOR_Grens", new Target.Name("KOR_Grens"));
        values.put("KOR_Grens", new BigDecimal("1883"));
        assertEquals("KOR_Grens*2.5", times(ref("KOR_Grens"), num("2.5")).formula(refs));
    }

    /** Excel: ROUNDUP away from zero, ROUNDDOWN towards zero, ROUND half away from zero. */
    @ParameterizedTest
    @CsvSource({"957.5, 958, 957, 958", "-957.5, -958, -957, -958", "2.4, 3, 2, 2", "-2.4, -3, -2, -2", "1.0, 1, 1, 1"})
    void roundingFollowsExcel(String x, String up, String down, String half) {
        Expr v = num(x);
        assertEquals(new BigDecimal(up), roundUp(v, 0).eval(env));
        assertEquals(new BigDecimal(down), roundDown(v, 0).eval(env));
        assertEquals(new BigDecimal(half), round(v, 0).eval(env));
    }

    @Test
    void textComparesCaseInsensitivelyAsInExcel() {
        assertEquals(true, equal(text("Ja"), text("ja")).eval(env));
        assertEquals(
                "IF(\"a\"=\"b\",1,0)",
                ifThen(equal(text("a"), text("b")), num("1"), num("0")).formula(refs));
    }

    @Test
    void textWithQuotesIsEscaped() {
        assertEquals("\"zeg \"\"ja\"\"\"", text("zeg \"ja\"").formula(refs));
    }

    @Test
    void divisionByZeroIsAnError() {
        assertThrows(ArithmeticException.class, () -> divide(num("1"), num("0")).eval(env));
    }

    @Test
    void divisionKeepsThirtyFourDigits() {
        assertEquals(
                new BigDecimal("0.3333333333333333333333333333333333"),
                divide(num("1"), num("3")).eval(env));
    }

    @Test
    void aDivisionByZeroNamesItsFormulaByKeys() {
        ArithmeticException e = assertThrows(
                ArithmeticException.class,
                () -> divide(ref("WINST"), minus(ref("A"), ref("B"))).eval(env));
        assertEquals("division by zero in WINST/(A-B)", e.getMessage());
    }

    @Test
    void toStringPrintsKeysAndTableCellsByName() {
        assertEquals(
                "IF(AND(ISBLANK(datum),bedrag[3]>=450),SUMIFS(bedrag[*],soort[*],\"auto\"),ROUND(x*0.21,2))",
                ifThen(
                                and(isBlank("datum"), greaterOrEqual(Expr.cell("bedrag", 3), num("450"))),
                                sumIfsColumns("bedrag", List.of("soort"), List.of(text("auto"))),
                                round(times(ref("x"), num("0.21")), 2))
                        .toString());
    }

    @Test
    void oneSumIfsOverKeysAndOverTableColumnsAgree() {
        Env table = new Env() {
            final Map<String, List<Object>> cols = Map.of(
                    "bedrag",
                    List.of(new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("2")),
                    "soort",
                    List.of("Auto", "fiets", "auto"));

            @Override
            public Object get(String key) {
                String[] p = key.split("#");
                return cols.get(p[0]).get(Integer.parseInt(p[1]));
            }

            @Override
            public Object row(String column, int row) {
                return cols.get(column).get(row);
            }

            @Override
            public int[] rows(String column) {
                return new int[] {0, 1, 2};
            }
        };
        Expr overKeys = sumIfs(
                List.of("bedrag#0", "bedrag#1", "bedrag#2"),
                List.of(List.of("soort#0", "soort#1", "soort#2")),
                List.of(text("auto")));
        Expr overColumns = sumIfsColumns("bedrag", List.of("soort"), List.of(text("AUTO")));
        assertEquals(new BigDecimal("12"), overKeys.eval(table));
        assertEquals(new BigDecimal("12"), overColumns.eval(table));
        assertEquals(new BigDecimal("17"), sumColumn("bedrag").eval(table));
        assertEquals("SUM(bedrag[*])", sumColumn("bedrag").toString());
    }
}
