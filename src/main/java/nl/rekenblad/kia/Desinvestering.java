package nl.rekenblad.kia;

import nl.rekenblad.core.Expr;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.PerVerkoopjaar;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.kia.KiaKeys.Veld;

import java.util.List;

import static nl.rekenblad.core.Expr.and;
import static nl.rekenblad.core.Expr.divide;
import static nl.rekenblad.core.Expr.greater;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.lessOrEqual;
import static nl.rekenblad.core.Expr.min;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.plus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.round;
import static nl.rekenblad.core.Expr.roundDown;
import static nl.rekenblad.core.Expr.sumIfs;
import static nl.rekenblad.core.Expr.sumIfsColumns;
import static nl.rekenblad.core.Expr.times;
import static nl.rekenblad.core.Expr.year;
import static nl.rekenblad.kia.KiaKeys.asset;
import static nl.rekenblad.kia.KiaKeys.disposal;
import static nl.rekenblad.kia.KiaKeys.input;

/**
 * The desinvesteringsbijtelling (art. 3.47): an asset with investeringsaftrek (KIA, EIA or MIA, art. 3.40) disposed
 * of within five years of the start of its investment year, when the year's disposal prices together exceed that
 * year's threshold, adds its price × the percentage of investeringsaftrek it had (the KIA percentage plus the EIA or
 * MIA percentage), never more than the investeringsaftrek it got.
 */
final class Desinvestering {
    static final String SRC_347 = "Wet IB 2001 art. 3.47 (desinvesteringsbijtelling)";
    /** The disposal year may be at most the investment year plus this (five calendar years in all). */
    static final int JAREN_NA_INVESTERING = 4;

    private Desinvestering() {}

    /** The assets with a disposal date, in register order. */
    static int[] sold(KiaOpbouw b) {
        return java.util.stream.IntStream.range(0, b.n)
                .filter(i -> b.activa.get(i).verkoopdatum().isPresent())
                .toArray();
    }

    /** The investeringsaftrek an asset got: KIA + EIA + MIA (art. 3.40). */
    private static Expr aftrek(int i) {
        return plus(plus(asset(i, PerActivum.KIA), asset(i, PerActivum.EIA)), asset(i, PerActivum.MIA));
    }

