package nl.rekenblad.kia;

import nl.rekenblad.core.Expr;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.kia.KiaKeys.Veld;

import static nl.rekenblad.core.Expr.and;
import static nl.rekenblad.core.Expr.equal;
import static nl.rekenblad.core.Expr.greater;
import static nl.rekenblad.core.Expr.greaterOrEqual;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.isBlank;
import static nl.rekenblad.core.Expr.less;
import static nl.rekenblad.core.Expr.lower;
import static nl.rekenblad.core.Expr.min;
import static nl.rekenblad.core.Expr.minus;
import static nl.rekenblad.core.Expr.not;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.text;
import static nl.rekenblad.core.Expr.year;
import static nl.rekenblad.kia.KiaKeys.asset;
import static nl.rekenblad.kia.KiaKeys.input;

/**
 * Which assets count for the KIA, in which year(s) and with how much: a bedrijfsmiddel of at least the year's
 * minimum (art. 3.45); an asset not yet in use at the end of its year counts only with what was paid, the rest in
 * the year it is taken into use (art. 3.43).
 */
final class Kwalificatie {
    static final String SRC_343 = "Wet IB 2001 art. 3.43 (investeren: aangaan van de verplichting; zolang niet in"
            + " gebruik genomen alleen het betaalde deel)";
    static final String SRC_345 = "Wet IB 2001 art. 3.45; belastingdienst.nl 'Geen recht op investeringsaftrek'";

    private Kwalificatie() {}

    /** Per asset, in this order: counts, why not, its year, deferred, the parts per year and what counts of each. */
    static void add(KiaOpbouw b) {
        b.add(
                PerActivum.TELT,
                i -> Step.amount(
                                "",
                                "Telt mee",
                                and(
                                        equal(input(i, Veld.SOORT), text("bedrijfsmiddel")),
                                        greaterOrEqual(input(i, Veld.BEDRAG), minimum(b, i))))
                        .format(Format.JANEE)
                        .unexplained());
        b.addExplained(PerActivum.REDEN, i -> reden(b, i));
        b.add(
                PerActivum.JAAR,
                i -> Step.amount("", "Investeringsjaar", year(input(i, Veld.DATUM)))
                        .format(Format.JAAR)
                        .unexplained());
        b.add(
                PerActivum.UITGESTELD,
                i -> Step.amount(
                                "",
                                "Nog niet in gebruik eind jaar",
                                ifThen(
                                        isBlank(input(i, Veld.INGEBRUIKNAME)),
                                        Expr.bool(false),
                                        greater(year(input(i, Veld.INGEBRUIKNAME)), asset(i, PerActivum.JAAR))))
                        .format(Format.JANEE)
                        .unexplained());
        b.add(
                PerActivum.DEEL1,
                i -> Step.amount(
                                "",
                                "Bedrag in investeringsjaar",
                                ifThen(
                                        asset(i, PerActivum.UITGESTELD),
                                        min(input(i, Veld.BEDRAG), input(i, Veld.BETAALD)),
                                        input(i, Veld.BEDRAG)))
                        .unexplained());
        b.add(
                PerActivum.JAAR2,
                i -> Step.amount(
                                "",
                                "Jaar van ingebruikname",
                                ifThen(asset(i, PerActivum.UITGESTELD), year(input(i, Veld.INGEBRUIKNAME)), num("0")))
                        .format(Format.JAAR)
                        .unexplained());
        b.add(
                PerActivum.DEEL2,
                i -> Step.amount(
                                "",
                                "Rest naar jaar van ingebruikname",
                                minus(input(i, Veld.BEDRAG), asset(i, PerActivum.DEEL1)))
                        .unexplained());
        b.add(
                PerActivum.TELT1,
                i -> Step.amount(
                                "",
                                "Telt in investeringsjaar",
                                ifThen(asset(i, PerActivum.TELT), asset(i, PerActivum.DEEL1), num("0")))
                        .unexplained());
        b.add(
                PerActivum.TELT2,
                i -> Step.amount(
                                "",
                                "Telt in jaar van ingebruikname",
                                ifThen(asset(i, PerActivum.TELT), asset(i, PerActivum.DEEL2), num("0")))
                        .unexplained());
    }

    /** The minimum of the asset's investment year. */
    private static Expr minimum(KiaOpbouw b, int i) {
        return ref(Regel.KIA_MIN.key(b.activa.get(i).investeringsjaar()));
    }

    /** Why an asset does not count; explained on its own line for every asset that does not. */
    private static Step reden(KiaOpbouw b, int i) {
        Activum a = b.activa.get(i);
        int y = a.investeringsjaar();
        Expr soort = input(i, Veld.SOORT);
        Step reden = Step.amount(
                        "",
                        "Telt niet mee: " + a.id() + " " + a.omschrijving(),
                        ifThen(
                                not(equal(soort, text("bedrijfsmiddel"))),
                                lower(soort),
                                ifThen(
                                        less(input(i, Veld.BEDRAG), minimum(b, i)),
                                        text(b.text("minder dan ", Regel.KIA_MIN, y)),
                                        text(""))))
                .format(Format.TEKST);
        if (a.soort().qualifies() && a.bedrag().amount().compareTo(b.value(Regel.KIA_MIN, y)) >= 0) {
            return reden.unexplained();
        }
        // The Toelichting names every excluded asset and why.
        return reden.rule(
                a.soort().qualifies()
                        ? "Een bedrijfsmiddel van minder dan " + b.euro(Regel.KIA_MIN, y)
                                + " telt niet mee voor de KIA."
                        : a.soort().exclusion(),
                SRC_345);
    }
}
