package nl.rekenblad.kor;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.kor.KorKeys.PerPeriode;
import nl.rekenblad.rules.Parameter;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.rules.UsedParameter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.rekenblad.core.Expr.and;
import static nl.rekenblad.core.Expr.equal;
import static nl.rekenblad.core.Expr.greater;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.isBlank;
import static nl.rekenblad.core.Expr.less;
import static nl.rekenblad.core.Expr.lessOrEqual;
import static nl.rekenblad.core.Expr.max;
import static nl.rekenblad.core.Expr.min;
import static nl.rekenblad.core.Expr.minus;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.or;
import static nl.rekenblad.core.Expr.plus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.round;
import static nl.rekenblad.core.Expr.roundUp;
import static nl.rekenblad.core.Expr.sum;
import static nl.rekenblad.core.Expr.sumOf;
import static nl.rekenblad.core.Expr.text;
import static nl.rekenblad.core.Expr.times;
import static nl.rekenblad.kor.KorKeys.*;

/**
 * The KOR jaaropstelling: adds up a year of btw returns and applies the kleineondernemersregeling
 * of that year (the reduction until 2019, the exemption from 2020). Pure: no spreadsheet or file
 * code. Each figure is a {@link Step}, so the same definition gives the Java value, the formula
 * in the workbook and the line on the Toelichting sheet.
 */
public final class KorJaaropstelling {
    static final String SRC_AANGIFTE = "Belastingdienst, btw-aangifte: rubrieken 1a t/m 5b";
    static final String SRC_UB25A =
            "Uitvoeringsbeschikking OB 1968 art. 25a (tekst tot 1-1-2020), wetten.overheid.nl BWBR0002640";
    static final String SRC_UB24 =
            "Uitvoeringsbeschikking OB 1968 art. 24 lid 4 (tekst tot 1-1-2020); Besluit KOR 26-03-2013 §4.4";
    /** The S of the Belastingdienst's example of the sliding scale (€ 1.500 gives € 957,50, rounded up € 958). */
    static final java.math.BigDecimal EXAMPLE_S = new java.math.BigDecimal("1500");

    static final String SRC_WINST = "Wet IB 2001 art. 3.8: de vermindering is een voordeel uit de onderneming";

    private final RuleBook rules;

    public KorJaaropstelling(RuleBook rules) {
        this.rules = rules;
    }

    /** With the rules bundled with rekenblad. */
    public static KorJaaropstelling withBundledRules() {
        return new KorJaaropstelling(RuleBook.load("kor"));
    }

