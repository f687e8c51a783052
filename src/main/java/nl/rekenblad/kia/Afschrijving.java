package nl.rekenblad.kia;

import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.kia.KiaKeys.PerAfschrijving;
import nl.rekenblad.kia.KiaKeys.PerJaar;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.kia.KiaKeys.Veld;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static nl.rekenblad.core.Expr.divide;
import static nl.rekenblad.core.Expr.equal;
import static nl.rekenblad.core.Expr.greater;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.isBlank;
import static nl.rekenblad.core.Expr.lessOrEqual;
import static nl.rekenblad.core.Expr.max;
import static nl.rekenblad.core.Expr.min;
import static nl.rekenblad.core.Expr.minus;
import static nl.rekenblad.core.Expr.month;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.or;
import static nl.rekenblad.core.Expr.plus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.round;
import static nl.rekenblad.core.Expr.sum;
import static nl.rekenblad.core.Expr.sumColumn;
import static nl.rekenblad.core.Expr.text;
import static nl.rekenblad.core.Expr.times;
import static nl.rekenblad.core.Expr.year;
import static nl.rekenblad.kia.KiaKeys.afschrijving;
import static nl.rekenblad.kia.KiaKeys.depreciation;
import static nl.rekenblad.kia.KiaKeys.input;

/**
 * Straight-line depreciation (art. 3.30): (cost − residual value) ÷ useful life per year, pro rata by whole months
 * from the month taken into use, at most the year's cap of the cost (goodwill its own cap), never below the
 * residual value, until the month of disposal; rounded to cents per year; the gain on disposal.
 */
final class Afschrijving {
    static final String SRC_AFS = "Belastingdienst, toelichting bij de aangifte F inkomstenbelasting 2025 vraag 17;"
            + " Wet IB 2001 art. 3.30";
    /** Depreciation columns at most (a schedule longer than this is cut off, with a warning). */
    static final int MAX_YEARS = 40;

    private Afschrijving() {}

    private static Regel cap(Activum a) {
        return a.soort() == Soort.GOODWILL ? Regel.AFS_MAX_GOODWILL : Regel.AFS_MAX;
    }

    private static int startYear(Activum a) {
        return a.ingebruikname().orElse(a.datum()).getYear();
    }

    /** The years of the schedule; uses each asset's cap of the year it starts. */
    static List<Integer> years(KiaOpbouw b) {
        TreeSet<Integer> depYears = new TreeSet<>();
        for (Activum a : b.activa) {
            if (a.gebruiksduur().isEmpty() || a.soort() == Soort.GROND) {
                continue;
            }
            int start = startYear(a);
            // The cap can stretch the schedule beyond the useful life: 1 ÷ cap years at least (5 at 20%).
            BigDecimal capValue =
                    b.rules.get(cap(a).ruleName(), start, "afschrijvingsgrens").number();
            int capYears =
                    BigDecimal.ONE.divide(capValue, 0, RoundingMode.CEILING).intValue();
            int end = start
                    + Math.max(
                            capYears,
                            a.gebruiksduur()
                                    .get()
                                    .setScale(0, RoundingMode.CEILING)
                                    .intValue());
            if (a.verkoopdatum().isPresent()) {
                end = Math.min(end, a.verkoopdatum().get().getYear());
            }
            for (int y = start; y <= end && depYears.size() < MAX_YEARS; y++) {
                depYears.add(y);
            }
        }
        if (depYears.size() >= MAX_YEARS) {
            b.warnings.add(
                    Problem.warning(b.in.bron(), "het afschrijvingsschema is afgekapt op " + MAX_YEARS + " jaar"));
        }
        return new ArrayList<>(depYears);
    }

