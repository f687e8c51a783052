package nl.rekenblad.kia;

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
import static nl.rekenblad.core.Expr.sumOf;
import static nl.rekenblad.core.Expr.text;
import static nl.rekenblad.core.Expr.times;
import static nl.rekenblad.core.Expr.year;
import static nl.rekenblad.kia.KiaKeys.depreciation;
import static nl.rekenblad.kia.KiaKeys.input;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.kia.KiaKeys.PerAfschrijving;
import nl.rekenblad.kia.KiaKeys.PerJaar;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.kia.KiaKeys.Veld;

/**
 * Straight-line depreciation (art. 3.30): (cost − residual value) ÷ useful life per year, pro rata by whole months
 * from the month taken into use, at most the year's cap of the cost (goodwill its own cap), never below the
 * residual value, until the month of disposal; rounded to cents per year; the gain on disposal.
 */
final class Afschrijving {
    static final String SRC_AFS = "Belastingdienst, toelichting aangifte IB 2025 vraag 17; Wet IB 2001 art. 3.30";
    /** Depreciation columns at most (a schedule longer than this is cut off, with a warning). */
    static final int MAX_YEARS = 40;

    private Afschrijving() {
    }

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
            BigDecimal capValue = b.rules.get(cap(a).ruleName(), start, "afschrijvingsgrens").number();
            int capYears = BigDecimal.ONE.divide(capValue, 0, RoundingMode.CEILING).intValue();
            int end = start + Math.max(capYears, a.gebruiksduur().get().setScale(0, RoundingMode.CEILING).intValue());
            if (a.verkoopdatum().isPresent()) {
                end = Math.min(end, a.verkoopdatum().get().getYear());
            }
            for (int y = start; y <= end && depYears.size() < MAX_YEARS; y++) {
                depYears.add(y);
            }
        }
        if (depYears.size() >= MAX_YEARS) {
            b.warnings.add(Problem.warning(b.in.bron(), "het afschrijvingsschema is afgekapt op " + MAX_YEARS + " jaar"));
        }
        return new ArrayList<>(depYears);
    }

    static void add(KiaOpbouw b, List<Integer> depList) {
        for (int i = 0; i < b.n; i++) {
            Activum a = b.activa.get(i);
            Expr bedrag = ref(input(i, Veld.BEDRAG));
            Expr rest = ref(input(i, Veld.RESTWAARDE));
            String cap = b.use(cap(a), startYear(a), "afschrijvingsgrens");
            Expr startDate = ifThen(isBlank(input(i, Veld.INGEBRUIKNAME)), ref(input(i, Veld.DATUM)),
                    ref(input(i, Veld.INGEBRUIKNAME)));
            b.add(Step.amount(depreciation(i, PerAfschrijving.START), "Eerste maand " + a.id(),
                    plus(times(year(startDate), num("12")), minus(month(startDate), num("1")))).format(Format.GETAL).unexplained());
            Expr vd = ref(input(i, Veld.VERKOOPDATUM));
            b.add(Step.amount(depreciation(i, PerAfschrijving.EIND), "Maand van verkoop " + a.id(),
                    ifThen(isBlank(input(i, Veld.VERKOOPDATUM)), num("999999"),
                            plus(times(year(vd), num("12")), minus(month(vd), num("1"))))).format(Format.GETAL).unexplained());
            Expr duur = ref(input(i, Veld.GEBRUIKSDUUR));
            b.add(Step.amount(depreciation(i, PerAfschrijving.JAARBEDRAG), "Afschrijving per vol jaar " + a.id(),
                    ifThen(or(isBlank(input(i, Veld.GEBRUIKSDUUR)), lessOrEqual(duur, num("0")),
                                    equal(ref(input(i, Veld.SOORT)), text("grond"))),
                            num("0"), min(divide(minus(bedrag, rest), duur), times(bedrag, ref(cap))))).unexplained());
            List<String> earlier = new ArrayList<>();
            for (int y : depList) {
                String m = depreciation(i, y, PerAfschrijving.MAANDEN);
                Expr yearStart = num(Integer.toString(12 * y));
                b.add(Step.amount(m, "Maanden in gebruik " + y + " " + a.id(),
                        max(num("0"), minus(min(ref(depreciation(i, PerAfschrijving.EIND)), num(Integer.toString(12 * y + 12))),
                                max(ref(depreciation(i, PerAfschrijving.START)), yearStart)))).format(Format.GETAL).unexplained());
                Expr remaining = max(num("0"), minus(minus(bedrag, earlier.isEmpty() ? num("0") : sumOf(earlier)), rest));
                String dk = depreciation(i, y, PerAfschrijving.BEDRAG);
                b.add(Step.amount(dk, "Afschrijving " + y + " " + a.id(),
                        round(min(divide(times(ref(depreciation(i, PerAfschrijving.JAARBEDRAG)), ref(m)), num("12")), remaining), 2))
                        .unexplained());
                earlier.add(dk);
                Expr yearEnd = num(Integer.toString(12 * y + 11));
                b.add(Step.amount(depreciation(i, y, PerAfschrijving.BOEKWAARDE), "Boekwaarde eind " + y + " " + a.id(),
                        ifThen(or(greater(ref(depreciation(i, PerAfschrijving.START)), yearEnd),
                                        lessOrEqual(ref(depreciation(i, PerAfschrijving.EIND)), yearEnd)),
                                num("0"), minus(bedrag, sumOf(earlier)))).unexplained());
            }
            b.add(Step.amount(depreciation(i, PerAfschrijving.TOTAAL), "Afschrijving totaal " + a.id(),
                    earlier.isEmpty() ? num("0") : sumOf(earlier)).unexplained());
            b.add(Step.amount(depreciation(i, PerAfschrijving.BOEKWINST), "Boekwinst bij verkoop " + a.id(),
                    ifThen(isBlank(input(i, Veld.VERKOOPDATUM)), num("0"),
                            minus(ref(input(i, Veld.VERKOOPPRIJS)), minus(bedrag, ref(depreciation(i, PerAfschrijving.TOTAAL))))))
                    .unexplained());
        }
        String caps = depList.isEmpty() ? "" : capWords(b.rules, depList.get(0), " van de aanschafprijs per jaar");
        for (int y : depList) {
            List<String> col = new ArrayList<>();
            for (int i = 0; i < b.n; i++) {
                col.add(depreciation(i, y, PerAfschrijving.BEDRAG));
            }
            b.add(Step.amount(KiaKeys.year(y, PerJaar.AFSCHRIJVING), "Afschrijving " + y, sumOf(col))
                    .rule("Per bedrijfsmiddel (aanschafprijs − restwaarde) ÷ gebruiksduur per jaar, naar rato van de hele"
                            + " maanden vanaf de maand van ingebruikname (anders de investeringsdatum), " + caps
                            + ", nooit onder de restwaarde, tot de maand van verkoop;"
                            + " per jaar op centen afgerond. Grond wordt niet afgeschreven.", SRC_AFS));
        }
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
        return java.util.Optional.of(new Caps(DutchText.percent(general.get().number()),
                DutchText.percent(goodwill.get().number())));
    }

    /** The caps in words for a schedule starting in {@code year}. */
    static String capWords(nl.rekenblad.rules.RuleBook rules, int year, String what) {
        return caps(rules, year).map(c -> c.words(what))
                .orElse("ten hoogste het deel" + what + " dat de wet toestaat");
    }
}