    /**
     * Computes the jaaropstelling.
     *
     * @throws InvalidInputException when the regulation cannot apply (a bv under the old KOR)
     * @throws nl.rekenblad.rules.MissingRuleException when the rules have no figures for the year
     */
    public KorResult calculate(KorInput in) throws InvalidInputException {
        Regime regime = Regime.forYear(rules, in.year());
        if (regime == Regime.OUD && !in.rechtsvorm().naturalPersons()) {
            throw InvalidInputException.of(
                    in.bron(),
                    "de oude kleineondernemersregeling (tot 2020) geldt alleen voor"
                            + " natuurlijke personen en samenwerkingsverbanden van natuurlijke personen (eenmanszaak, vof,"
                            + " maatschap, cv); een " + in.rechtsvorm().word() + " kan haar niet toepassen"
                            + " (Wet OB 1968 art. 25 lid 1, tekst tot 2020)");
        }
        List<UsedParameter> params = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Layout.Builder layout = Layout.builder();
        List<Period> periods = in.periods();

        // 1. Year totals per rubriek.
        layout.section("Jaartotalen per rubriek", List.of("Omzet", "Btw"));
        for (Rubriek r : Rubriek.values()) {
            String omzet = null;
            String btw = null;
            if (r.hasOmzet()) {
                omzet = total(r, false);
                steps.add(Step.amount(omzet, r.code() + " omzet", sumOf(inputs(periods, r, false)))
                        .unexplained());
            }
            if (r.hasBtw()) {
                btw = total(r, true);
                steps.add(Step.amount(btw, r.code() + " btw", sumOf(inputs(periods, r, true)))
                        .unexplained());
            }
            layout.row(r.code() + " " + r.omschrijving(), omzet, btw);
        }

        // 2. Per period: 5a, 5b, 5c, and the year.
        List<String> headers =
                new ArrayList<>(periods.stream().map(Period::label).toList());
        headers.add("Jaar");
        layout.section("Per aangifteperiode", headers);
        List<Rubriek> owed =
                Arrays.stream(Rubriek.values()).filter(Rubriek::owed).toList();
        for (Period p : periods) {
            steps.add(Step.amount(
                            period(p, PerPeriode.VERSCHULDIGD),
                            "5a Verschuldigde btw " + p.label(),
                            sum(owed.stream()
                                    .map(r -> ref(KorKeys.input(p, r, true)))
                                    .toList()))
                    .unexplained());
            steps.add(Step.amount(
                            period(p, PerPeriode.VOORBELASTING),
                            "5b Voorbelasting " + p.label(),
                            ref(KorKeys.input(p, Rubriek.R5B, true)))
                    .unexplained());
            steps.add(Step.amount(
                            period(p, PerPeriode.SALDO),
                            "5c Subtotaal " + p.label(),
                            minus(ref(period(p, PerPeriode.VERSCHULDIGD)), ref(period(p, PerPeriode.VOORBELASTING))))
                    .unexplained());
        }
        steps.add(Step.amount(
                        JAAR_5A,
                        "5a Verschuldigde btw over het jaar",
                        sumOf(periodKeys(periods, PerPeriode.VERSCHULDIGD)))
                .rule("Per periode de btw van " + codes(owed) + "; over het jaar opgeteld.", SRC_AANGIFTE));
        steps.add(Step.amount(
                        JAAR_5B, "5b Voorbelasting over het jaar", sumOf(periodKeys(periods, PerPeriode.VOORBELASTING)))
                .rule("De voorbelasting van alle perioden opgeteld.", SRC_AANGIFTE));
        steps.add(
                Step.amount(JAAR_5C, "5c Subtotaal (saldo) over het jaar", sumOf(periodKeys(periods, PerPeriode.SALDO)))
                        .rule(
                                "Per periode 5a min 5b; over het jaar opgeteld. Perioden met een teruggaaf verlagen het saldo.",
                                SRC_AANGIFTE)
                        .named(regime == Regime.OUD ? "KOR_Saldo" : null));
        layout.row("5a Verschuldigde btw", withYear(periodKeys(periods, PerPeriode.VERSCHULDIGD), JAAR_5A));
        layout.row("5b Voorbelasting", withYear(periodKeys(periods, PerPeriode.VOORBELASTING), JAAR_5B));
        layout.total("5c Subtotaal", withYear(periodKeys(periods, PerPeriode.SALDO), JAAR_5C));

        if (regime == Regime.OUD) {
            oldReduction(in.year(), periods.size(), params, steps, layout);
        } else {
            exemption(in, params, steps, layout, headers.size());
        }

        Map<String, Object> known = new HashMap<>();
        for (Period p : periods) {
            for (Rubriek r : Rubriek.values()) {
                KorInput.Bedragen b = in.get(p, r);
                known.put(
                        KorKeys.input(p, r, false),
                        b.omzet() == null ? null : b.omzet().amount());
                known.put(
                        KorKeys.input(p, r, true),
                        b.btw() == null ? null : b.btw().amount());
            }
        }
        known.put(IN_OMZET_VORIG_JAAR, in.omzetVorigJaar().map(m -> m.amount()).orElse(null));
        for (UsedParameter p : params) {
            known.put(p.key(), p.value());
        }
        List<Problem> warnings = new ArrayList<>(in.warnings());
        Calculation calc = Calculation.evaluate(steps, known);
        return new KorResult(in, regime, calc, layout.build(), List.copyOf(params), warnings);
    }