    static void add(KiaOpbouw b) {
        int[] sold = sold(b);
        b.add(
                asset(PerActivum.BINNEN5),
                sold,
                i -> Step.amount(
                                "",
                                "Verkocht binnen 5 jaar",
                                and(
                                        lessOrEqual(
                                                year(input(i, Veld.VERKOOPDATUM)),
                                                plus(
                                                        asset(i, PerActivum.JAAR),
                                                        num(Integer.toString(JAREN_NA_INVESTERING)))),
                                        greater(aftrek(i), num("0"))))
                        .format(Format.JANEE)
                        .unexplained());
        b.add(
                asset(PerActivum.VJAAR),
                sold,
                i -> Step.amount(
                                "",
                                "Jaar van verkoop",
                                ifThen(asset(i, PerActivum.BINNEN5), year(input(i, Veld.VERKOOPDATUM)), num("0")))
                        .format(Format.JAAR)
                        .unexplained());
        b.add(
                asset(PerActivum.VPRIJS),
                sold,
                i -> Step.amount(
                                "",
                                "Verkoopprijs die meetelt",
                                ifThen(asset(i, PerActivum.BINNEN5), input(i, Veld.VERKOOPPRIJS), num("0")))
                        .unexplained());
        b.add(
                asset(PerActivum.VPCT),
                sold,
                i -> Step.amount(
                                "",
                                "KIA-percentage",
                                ifThen(
                                        greater(asset(i, PerActivum.GETELD), num("0")),
                                        divide(asset(i, PerActivum.KIA), asset(i, PerActivum.GETELD)),
                                        num("0")))
                        .format(Format.PROCENT)
                        .unexplained());
        b.add(
                asset(PerActivum.EIAPCT),
                sold,
                i -> Step.amount(
                                "",
                                "EIA-percentage",
                                ifThen(
                                        greater(input(i, Veld.BEDRAG), num("0")),
                                        divide(asset(i, PerActivum.EIA), input(i, Veld.BEDRAG)),
                                        num("0")))
                        .format(Format.PROCENT)
                        .unexplained());
        b.add(
                asset(PerActivum.MIAPCT),
                sold,
                i -> Step.amount(
                                "",
                                "MIA-percentage",
                                ifThen(
                                        greater(input(i, Veld.BEDRAG), num("0")),
                                        divide(asset(i, PerActivum.MIA), input(i, Veld.BEDRAG)),
                                        num("0")))
                        .format(Format.PROCENT)
                        .unexplained());
        for (int d : b.disposalYears) {
            Expr dy = ref(disposal(d, PerVerkoopjaar.JAAR));
            b.add(Step.amount(disposal(d, PerVerkoopjaar.JAAR), "Jaar", num(Integer.toString(d)))
                    .format(Format.JAAR)
                    .unexplained());
            b.add(Step.amount(
                            disposal(d, PerVerkoopjaar.VERKOPEN),
                            "Verkoopprijzen " + d + " van bedrijfsmiddelen met KIA" + " van minder dan 5 jaar geleden",
                            round(
                                    sumIfsColumns(
                                            asset(PerActivum.VPRIJS), List.of(asset(PerActivum.VJAAR)), List.of(dy)),
                                    2))
                    .rule(
                            "Alleen verkopen (of andere vervreemdingen) binnen 5 jaar na het begin van het jaar van"
                                    + " investering, van bedrijfsmiddelen waarop investeringsaftrek (KIA, EIA of MIA) is toegepast.",
                            SRC_347));
            b.add(Step.amount(disposal(d, PerVerkoopjaar.DREMPEL), "Drempel " + d, ref(Regel.KIA_X.key(d)))
                    .rule(
                            "De bijtelling geldt als de verkoopprijzen samen meer zijn dan de drempel van het jaar van verkoop.",
                            SRC_347));
            b.add(Step.amount(
                            disposal(d, PerVerkoopjaar.BOVEN),
                            "Boven de drempel " + d,
                            greater(
                                    ref(disposal(d, PerVerkoopjaar.VERKOPEN)),
                                    ref(disposal(d, PerVerkoopjaar.DREMPEL))))
                    .format(Format.JANEE)
                    .unexplained());
        }
        List<String> dJaarCol = b.disposalYears.stream()
                .map(d -> disposal(d, PerVerkoopjaar.JAAR))
                .toList();
        List<String> verkopenCol = b.disposalYears.stream()
                .map(d -> disposal(d, PerVerkoopjaar.VERKOPEN))
                .toList();
        List<String> drempelCol = b.disposalYears.stream()
                .map(d -> disposal(d, PerVerkoopjaar.DREMPEL))
                .toList();
        b.add(asset(PerActivum.BIJTELLING), sold, i -> {
            Expr vj = asset(i, PerActivum.VJAAR);
            Expr over = b.disposalYears.isEmpty()
                    ? Expr.bool(false)
                    : greater(
                            sumIfs(verkopenCol, List.of(dJaarCol), List.of(vj)),
                            sumIfs(drempelCol, List.of(dJaarCol), List.of(vj)));
            return Step.amount(
                            "",
                            "Desinvesteringsbijtelling",
                            ifThen(
                                    and(asset(i, PerActivum.BINNEN5), over),
                                    min(
                                            times(
                                                    asset(i, PerActivum.VPRIJS),
                                                    plus(
                                                            plus(
                                                                    asset(i, PerActivum.VPCT),
                                                                    asset(i, PerActivum.EIAPCT)),
                                                            asset(i, PerActivum.MIAPCT))),
                                            aftrek(i)),
                                    num("0")))
                    .unexplained();
        });
        for (int d : b.disposalYears) {
            b.add(Step.amount(
                            disposal(d, PerVerkoopjaar.BIJTELLING),
                            "Desinvesteringsbijtelling " + d,
                            sumIfsColumns(
                                    asset(PerActivum.BIJTELLING),
                                    List.of(asset(PerActivum.VJAAR)),
                                    List.of(ref(disposal(d, PerVerkoopjaar.JAAR)))))
                    .rule(
                            "Per bedrijfsmiddel de verkoopprijs × het percentage investeringsaftrek dat ervoor gold (KIA"
                                    + " plus EIA of MIA), nooit meer dan de investeringsaftrek die het bedrijfsmiddel kreeg.",
                            SRC_347)
                    .named("KIA_Bijtelling_" + d));
            b.add(Step.amount(
                            disposal(d, PerVerkoopjaar.AANGIFTE),
                            "Bijtelling " + d + " voor de aangifte (hele euro's)",
                            roundDown(round(ref(disposal(d, PerVerkoopjaar.BIJTELLING)), 4), 0))
                    .rule("Naar beneden afgerond op hele euro's, in uw voordeel (gangbare lezing; open punt).", ""));
        }
    }
}