    static void add(KiaOpbouw b, List<Integer> depList) {
        for (Activum a : b.activa) {
            b.use(cap(a), startYear(a), "afschrijvingsgrens");
        }
        b.add(depreciation(PerAfschrijving.START), b.all, i -> {
            Expr startDate =
                    ifThen(isBlank(input(i, Veld.INGEBRUIKNAME)), input(i, Veld.DATUM), input(i, Veld.INGEBRUIKNAME));
            return Step.amount(
                            "",
                            "Eerste maand",
                            plus(times(year(startDate), num("12")), minus(month(startDate), num("1"))))
                    .format(Format.GETAL)
                    .unexplained();
        });
        b.add(depreciation(PerAfschrijving.EIND), b.all, i -> {
            Expr vd = input(i, Veld.VERKOOPDATUM);
            return Step.amount(
                            "",
                            "Maand van verkoop",
                            ifThen(
                                    isBlank(vd),
                                    num("999999"),
                                    plus(times(year(vd), num("12")), minus(month(vd), num("1")))))
                    .format(Format.GETAL)
                    .unexplained();
        });
        b.add(depreciation(PerAfschrijving.JAARBEDRAG), b.all, i -> {
            Expr bedrag = input(i, Veld.BEDRAG);
            Expr duur = input(i, Veld.GEBRUIKSDUUR);
            String cap = cap(b.activa.get(i)).key(startYear(b.activa.get(i)));
            return Step.amount(
                            "",
                            "Afschrijving per vol jaar",
                            ifThen(
                                    or(
                                            isBlank(duur),
                                            lessOrEqual(duur, num("0")),
                                            equal(input(i, Veld.SOORT), text("grond"))),
                                    num("0"),
                                    min(
                                            divide(minus(bedrag, input(i, Veld.RESTWAARDE)), duur),
                                            times(bedrag, ref(cap)))))
                    .unexplained();
        });
        String[] amountColumns = depList.stream()
                .map(y -> depreciation(y, PerAfschrijving.BEDRAG))
                .toArray(String[]::new);
        for (int k = 0; k < depList.size(); k++) {
            int y = depList.get(k);
            int upTo = k;
            String months = depreciation(y, PerAfschrijving.MAANDEN);
            Expr yearStart = num(Integer.toString(12 * y));
            Expr nextYear = num(Integer.toString(12 * y + 12));
            Expr yearEnd = num(Integer.toString(12 * y + 11));
            b.add(
                    months,
                    b.all,
                    i -> Step.amount(
                                    "",
                                    "Maanden in gebruik " + y,
                                    max(
                                            num("0"),
                                            minus(
                                                    min(afschrijving(i, PerAfschrijving.EIND), nextYear),
                                                    max(afschrijving(i, PerAfschrijving.START), yearStart))))
                            .format(Format.GETAL)
                            .unexplained());
            b.add(amountColumns[k], b.all, i -> {
                Expr bedrag = input(i, Veld.BEDRAG);
                Expr remaining = max(
                        num("0"),
                        minus(
                                minus(bedrag, upTo == 0 ? num("0") : sum(cells(i, amountColumns, upTo))),
                                input(i, Veld.RESTWAARDE)));
                return Step.amount(
                                "",
                                "Afschrijving " + y,
                                round(
                                        min(
                                                divide(
                                                        times(
                                                                afschrijving(i, PerAfschrijving.JAARBEDRAG),
                                                                Expr.cell(months, i)),
                                                        num("12")),
                                                remaining),
                                        2))
                        .unexplained();
            });
            b.add(
                    depreciation(y, PerAfschrijving.BOEKWAARDE),
                    b.all,
                    i -> Step.amount(
                                    "",
                                    "Boekwaarde eind " + y,
                                    ifThen(
                                            or(
                                                    greater(afschrijving(i, PerAfschrijving.START), yearEnd),
                                                    lessOrEqual(afschrijving(i, PerAfschrijving.EIND), yearEnd)),
                                            num("0"),
                                            minus(input(i, Veld.BEDRAG), sum(cells(i, amountColumns, upTo + 1)))))
                            .unexplained());
        }
        b.add(
                depreciation(PerAfschrijving.TOTAAL),
                b.all,
                i -> Step.amount(
                                "",
                                "Afschrijving totaal",
                                depList.isEmpty() ? num("0") : sum(cells(i, amountColumns, amountColumns.length)))
                        .unexplained());
        b.add(
                depreciation(PerAfschrijving.BOEKWINST),
                b.all,
                i -> Step.amount(
                                "",
                                "Boekwinst bij verkoop",
                                ifThen(
                                        isBlank(input(i, Veld.VERKOOPDATUM)),
                                        num("0"),
                                        minus(
                                                input(i, Veld.VERKOOPPRIJS),
                                                minus(input(i, Veld.BEDRAG), afschrijving(i, PerAfschrijving.TOTAAL)))))
                        .unexplained());
        String caps = depList.isEmpty() ? "" : capWords(b.rules, depList.get(0), " van de aanschafprijs per jaar");
        for (int y : depList) {
            b.add(Step.amount(
                            KiaKeys.year(y, PerJaar.AFSCHRIJVING),
                            "Afschrijving " + y,
                            sumColumn(depreciation(y, PerAfschrijving.BEDRAG)))
                    .rule(
                            "Per bedrijfsmiddel (aanschafprijs − restwaarde) ÷ gebruiksduur per jaar, naar rato van de hele"
                                    + " maanden vanaf de maand van ingebruikname (anders de investeringsdatum), " + caps
                                    + ", nooit onder de restwaarde, tot de maand van verkoop;"
                                    + " per jaar op centen afgerond. Grond wordt niet afgeschreven.",
                            SRC_AFS));
        }
    }

    /** Asset {@code i}'s cells of the first {@code count} of {@code columns}: side by side on its row. */
    private static List<Expr> cells(int i, String[] columns, int count) {
        List<Expr> cells = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            cells.add(Expr.cell(columns[k], i));
        }
        return cells;
    }

    /** The yearly caps of {@code year} as percentages: "20%" and, for goodwill, "10%". */
    record Caps(String general, String goodwill) {
        /** "ten hoogste 20%{@code what} (goodwill 10%)". */
        String words(String what) {
            return "ten hoogste " + general + what + " (goodwill " + goodwill + ")";
        }
    }

    /** The caps of the rules data for {@code year}; absent when the rules do not cover it. */
    static java.util.Optional<Caps> caps(nl.rekenblad.rules.RuleBook rules, int year) {
        var general = rules.find(Regel.AFS_MAX.ruleName(), year);
        var goodwill = rules.find(Regel.AFS_MAX_GOODWILL.ruleName(), year);
        if (general.isEmpty() || goodwill.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Caps(
                DutchText.percent(general.get().number()),
                DutchText.percent(goodwill.get().number())));
    }

    /** The caps in words for a schedule starting in {@code year}. */
    static String capWords(nl.rekenblad.rules.RuleBook rules, int year, String what) {
        return caps(rules, year).map(c -> c.words(what)).orElse("ten hoogste het deel" + what + " dat de wet toestaat");
    }
}