    private void oldReduction(
            int year, int columns, List<UsedParameter> params, List<Step> steps, Layout.Builder layout) {
        Parameter drempel = use(params, "KOR_Oud_Drempel", year, "drempel van de oude KOR");
        Parameter grens = use(params, "KOR_Oud_Grens", year, "grens van de oude KOR");
        Parameter factor = use(params, "KOR_Oud_Factor", year, "afbouwfactor van de oude KOR");
        String d = DutchText.euro(drempel.number());
        String g = DutchText.euro(grens.number());
        String f = DutchText.number(factor.number());

        List<Rubriek> reverse = Arrays.stream(Rubriek.values())
                .filter(Rubriek::reverseChargedToYou)
                .toList();
        steps.add(Step.amount(
                        VERLEGD,
                        "Af: btw die naar u is verlegd ("
                                + String.join(
                                        ", ",
                                        reverse.stream().map(Rubriek::code).toList()) + ")",
                        sum(reverse.stream().map(r -> ref(total(r, true))).toList()))
                .rule("Btw die naar u is verlegd, geldt voor de KOR niet als door u verschuldigde btw.", SRC_UB25A));
        steps.add(Step.amount(VERLEGD_AFTREK, "Bij: aftrek van die verlegde btw als voorbelasting", ref(VERLEGD))
                .rule(
                        "Dan blijft ook de aftrek van diezelfde btw buiten de grondslag. rekenblad gaat uit van volledige"
                                + " aftrek, zodat deze regel en de vorige tegen elkaar wegvallen; is uw aftrek beperkt, vul dan"
                                + " hier het afgetrokken deel in.",
                        SRC_UB25A));
        steps.add(Step.amount(
                        FICTIEF, "Bij: fictieve btw bij verlegging naar uw afnemer (1e)", ref(total(Rubriek.R1E, true)))
                .rule(
                        "Btw die u zonder de verleggingsregeling aan uw afnemer had berekend, telt voor de KOR mee"
                                + " alsof u die verschuldigd bent.",
                        SRC_UB25A));
        steps.add(Step.amount(
                        GRONDSLAG,
                        "S: grondslag voor de KOR",
                        round(plus(plus(minus(ref(JAAR_5C), ref(VERLEGD)), ref(VERLEGD_AFTREK)), ref(FICTIEF)), 2))
                .rule(
                        "S = saldo 5c − verlegde btw + aftrek daarvan + fictieve btw: de btw die u over het hele jaar"
                                + " na aftrek van voorbelasting zou betalen, op centen (bedragen in de aangifte zijn hooguit"
                                + " centen; de afronding haalt alleen rekenruis van de spreadsheet weg).",
                        drempel.source())
                .named("KOR_Grondslag"));
        Expr s = ref(GRONDSLAG);
        steps.add(Step.amount(
                        AFBOUW,
                        "Afbouwbedrag " + f + " × (" + g + " − S), onafgerond",
                        round(times(ref(factor.name()), minus(ref(grens.name()), s)), 4))
                .rule(
                        "Geldt als S tussen " + d + " en " + g + " ligt. Exact berekend; ROUND(…;4) verandert de"
                                + " uitkomst niet en haalt alleen de rekenruis van binaire getallen weg, zodat de afronding"
                                + " naar boven in de volgende stap in Excel hetzelfde uitvalt als hier.",
                        drempel.source()));
        Expr band = min(s, roundUp(ref(AFBOUW), 0));
        steps.add(Step.amount(
                        VERMINDERING,
                        "Vermindering volgens de KOR (rubriek 5d, laatste aangifte)",
                        max(
                                num("0"),
                                ifThen(
                                        lessOrEqual(s, ref(drempel.name())),
                                        s,
                                        ifThen(less(s, ref(grens.name())), band, num("0")))))
                .rule(
                        "Is S niet meer dan " + d + ", dan is de vermindering gelijk aan S. Ligt S tussen " + d + " en "
                                + g + ", dan is zij " + f + " × (" + g
                                + " − S), naar boven afgerond op hele euro's in uw"
                                + " voordeel" + example(drempel, grens, factor) + ", en"
                                + " nooit meer dan S. Vanaf " + g
                                + ", of als S niet positief is, is er geen vermindering.",
                        drempel.source())
                .named("KOR_Vermindering"));
        steps.add(Step.amount(
                        TE_BETALEN,
                        "Te betalen over het jaar na de KOR (negatief: terug)",
                        minus(ref(JAAR_5C), ref(VERMINDERING)))
                .rule(
                        "Saldo 5c over het jaar min de vermindering. Is over de perioden meer betaald, dan wordt het"
                                + " verschil op verzoek terugbetaald via de laatste aangifte van het jaar.",
                        SRC_UB24)
                .named("KOR_TeBetalen"));
        steps.add(Step.amount(
                        TERUG_FICTIEF,
                        "Waarvan terug omdat de vermindering de werkelijk verschuldigde btw overtreft",
                        max(num("0"), minus(ref(VERMINDERING), max(num("0"), ref(JAAR_5C)))))
                .rule(
                        "Met fictieve btw (1e) kan de vermindering hoger zijn dan het saldo dat u werkelijk"
                                + " verschuldigd bent: de vermindering is ten hoogste de belasting inclusief de fictieve btw,"
                                + " en het verschil wordt terugbetaald. Zonder fictieve btw is dit altijd nul.",
                        "Wet OB 1968 art. 25 lid 1 met " + SRC_UB25A));
        steps.add(Step.amount(WINSTCORRECTIE, "Bij te tellen bij de winst uit onderneming", ref(VERMINDERING))
                .rule(
                        "De vermindering is een voordeel uit de onderneming en hoort bij de winst voor de"
                                + " inkomstenbelasting.",
                        SRC_WINST)
                .named("KOR_Winstcorrectie"));

        layout.section("Kleineondernemersregeling (oude regeling, tot 2020)", padded(List.of("Bedrag"), columns + 1));
        for (String k : List.of(JAAR_5C, VERLEGD, VERLEGD_AFTREK, FICTIEF)) {
            layout.row(label(steps, k), padded(k, columns + 1));
        }
        layout.total(label(steps, GRONDSLAG), padded(GRONDSLAG, columns + 1));
        layout.row(label(steps, AFBOUW), padded(AFBOUW, columns + 1));
        layout.total(label(steps, VERMINDERING), padded(VERMINDERING, columns + 1));
        layout.row(label(steps, TE_BETALEN), padded(TE_BETALEN, columns + 1));
        layout.row(label(steps, TERUG_FICTIEF), padded(TERUG_FICTIEF, columns + 1));
        layout.total(label(steps, WINSTCORRECTIE), padded(WINSTCORRECTIE, columns + 1));
    }

