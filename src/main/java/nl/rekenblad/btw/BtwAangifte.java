package nl.rekenblad.btw;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Step;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.rekenblad.core.Expr.ceiling;
import static nl.rekenblad.core.Expr.floor;
import static nl.rekenblad.core.Expr.minus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.round;
import static nl.rekenblad.core.Expr.sumOf;

/**
 * The return per period from a worked-out journal: per rubriek the omzet and btw as SUMIFS over
 * the booked lines, 5a, 5b and 5c, and beside them the whole-euro figures for the return, rounded
 * in the taxpayer's favour (btw owed down, voorbelasting up). Pure: the SUMIFS text comes from a
 * {@link Sums} the sheet layer supplies.
 */
public final class BtwAangifte {
    /** The totals of a period's return, as keys of {@link #exact} and {@link #whole}. */
    public static final String VERSCHULDIGD = "5a";

    public static final String VOORBELASTING = "5b";
    public static final String SALDO = "5c";
    static final String SRC = "Belastingdienst, btw-aangifte: rubrieken 1a t/m 5c";
    static final String SRC_AFRONDING =
            "Belastingdienst: bedragen in de aangifte in hele euro's; afronden in uw voordeel"
                    + " (verschuldigde btw naar beneden, voorbelasting naar boven) is toegestaan";

    /** Writes the formula that sums a column of the booked lines for one rubriek and period. */
    @FunctionalInterface
    public interface Sums {
        /** @param column "omzet" or "btw" */
        String sumIfs(String column, String rubriek, String periode);

        /** Where the sums come from, for the section heading and the Toelichting. */
        default String bron() {
            return "SUMIFS over het blad Boekingen (rubriek en periode)";
        }

        /** What 5b holds, for the Toelichting. */
        default String voorbelasting() {
            return "De btw van de regels met rubriek 5b (voorbelasting).";
        }
    }

    /** The calculation and its layout. */
    public record Result(Calculation calculation, Layout layout, List<Period> periods) {
        public Result {
            periods = List.copyOf(periods);
        }

        public BigDecimal exact(String key) {
            return calculation.money(key).amount();
        }
    }

    private BtwAangifte() {}

    public static String exact(Period p, String what) {
        return "x." + p.key() + "." + what;
    }

    public static String exactYear(String what) {
        return "x.jaar." + what;
    }

    public static String whole(Period p, String what) {
        return "w." + p.key() + "." + what;
    }

