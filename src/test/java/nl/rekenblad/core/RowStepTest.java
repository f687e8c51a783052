package nl.rekenblad.core;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static nl.rekenblad.core.Expr.cell;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.sumColumn;
import static nl.rekenblad.core.Expr.sumIfsColumns;
import static nl.rekenblad.core.Expr.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowStepTest {
    /** Three rows: an amount and a year per row as inputs, a rate as a parameter. */
    private static final Map<String, Object[]> INPUTS = Map.of(
            "in.bedrag", new Object[] {new BigDecimal("100"), new BigDecimal("250.50"), null},
            "in.jaar", new Object[] {new BigDecimal("2024"), new BigDecimal("2025"), new BigDecimal("2025")});

    private static Step row(String label, Expr e) {
        return Step.amount("", label, e).unexplained();
    }

    private static Calculation calculation() {
        RowStep aftrek =
                new RowStep("a.aftrek", RowStep.all(3), i -> row("Aftrek", times(cell("in.bedrag", i), ref("pct"))));
        // A column some rows of which are left out (a subset, as the assets sold).
        RowStep dubbel =
                new RowStep("a.dubbel", new int[] {0, 2}, i -> row("Dubbel", times(cell("a.aftrek", i), num("2"))));
        return Calculation.evaluate(
                List.of(
                        aftrek,
                        dubbel,
                        Step.amount("totaal", "Totaal", sumColumn("a.aftrek")),
                        Step.amount(
                                "t2025", "2025", sumIfsColumns("a.aftrek", List.of("in.jaar"), List.of(num("2025"))))),
                Map.of("pct", new BigDecimal("0.28")),
                INPUTS);
    }

    @Test
    void aRepeatedStepIsWorkedOutOnEachOfItsRowsFromTheSameRow() {
        Calculation c = calculation();
        assertEquals(new BigDecimal("28.00"), c.value("a.aftrek", 0));
        assertEquals(new BigDecimal("70.1400"), c.value("a.aftrek", 1));
        // A blank input counts as zero, as in a spreadsheet.
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) c.value("a.aftrek", 2)));
        assertEquals(new BigDecimal("56.00"), c.value("a.dubbel", 0));
        assertThrows(IllegalArgumentException.class, () -> c.value("a.dubbel", 1));
        assertTrue(c.isColumn("a.aftrek"));
        assertFalse(c.isColumn("totaal"));
        assertEquals(
                List.of("totaal", "t2025"), c.steps().stream().map(Step::key).toList());
        assertEquals(4, c.parts().size());
    }

    @Test
    void aColumnSumAddsEveryRowAndASumIfsOnlyTheMatchingOnes() {
        Calculation c = calculation();
        assertEquals(new BigDecimal("98.1400"), c.value("totaal"));
        assertEquals(new BigDecimal("70.1400"), c.value("t2025"));
    }

    /** The layout of the test: the table's rows from sheet row 5 (E6) on, the register's from row 3 (Register!B4). */
    private static final Refs REFS = new Refs() {
        @Override
        public Target target(String key) {
            return key.equals("pct") ? new Target.Name("KIA_Pct") : new Target.Cell("Blad", 0, 0);
        }

        @Override
        public String currentSheet() {
            return "Blad";
        }

        @Override
        public Target.Cell row(String column, int row) {
            return switch (column) {
                case "in.bedrag" -> new Target.Cell("Register", 3 + row, 1);
                case "in.jaar" -> new Target.Cell("Register", 3 + row, 2);
                case "a.aftrek" -> new Target.Cell("Blad", 5 + row, 4);
                default -> throw new IllegalStateException(column);
            };
        }

        @Override
        public String range(String column) {
            Target.Cell first = row(column, 0);
            Target.Cell last = row(column, 2);
            return first.a1("Blad") + ":" + Target.columnLetters(last.col()) + (last.row() + 1);
        }
    };

    @Test
    void eachRowsFormulaPointsAtItsOwnRowAndAColumnSumIsOneRange() {
        Calculation c = calculation();
        assertEquals("Register!B5*KIA_Pct", c.column("a.aftrek").at(1).expr().formula(REFS));
        assertEquals("E8*2", c.column("a.dubbel").at(2).expr().formula(REFS));
        assertEquals("SUM(E6:E8)", c.step("totaal").expr().formula(REFS));
        assertEquals("SUMIFS(E6:E8,Register!C4:C6,2025)", c.step("t2025").expr().formula(REFS));
        StringBuilder sb = new StringBuilder("=");
        ifThen(cell("in.bedrag", 0), cell("a.aftrek", 0), num("0")).appendFormula(REFS, sb);
        assertEquals("=IF(Register!B4,E6,0)", sb.toString());
    }

    @Test
    void aColumnTwiceOrAnUnknownColumnIsAProgrammingError() {
        RowStep a = new RowStep("a.x", RowStep.all(1), i -> row("x", num("1")));
        assertThrows(IllegalStateException.class, () -> Calculation.evaluate(List.of(a, a), Map.of(), Map.of()));
        RowStep b = new RowStep("a.y", RowStep.all(1), i -> row("y", cell("a.onbekend", i)));
        assertThrows(IllegalStateException.class, () -> Calculation.evaluate(List.of(b), Map.of(), Map.of()));
        assertThrows(
                IllegalArgumentException.class, () -> new RowStep("a.z", new int[] {2, 1}, i -> row("z", num("1"))));
    }
}