    private void exemption(
            KorInput in, List<UsedParameter> params, List<Step> steps, Layout.Builder layout, int width) {
        int year = in.year();
        List<Period> periods = in.periods();
        Parameter grens = use(params, "KOR_Vrij_Omzetgrens", year, "omzetgrens van de KOR");
        Parameter vorigTelt = use(params, "KOR_Vrij_VorigJaarTelt", year, "regel voor de omzet van het vorige jaar");
        List<Rubriek> supplies =
                Arrays.stream(Rubriek.values()).filter(Rubriek::supply).toList();
        for (Rubriek r : supplies) {
            use(params, "KOR_Telt_" + r.code(), year, "keuze of rubriek " + r.code() + " meetelt voor de omzetgrens");
        }
        String g = DutchText.euro(grens.number());

        Step previous = null;
        for (Period p : periods) {
            List<Expr> terms = new ArrayList<>();
            for (Rubriek r : supplies) {
                Expr amount = ref(KorKeys.input(p, r, false));
                if (r == Rubriek.R3B && in.diensten3b().isPresent()) {
                    String d = period(p, PerPeriode.DIENSTEN_3B);
                    steps.add(Step.amount(
                                    d,
                                    "3b waarvan diensten in een ander EU-land " + p.label(),
                                    num(in.diensten3b()
                                            .get()
                                            .getOrDefault(p, nl.rekenblad.core.Money.zero())
                                            .amount()))
                            .rule(
                                    "Uit de bron (kolom soort van het journaal, of btw-codes 3b-diensten van de auditfile):"
                                            + " diensten aan ondernemers in een ander EU-land, daar belast, tellen niet mee voor de"
                                            + " omzetgrens; leveringen van goederen wel.",
                                    "belastingdienst.nl 'Wat telt mee voor de"
                                            + " omzetgrens'; Wet OB 1968 art. 25 lid 2"));
                    amount = minus(amount, ref(d));
                }
                terms.add(ifThen(equal(ref("KOR_Telt_" + r.code()), text("ja")), amount, num("0")));
            }
            Expr counted = terms.get(0);
            for (Expr t : terms.subList(1, terms.size())) {
                counted = plus(counted, t);
            }
            String k = period(p, PerPeriode.OMZET_KOR);
            steps.add(Step.amount(k, "Omzet voor de omzetgrens " + p.label(), round(counted, 2))
                    .unexplained());
            String c = period(p, PerPeriode.CUMULATIEF);
            // On cents, so that the comparison with the grens has no binary noise in a spreadsheet.
            steps.add(Step.amount(
                            c,
                            "Cumulatieve omzet t/m " + p.label(),
                            previous == null ? ref(k) : round(plus(ref(previous.key()), ref(k)), 2))
                    .unexplained());
            previous = steps.get(steps.size() - 1);
            steps.add(Step.amount(
                            period(p, PerPeriode.OVERSCHREDEN),
                            "Omzetgrens overschreden t/m " + p.label(),
                            greater(ref(c), ref(grens.name())))
                    .format(Format.JANEE)
                    .unexplained());
        }
        steps.add(Step.amount(
                        OMZET,
                        "Omzet voor de omzetgrens over het jaar",
                        round(sumOf(periodKeys(periods, PerPeriode.OMZET_KOR)), 2))
                .rule(
                        "De omzet van de rubrieken die op het blad Parameters op 'ja' staan (standaard "
                                + telt(supplies, year, true)
                                + "; niet " + telt(supplies, year, false)
                                + "), op centen. Diensten in 3b die in een ander EU-land belast zijn, telt u"
                                + " niet mee: "
                                + (in.diensten3b().isPresent()
                                        ? "de bron scheidt ze van de goederen en ze gaan" + " er per periode af."
                                        : "een aangifte heeft maar één bedrag in 3b; zet 3b op het blad Parameters op"
                                                + " 'nee' of corrigeer de omzet als het om zulke diensten gaat."),
                        grens.source())
                .named("KOR_Omzet"));
        steps.add(Step.amount(OMZETGRENS, "Omzetgrens", ref(grens.name()))
                .rule("De omzet mag in het kalenderjaar niet meer zijn dan " + g + ".", grens.source())
                .named("KOR_Omzetgrens"));
        steps.add(Step.amount(BINNEN_GRENS, "Omzet binnen de grens?", lessOrEqual(ref(OMZET), ref(OMZETGRENS)))
                .format(Format.JANEE)
                .rule(
                        "WAAR als de omzet van dit jaar niet meer is dan de omzetgrens. Dat is vanaf "
                                + previousYearCounts()
                                + " ook een"
                                + " voorwaarde om de KOR in het volgende jaar te mogen toepassen.",
                        vorigTelt.source()));
        Expr prev = ref(IN_OMZET_VORIG_JAAR);
        steps.add(Step.amount(
                        VORIG_JAAR,
                        "Omzet vorig jaar binnen de grens?",
                        ifThen(
                                isBlank(IN_OMZET_VORIG_JAAR),
                                text("onbekend"),
                                ifThen(lessOrEqual(prev, ref(OMZETGRENS)), text("ja"), text("nee"))))
                .format(Format.TEKST)
                .rule(
                        "Vanaf " + previousYearCounts()
                                + " telt ook de omzet van het vorige kalenderjaar: die mag evenmin boven de grens"
                                + " liggen. Vul hem in op het invoerblad als u hem kent.",
                        vorigTelt.source()));
        steps.add(Step.amount(
                        MOGELIJK,
                        "Vrijstelling mogelijk over dit jaar (voor zover bekend)?",
                        and(
                                ref(BINNEN_GRENS),
                                or(
                                        equal(ref(vorigTelt.name()), text("nee")),
                                        isBlank(IN_OMZET_VORIG_JAAR),
                                        lessOrEqual(prev, ref(OMZETGRENS)))))
                .format(Format.JANEE)
                .rule(
                        "WAAR als de omzet van dit jaar binnen de grens blijft en, waar het vorige jaar meetelt en"
                                + " bekend is, ook die van het vorige jaar. Let op: de levering waarmee de grens wordt"
                                + " overschreden is zelf al belast.",
                        vorigTelt.source()));
        Expr crossing = text("niet overschreden");
        for (int i = periods.size() - 1; i >= 0; i--) {
            Period p = periods.get(i);
            crossing = ifThen(ref(period(p, PerPeriode.OVERSCHREDEN)), text(p.label()), crossing);
        }
        steps.add(Step.amount(OVERSCHREDEN_IN, "Omzetgrens voor het eerst overschreden in", crossing)
                .format(Format.TEKST)
                .rule(
                        "De eerste periode waarin de cumulatieve omzet boven de grens komt. Vanaf de levering die de"
                                + " grens overschrijdt, vervalt de vrijstelling en is die levering zelf belast.",
                        grens.source()));
        steps.add(Step.amount(AFWEGING_BTW, "Btw die u met de KOR niet zou afdragen (5a)", ref(JAAR_5A))
                .rule("Met de vrijstelling berekent u geen btw: de btw van 5a draagt u niet af.", grens.source()));
        steps.add(Step.amount(
                        AFWEGING_VOORBELASTING, "Voorbelasting die u met de KOR niet zou aftrekken (5b)", ref(JAAR_5B))
                .rule(
                        "Met de vrijstelling vervalt het recht op aftrek van voorbelasting. Bij in- of uittreden kan"
                                + " herziening van eerder afgetrokken btw op investeringsgoederen volgen.",
                        grens.source()));
        steps.add(Step.amount(
                        AFWEGING,
                        "Voordeel van de KOR (5a − 5b; negatief: nadeel)",
                        minus(ref(AFWEGING_BTW), ref(AFWEGING_VOORBELASTING)))
                .rule(
                        "Positief: de vrijstelling levert per saldo op (vóór administratieve lasten en het effect op"
                                + " uw prijzen voor afnemers die btw aftrekken). Negatief: de vrijstelling kost geld.",
                        ""));

        if (in.diensten3b().isPresent()) {
            List<String> diensten = new ArrayList<>(periodKeys(periods, PerPeriode.DIENSTEN_3B));
            diensten.add(null);
            layout.row("3b waarvan diensten in een ander EU-land (telt niet)", diensten);
        }
        List<String> counted = periodKeys(periods, PerPeriode.OMZET_KOR);
        layout.row("Omzet voor de omzetgrens", withYear(counted, OMZET));
        List<String> cumulative = new ArrayList<>(periodKeys(periods, PerPeriode.CUMULATIEF));
        cumulative.add(null);
        layout.row("Cumulatieve omzet", cumulative);
        List<String> crossed = new ArrayList<>(periodKeys(periods, PerPeriode.OVERSCHREDEN));
        crossed.add(null);
        layout.row("Omzetgrens overschreden", crossed);

        layout.section("Kleineondernemersregeling (vrijstelling, vanaf 2020)", padded(List.of("Bedrag"), width));
        for (String k : List.of(
                OMZET,
                OMZETGRENS,
                BINNEN_GRENS,
                VORIG_JAAR,
                MOGELIJK,
                OVERSCHREDEN_IN,
                AFWEGING_BTW,
                AFWEGING_VOORBELASTING)) {
            layout.row(label(steps, k), padded(k, width));
        }
        layout.total(label(steps, AFWEGING), padded(AFWEGING, width));
    }

