package nl.rekenblad.kia;

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

import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.kia.KiaKeys.Veld;

/**
 * Which assets count for the KIA, in which year(s) and with how much: a bedrijfsmiddel of at least the year's
 * minimum (art. 3.45); an asset not yet in use at the end of its year counts only with what was paid, the rest in
 * the year it is taken into use (art. 3.43).
 */
final class Kwalificatie {
    static final String SRC_343 = "Wet IB 2001 art. 3.43 (investeren: aangaan van de verplichting; zolang niet in"
            + " gebruik genomen alleen het betaalde deel)";
    static final String SRC_345 = "Wet IB 2001 art. 3.45; belastingdienst.nl 'Geen recht op investeringsaftrek'";

    private Kwalificatie() {
    }

    static void add(KiaOpbouw b) {
        for (int i = 0; i < b.n; i++) {
            Activum a = b.activa.get(i);
            int y = a.investeringsjaar();
            String min = b.use(Regel.KIA_MIN, y, "KIA-tabel");
            Expr bedrag = ref(input(i, Veld.BEDRAG));
            Expr soort = ref(input(i, Veld.SOORT));
            b.add(Step.amount(asset(i, PerActivum.TELT), "Telt mee " + a.id(),
                    and(equal(soort, text("bedrijfsmiddel")), greaterOrEqual(bedrag, ref(min))))
                    .format(Format.JANEE).unexplained());
            Step reden = Step.amount(asset(i, PerActivum.REDEN), "Telt niet mee: " + a.id() + " " + a.omschrijving(),
                    ifThen(not(equal(soort, text("bedrijfsmiddel"))), lower(soort),
                            ifThen(less(bedrag, ref(min)), text("minder dan " + DutchText.number(b.value(Regel.KIA_MIN, y))),
                                    text(""))))
                    .format(Format.TEKST);
            if (a.soort().qualifies() && a.bedrag().amount().compareTo(b.value(Regel.KIA_MIN, y)) >= 0) {
                reden = reden.unexplained();
            } else {
                // The Toelichting names every excluded asset and why.
                reden = reden.rule(a.soort().qualifies()
                        ? "Een bedrijfsmiddel van minder dan " + b.euro(Regel.KIA_MIN, y) + " telt niet mee voor de KIA."
                        : a.soort().exclusion(), SRC_345);
            }
            b.add(reden);
            b.add(Step.amount(asset(i, PerActivum.JAAR), "Investeringsjaar " + a.id(), year(ref(input(i, Veld.DATUM))))
                    .format(Format.JAAR).unexplained());
            Expr inUse = ref(input(i, Veld.INGEBRUIKNAME));
            b.add(Step.amount(asset(i, PerActivum.UITGESTELD), "Nog niet in gebruik eind jaar " + a.id(),
                    ifThen(isBlank(input(i, Veld.INGEBRUIKNAME)), Expr.bool(false),
                            greater(year(inUse), ref(asset(i, PerActivum.JAAR)))))
                    .format(Format.JANEE).unexplained());
            b.add(Step.amount(asset(i, PerActivum.DEEL1), "Bedrag in investeringsjaar " + a.id(),
                    ifThen(ref(asset(i, PerActivum.UITGESTELD)), min(bedrag, ref(input(i, Veld.BETAALD))), bedrag))
                    .unexplained());
            b.add(Step.amount(asset(i, PerActivum.JAAR2), "Jaar van ingebruikname " + a.id(),
                    ifThen(ref(asset(i, PerActivum.UITGESTELD)), year(inUse), num("0"))).format(Format.JAAR).unexplained());
            b.add(Step.amount(asset(i, PerActivum.DEEL2), "Rest naar jaar van ingebruikname " + a.id(),
                    minus(bedrag, ref(asset(i, PerActivum.DEEL1)))).unexplained());
            b.add(Step.amount(asset(i, PerActivum.TELT1), "Telt in investeringsjaar " + a.id(),
                    ifThen(ref(asset(i, PerActivum.TELT)), ref(asset(i, PerActivum.DEEL1)), num("0"))).unexplained());
            b.add(Step.amount(asset(i, PerActivum.TELT2), "Telt in jaar van ingebruikname " + a.id(),
                    ifThen(ref(asset(i, PerActivum.TELT)), ref(asset(i, PerActivum.DEEL2)), num("0"))).unexplained());
        }
    }
}
