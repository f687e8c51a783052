package nl.rekenblad.kia;

import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.PerJaar;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.kia.KiaKeys.Veld;
import nl.rekenblad.rules.Parameter;

import java.util.List;

import static nl.rekenblad.core.Expr.and;
import static nl.rekenblad.core.Expr.equal;
import static nl.rekenblad.core.Expr.greaterOrEqual;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.plus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.sumIfsColumns;
import static nl.rekenblad.core.Expr.text;
import static nl.rekenblad.core.Expr.times;
import static nl.rekenblad.kia.KiaKeys.asset;
import static nl.rekenblad.kia.KiaKeys.input;
import static nl.rekenblad.kia.KiaKeys.year;

/**
 * EIA and MIA beside the KIA (art. 3.42, 3.42a), the year's total of the three (art. 3.40), and a partner's share
 * of a partnership's KIA.
 */
final class EiaMia {
    private EiaMia() {}

    /** EIA of asset {@code i}: the percentage of its year when its regeling is eia and it reaches the minimum. */
    private static Expr eia(KiaOpbouw b, int i) {
        int y = b.activa.get(i).investeringsjaar();
        if (!b.rules.covers(Regel.EIA_PCT.ruleName(), y)) {
            return num("0");
        }
        Expr bedrag = input(i, Veld.BEDRAG);
        return ifThen(
                and(equal(input(i, Veld.REGELING), text("eia")), enough(i, y)),
                times(bedrag, ref(Regel.EIA_PCT.key(y))),
                num("0"));
    }

    /** MIA of asset {@code i}: the percentage of its category (mia-1, -2, -3) of its year, from the minimum on. */
    private static Expr mia(KiaOpbouw b, int i) {
        int y = b.activa.get(i).investeringsjaar();
        if (!b.rules.covers(Regel.EIA_PCT.ruleName(), y)) {
            return num("0");
        }
        Expr reg = input(i, Veld.REGELING);
        Expr bedrag = input(i, Veld.BEDRAG);
        return ifThen(
                enough(i, y),
                ifThen(
                        equal(reg, text("mia-1")),
                        times(bedrag, ref(Regel.MIA_1.key(y))),
                        ifThen(
                                equal(reg, text("mia-2")),
                                times(bedrag, ref(Regel.MIA_2.key(y))),
                                ifThen(equal(reg, text("mia-3")), times(bedrag, ref(Regel.MIA_3.key(y))), num("0")))),
                num("0"));
    }

    private static Expr enough(int i, int y) {
        return greaterOrEqual(input(i, Veld.BEDRAG), ref(Regel.EIA_MIA_MIN.key(y)));
    }

    static void add(KiaOpbouw b) {
        java.util.Set<Integer> investmentYears = new java.util.LinkedHashSet<>();
        b.activa.forEach(a -> investmentYears.add(a.investeringsjaar()));
        for (int y : investmentYears) {
            if (b.rules.covers(Regel.EIA_PCT.ruleName(), y)) {
                for (Regel r : List.of(Regel.EIA_PCT, Regel.MIA_1, Regel.MIA_2, Regel.MIA_3, Regel.EIA_MIA_MIN)) {
                    b.use(r, y, "EIA/MIA-percentage");
                }
            }
        }
        b.add(PerActivum.EIA, i -> Step.amount("", "EIA", eia(b, i)).unexplained());
        b.add(PerActivum.MIA, i -> Step.amount("", "MIA", mia(b, i)).unexplained());
        for (int y : b.years) {
            Expr yr = ref(year(y, PerJaar.JAAR));
            String minimum = b.rules
                    .find(Regel.EIA_MIA_MIN.ruleName(), y)
                    .map(p -> " (ten minste " + DutchText.euro(p.number())
                            + " per bedrijfsmiddel; melding bij RVO binnen 3" + " maanden)")
                    .orElse(" (geen percentage in de regels van rekenblad voor " + y + ")");
            b.add(Step.amount(
                            year(y, PerJaar.EIA),
                            "EIA " + y,
                            sumIfsColumns(asset(PerActivum.EIA), List.of(asset(PerActivum.JAAR)), List.of(yr)))
                    .rule(
                            "Energie-investeringsaftrek: per bedrijfsmiddel met regeling eia het percentage van het"
                                    + " investeringsbedrag" + minimum + ".",
                            b.rules
                                    .find(Regel.EIA_PCT.ruleName(), y)
                                    .map(Parameter::source)
                                    .orElse(""))
                    .named("KIA_EIA_" + y));
            b.add(Step.amount(
                            year(y, PerJaar.MIA),
                            "MIA " + y,
                            sumIfsColumns(asset(PerActivum.MIA), List.of(asset(PerActivum.JAAR)), List.of(yr)))
                    .rule(
                            "Milieu-investeringsaftrek: per categorie van de Milieulijst (mia-1, mia-2, mia-3) het"
                                    + " percentage van het investeringsbedrag. EIA en MIA nooit op hetzelfde bedrijfsmiddel.",
                            b.rules
                                    .find(Regel.MIA_1.ruleName(), y)
                                    .map(Parameter::source)
                                    .orElse(""))
                    .named("KIA_MIA_" + y));
            b.add(Step.amount(
                            year(y, PerJaar.TOTAAL),
                            "Investeringsaftrek " + y + " totaal (KIA + EIA + MIA)",
                            plus(plus(ref(year(y, PerJaar.KIA)), ref(year(y, PerJaar.EIA))), ref(year(y, PerJaar.MIA))))
                    .rule("KIA gaat samen met EIA of MIA.", "Wet IB 2001 art. 3.40"));
        }
        if (b.in.aandeel().isPresent()) {
            b.add(Step.amount(
                            KiaKeys.AANDEEL,
                            "Aandeel van de vennoot",
                            num(b.in.aandeel().get()))
                    .format(Format.GETAL)
                    .rule(
                            "Samenwerkingsverband: T en de KIA zijn die van het hele samenwerkingsverband; elke vennoot"
                                    + " krijgt zijn aandeel.",
                            "Hoge Raad 26 juni 2020, ECLI:NL:HR:2020:825 en :828"));
            for (int y : b.years) {
                b.add(Step.amount(
                                year(y, PerJaar.VENNOOT),
                                "KIA " + y + " voor de vennoot",
                                times(ref(year(y, PerJaar.KIA)), ref(KiaKeys.AANDEEL)))
                        .rule(
                                "KIA van het samenwerkingsverband × aandeel van de vennoot.",
                                "Hoge Raad 26 juni 2020, ECLI:NL:HR:2020:825"));
            }
        }
    }
}