    /** Rubriek codes in words: "1a, 1b, 1c, 1d, 2a, 4a en 4b". */
    private static String codes(List<Rubriek> rubrieken) {
        List<String> c = rubrieken.stream().map(Rubriek::code).toList();
        return c.size() <= 1
                ? String.join("", c)
                : String.join(", ", c.subList(0, c.size() - 1)) + " en " + c.get(c.size() - 1);
    }

    /** The supply rubrieken that count for the omzetgrens in {@code year} (or, with {@code counted} false, that do not). */
    private String telt(List<Rubriek> supplies, int year, boolean counted) {
        return codes(supplies.stream()
                .filter(r -> "ja"
                                .equals(rules.get("KOR_Telt_" + r.code(), year, "keuze voor rubriek " + r.code())
                                        .value())
                        == counted)
                .toList());
    }

    /** The first year in which the previous year's turnover counts for the omzetgrens, from the rules data. */
    private String previousYearCounts() {
        return rules.firstYearWith("KOR_Vrij_VorigJaarTelt", "ja")
                .map(String::valueOf)
                .orElse("(nog niet)");
    }

    /**
     * The Belastingdienst's worked example of the sliding scale, computed from this year's parameters: S = € 1.500
     * gives factor × (grens − 1.500), rounded up. Empty when 1.500 is not between drempel and grens.
     */
    private static String example(Parameter drempel, Parameter grens, Parameter factor) {
        java.math.BigDecimal s = EXAMPLE_S;
        if (s.compareTo(drempel.number()) <= 0 || s.compareTo(grens.number()) >= 0) {
            return "";
        }
        java.math.BigDecimal exact = factor.number().multiply(grens.number().subtract(s));
        return " (voorbeeld Belastingdienst: S = " + DutchText.euro(s) + " geeft " + DutchText.euro(exact.setScale(2))
                + ", afgerond " + DutchText.euro(exact.setScale(0, java.math.RoundingMode.CEILING)) + ")";
    }

    private Parameter use(List<UsedParameter> params, String name, int year, String description) {
        Parameter p = rules.get(name, year, description);
        params.add(new UsedParameter(name, year, p));
        return p;
    }

    private static List<String> inputs(List<Period> periods, Rubriek r, boolean btw) {
        return periods.stream().map(p -> KorKeys.input(p, r, btw)).toList();
    }

    private static List<String> periodKeys(List<Period> periods, PerPeriode what) {
        return periods.stream().map(p -> period(p, what)).toList();
    }

    private static List<String> withYear(List<String> keys, String year) {
        List<String> all = new ArrayList<>(keys);
        all.add(year);
        return all;
    }

    /** A single value in the last column, under "Jaar". */
    private static List<String> padded(String key, int width) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < width - 1; i++) {
            keys.add(null);
        }
        keys.add(key);
        return keys;
    }

    private static List<String> padded(List<String> headers, int width) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < width - headers.size(); i++) {
            all.add("");
        }
        all.addAll(headers);
        return all;
    }

    private static String label(List<Step> steps, String key) {
        return steps.stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow()
                .label();
    }
}