    public static Result build(BtwBerekening b, Sums sums) {
        List<Period> periods = b.perioden();
        List<Step> steps = new ArrayList<>();
        Map<String, Object> known = new HashMap<>();
        List<Rubriek> owed =
                Arrays.stream(Rubriek.values()).filter(Rubriek::owed).toList();
        for (Period p : periods) {
            for (Rubriek r : Rubriek.values()) {
                for (String col : List.of("omzet", "btw")) {
                    String key = exact(p, r.code() + "." + col);
                    known.put("v." + key, col.equals("omzet") ? b.omzet(p, r) : b.btw(p, r));
                    steps.add(Step.amount(
                                    key,
                                    r.code() + " " + col + " " + p.label(),
                                    Expr.given("v." + key, refs -> sums.sumIfs(col, r.code(), p.key())))
                            .unexplained());
                }
            }
            steps.add(Step.amount(
                            exact(p, VERSCHULDIGD),
                            "5a " + p.label(),
                            sumOf(owed.stream()
                                    .map(r -> exact(p, r.code() + ".btw"))
                                    .toList()))
                    .unexplained()
                    .named("BTW_" + p.key() + "_5a"));
            steps.add(Step.amount(exact(p, VOORBELASTING), "5b " + p.label(), ref(exact(p, "5b.btw")))
                    .unexplained()
                    .named("BTW_" + p.key() + "_5b"));
            steps.add(Step.amount(
                            exact(p, SALDO),
                            "5c " + p.label(),
                            minus(ref(exact(p, VERSCHULDIGD)), ref(exact(p, VOORBELASTING))))
                    .unexplained()
                    .named("BTW_" + p.key() + "_5c"));
        }
        List<String> rows = new ArrayList<>();
        for (Rubriek r : Rubriek.values()) {
            rows.add(r.code() + ".omzet");
            rows.add(r.code() + ".btw");
        }
        rows.addAll(List.of(VERSCHULDIGD, VOORBELASTING, SALDO));
        for (String row : rows) {
            Step year = Step.amount(
                    exactYear(row),
                    row.replace('.', ' ') + " over het jaar",
                    sumOf(periods.stream().map(p -> exact(p, row)).toList()));
            if (row.equals(VERSCHULDIGD)) {
                year = year.rule(
                        "Per periode de btw van 1a, 1b, 1c, 1d, 2a, 4a en 4b, elk een " + sums.bron()
                                + "; over het jaar opgeteld.",
                        SRC);
            } else if (row.equals(VOORBELASTING)) {
                year = year.rule(sums.voorbelasting(), SRC);
            } else if (row.equals(SALDO)) {
                year = year.rule("5a min 5b.", SRC);
            } else {
                year = year.unexplained();
            }
            steps.add(year);
        }
        // Whole euros for the return, per period.
        for (Period p : periods) {
            for (Rubriek r : Rubriek.values()) {
                String o = r.code() + ".omzet";
                String t = r.code() + ".btw";
                steps.add(Step.amount(
                                whole(p, o),
                                r.code() + " omzet hele euro's " + p.label(),
                                floor(round(ref(exact(p, o)), 2)))
                        .unexplained());
                // ROUND(…;2) first: a sum of cents may carry binary noise just below a whole euro.
                Expr wt = r == Rubriek.R5B ? ceiling(round(ref(exact(p, t)), 2)) : floor(round(ref(exact(p, t)), 2));
                steps.add(Step.amount(whole(p, t), r.code() + " btw hele euro's " + p.label(), wt)
                        .unexplained());
            }
            steps.add(Step.amount(
                            whole(p, VERSCHULDIGD),
                            "5a hele euro's " + p.label(),
                            sumOf(owed.stream()
                                    .map(r -> whole(p, r.code() + ".btw"))
                                    .toList()))
                    .unexplained()
                    .named("BTW_" + p.key() + "_5a_Aangifte"));
            steps.add(Step.amount(whole(p, VOORBELASTING), "5b hele euro's " + p.label(), ref(whole(p, "5b.btw")))
                    .unexplained()
                    .named("BTW_" + p.key() + "_5b_Aangifte"));
            steps.add(Step.amount(
                            whole(p, SALDO),
                            "5c hele euro's " + p.label(),
                            minus(ref(whole(p, VERSCHULDIGD)), ref(whole(p, VOORBELASTING))))
                    .unexplained()
                    .named("BTW_" + p.key() + "_5c_Aangifte"));
        }
        for (String row : rows) {
            Step year = Step.amount(
                    "w.jaar." + row,
                    row.replace('.', ' ') + " hele euro's over het jaar",
                    sumOf(periods.stream().map(p -> whole(p, row)).toList()));
            if (row.equals(SALDO)) {
                year = year.rule(
                        "Per periode: verschuldigde btw en omzet naar beneden afgerond op hele euro's,"
                                + " voorbelasting naar boven (INT; ROUND(…;2) haalt eerst rekenruis weg); 5c = 5a − 5b.",
                        SRC_AFRONDING);
            } else {
                year = year.unexplained();
            }
            steps.add(year);
        }

        Layout.Builder layout = Layout.builder();
        List<String> headers =
                new ArrayList<>(periods.stream().map(Period::label).toList());
        headers.add("Jaar");
        layout.section("Per periode, tot op de cent (" + sums.bron().replaceFirst(" \\(.*", "") + ")", headers);
        for (String row : rows) {
            List<String> keys =
                    new ArrayList<>(periods.stream().map(p -> exact(p, row)).toList());
            keys.add(exactYear(row));
            if (row.startsWith("5")) {
                layout.total(label(row), keys);
            } else {
                layout.row(label(row), keys);
            }
        }
        layout.section("Aangifte in hele euro's (in uw voordeel afgerond)", headers);
        for (String row : rows) {
            List<String> keys =
                    new ArrayList<>(periods.stream().map(p -> whole(p, row)).toList());
            keys.add("w.jaar." + row);
            if (row.startsWith("5")) {
                layout.total(label(row), keys);
            } else {
                layout.row(label(row), keys);
            }
        }
        return new Result(Calculation.evaluate(steps, known), layout.build(), periods);
    }

    private static String label(String row) {
        return switch (row) {
            case "5a" -> "5a Verschuldigde btw";
            case "5b" -> "5b Voorbelasting";
            case "5c" -> "5c Subtotaal";
            default -> {
                String[] parts = row.split("\\.");
                Rubriek r = Rubriek.ofCode(parts[0]).orElseThrow();
                yield r.code() + " "
                        + (parts[1].equals("omzet") ? (r == Rubriek.R5B ? "inkoop (grondslag)" : "omzet") : "btw")
                        + " · " + r.omschrijving();
            }
        };
    }
}
