package nl.rekenblad.kia;

import nl.rekenblad.core.Expr;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.PerJaar;
import nl.rekenblad.kia.KiaKeys.Regel;

import java.util.List;

import static nl.rekenblad.core.Expr.divide;
import static nl.rekenblad.core.Expr.greater;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.lessOrEqual;
import static nl.rekenblad.core.Expr.minus;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.plus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.round;
import static nl.rekenblad.core.Expr.roundUp;
import static nl.rekenblad.core.Expr.sumIfs;
import static nl.rekenblad.core.Expr.sumIfsColumns;
import static nl.rekenblad.core.Expr.times;
import static nl.rekenblad.kia.KiaKeys.year;

/**
 * Per calendar year: the total T of the investments that count, the KIA from that year's table (art. 3.41), the
 * percentage KIA ÷ T that each asset of the year gets, and the figure for the return.
 */
final class KiaTabel {
    /** The parameters of a year's table, in the order of the Parameters sheet. */
    static final List<Regel> TABEL = List.of(
            Regel.KIA_X,
            Regel.KIA_A,
            Regel.KIA_F,
            Regel.KIA_B,
            Regel.KIA_C,
            Regel.KIA_PCT,
            Regel.KIA_AFBOUW,
            Regel.KIA_MIN);

    private KiaTabel() {}

    static void add(KiaOpbouw b) {
        for (int y : b.years) {
            b.add(Step.amount(year(y, PerJaar.JAAR), "Jaar", num(Integer.toString(y)))
                    .format(Format.JAAR)
                    .unexplained());
            Expr t = ref(year(y, PerJaar.T));
            String x = Regel.KIA_X.key(y);
            String a = Regel.KIA_A.key(y);
            String f = Regel.KIA_F.key(y);
            String bb = Regel.KIA_B.key(y);
            String c = Regel.KIA_C.key(y);
            Expr jaar = ref(year(y, PerJaar.JAAR));
            b.add(Step.amount(
                            year(y, PerJaar.T),
                            "Investeringen " + y + " die meetellen (T)",
                            round(
                                    plus(
                                            sumIfsColumns(
                                                    KiaKeys.asset(PerActivum.TELT1),
                                                    List.of(KiaKeys.asset(PerActivum.JAAR)),
                                                    List.of(jaar)),
                                            sumIfsColumns(
                                                    KiaKeys.asset(PerActivum.TELT2),
                                                    List.of(KiaKeys.asset(PerActivum.JAAR2)),
                                                    List.of(jaar))),
                                    2))
                    .rule(
                            "Som van de bedrijfsmiddelen van " + y + " die meetellen (soort bedrijfsmiddel, ten minste "
                                    + b.euro(Regel.KIA_MIN, y)
                                    + "), plus het deel van eerdere investeringen dat pas in " + y
                                    + " in gebruik is genomen; op centen.",
                            Kwalificatie.SRC_343)
                    .named("KIA_Investeringen_" + y));
            b.add(Step.amount(
                            year(y, PerJaar.KIA),
                            "Kleinschaligheidsinvesteringsaftrek " + y,
                            ifThen(
                                    lessOrEqual(t, ref(x)),
                                    num("0"),
                                    ifThen(
                                            lessOrEqual(t, ref(a)),
                                            times(ref(Regel.KIA_PCT.key(y)), t),
                                            ifThen(
                                                    lessOrEqual(t, ref(bb)),
                                                    ref(f),
                                                    ifThen(
                                                            lessOrEqual(t, ref(c)),
                                                            minus(
                                                                    ref(f),
                                                                    times(
                                                                            ref(Regel.KIA_AFBOUW.key(y)),
                                                                            minus(t, ref(bb)))),
                                                            num("0"))))))
                    .rule(
                            "Tabel " + y + ": T niet meer dan " + b.euro(Regel.KIA_X, y) + ": nihil; tot en met "
                                    + b.euro(Regel.KIA_A, y) + ": " + b.percent(Regel.KIA_PCT, y)
                                    + " van T; tot en met "
                                    + b.euro(Regel.KIA_B, y) + ": " + b.euro(Regel.KIA_F, y) + "; tot en met "
                                    + b.euro(Regel.KIA_C, y) + ": " + b.euro(Regel.KIA_F, y) + " min "
                                    + b.percent(Regel.KIA_AFBOUW, y) + " van T boven " + b.euro(Regel.KIA_B, y)
                                    + "; daarboven nihil. Exact, niet afgerond.",
                            b.parameter(Regel.KIA_X, y).source())
                    .named("KIA_Aftrek_" + y));
            b.add(Step.amount(
                            year(y, PerJaar.PCT),
                            "KIA-percentage " + y,
                            ifThen(greater(t, num("0")), divide(ref(year(y, PerJaar.KIA)), t), num("0")))
                    .format(Format.PROCENT)
                    .rule(
                            "KIA ÷ T: het percentage dat voor elk bedrijfsmiddel van dit jaar geldt (ook bij verkoop).",
                            "Wet IB 2001 art. 3.41 en 3.47"));
            b.add(Step.amount(
                            year(y, PerJaar.AANGIFTE),
                            "KIA " + y + " voor de aangifte (hele euro's)",
                            roundUp(round(ref(year(y, PerJaar.KIA)), 4), 0))
                    .rule(
                            "Naar boven afgerond op hele euro's, in uw voordeel (ROUND(…;4) haalt alleen rekenruis weg)."
                                    + " Deze afronding is de gangbare lezing; een officiële regel daarvoor is niet gevonden.",
                            ""));
        }
    }

    /** Each asset's share: its counted amount × KIA ÷ T of its year(s). */
    static void shares(KiaOpbouw b) {
        List<String> yearCol = b.years.stream().map(y -> year(y, PerJaar.JAAR)).toList();
        List<String> pctCol = b.years.stream().map(y -> year(y, PerJaar.PCT)).toList();
        b.add(
                PerActivum.KIA,
                i -> Step.amount(
                                "",
                                "KIA",
                                plus(
                                        times(
                                                KiaKeys.asset(i, PerActivum.TELT1),
                                                sumIfs(
                                                        pctCol,
                                                        List.of(yearCol),
                                                        List.of(KiaKeys.asset(i, PerActivum.JAAR)))),
                                        times(
                                                KiaKeys.asset(i, PerActivum.TELT2),
                                                sumIfs(
                                                        pctCol,
                                                        List.of(yearCol),
                                                        List.of(KiaKeys.asset(i, PerActivum.JAAR2))))))
                        .unexplained());
        b.add(
                PerActivum.GETELD,
                i -> Step.amount(
                                "",
                                "Meegeteld",
                                plus(KiaKeys.asset(i, PerActivum.TELT1), KiaKeys.asset(i, PerActivum.TELT2)))
                        .unexplained());
    }
}
