package nl.rekenblad.winst;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.rules.Parameter;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.rules.UsedParameter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.rekenblad.core.Expr.and;
import static nl.rekenblad.core.Expr.divide;
import static nl.rekenblad.core.Expr.equal;
import static nl.rekenblad.core.Expr.greaterOrEqual;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.less;
import static nl.rekenblad.core.Expr.lessOrEqual;
import static nl.rekenblad.core.Expr.lower;
import static nl.rekenblad.core.Expr.max;
import static nl.rekenblad.core.Expr.min;
import static nl.rekenblad.core.Expr.minus;
import static nl.rekenblad.core.Expr.not;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.or;
import static nl.rekenblad.core.Expr.plus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.round;
import static nl.rekenblad.core.Expr.text;
import static nl.rekenblad.core.Expr.times;

/**
 * From commercial profit to belastbare winst uit onderneming, in the order the law takes it:
 * KOR benefit, investment deductions and bijtelling, gemengde kosten → fiscal profit;
 * ondernemersaftrek → profit after it; MKB-winstvrijstelling → taxable profit. Pure.
 */
public final class Winstberekening {
    public static final String SHEET = "Winstberekening";
    private static final String SRC_KIA =
            "Wet IB 2001 art. 3.40–3.47 (investeringsaftrek en desinvesteringsbijtelling)";

    private final RuleBook rules;

    public Winstberekening(RuleBook rules) {
        this.rules = rules;
    }

    public static Winstberekening withBundledRules() {
        return new Winstberekening(RuleBook.load("winst"));
    }

    /** The input cell of a field: {@code in.winst}. */
    public static String input(String field) {
        return "in." + field;
    }

    public WinstResult calculate(WinstInput in) throws InvalidInputException {
        int y = in.jaar();
        Map<String, UsedParameter> params = new LinkedHashMap<>();
        for (String n : List.of(
                "MKB_Pct",
                "ZA_Bedrag",
                "ZA_AowFactor",
                "SA_Bedrag",
                "SA_AowBedrag",
                "Urencriterium",
                "MWA_Uren1",
                "MWA_Pct1",
                "MWA_Uren2",
                "MWA_Pct2",
                "MWA_Uren3",
                "MWA_Pct3",
                "MWA_Uren4",
                "MWA_Pct4",
                "STA_Max",
                "GK_Pct")) {
            Parameter p = rules.get(n, y, "waarde voor de winstberekening (" + n + ")");
            params.put(n, new UsedParameter(n, y, p));
        }
        String keuze = String.valueOf(Optional.ofNullable(in.waarden().get("gemengdeKostenKeuze"))
                        .orElse(""))
                .trim();
        boolean drempelMogelijk = rules.covers("GK_Drempel", y);
        if (drempelMogelijk) {
            params.put(
                    "GK_Drempel",
                    new UsedParameter("GK_Drempel", y, rules.get("GK_Drempel", y, "drempel gemengde kosten")));
        } else if (keuze.equalsIgnoreCase("drempel")) {
            throw InvalidInputException.of(
                    in.bron(),
                    "geen drempel voor gemengde kosten voor " + y + " in de regels van" + " rekenblad (bekend: "
                            + rules.knownYears("GK_Drempel") + "); kies 80% of vul de kosten gecorrigeerd in");
        }
        List<Step> steps = new ArrayList<>();
        Layout.Builder layout = Layout.builder();

        WinstInput.Overgenomen uitAuditfile = in.overgenomen().get(WinstKeys.WINST);
        if (uitAuditfile == null) {
            steps.add(Step.amount(WinstKeys.WINST, "Winst volgens de jaarrekening", ref(input("winst")))
                    .rule("De commerciële winst vóór de posten hieronder, zoals ingevoerd.", ""));
        } else {
            steps.add(Step.amount(
                            WinstKeys.WINST,
                            "Winst volgens de boekhouding (uit " + uitAuditfile.herkomst() + ")",
                            num(uitAuditfile.bedrag()))
                    .rule(
                            "De commerciële winst vóór de posten hieronder: het saldo van de"
                                    + " winst-en-verliesrekeningen (accTp P) in de auditfile, credit min debet over alle transactieregels."
                                    + " Overgenomen uit " + uitAuditfile.herkomst() + ".",
                            "XML Auditfile Financieel 3.2"));
        }
        amount(
                in,
                steps,
                WinstKeys.KOR,
                "Bij: voordeel kleineondernemersregeling (KOR)",
                "De vermindering volgens de oude KOR is winst (KOR_Winstcorrectie). Vanaf 2020 is de KOR een vrijstelling"
                        + " en is er geen correctie.",
                "Wet IB 2001 art. 3.8; art. 25 Wet OB 1968 (tekst tot 2020)");
        amount(
                in,
                steps,
                WinstKeys.KIA,
                "Af: kleinschaligheidsinvesteringsaftrek",
                "De KIA van dit jaar uit het investeringsregister.",
                SRC_KIA);
        amount(in, steps, WinstKeys.EIA, "Af: energie-investeringsaftrek", "De EIA van dit jaar.", SRC_KIA);
        amount(in, steps, WinstKeys.MIA, "Af: milieu-investeringsaftrek", "De MIA van dit jaar.", SRC_KIA);
        amount(
                in,
                steps,
                WinstKeys.BIJTELLING,
                "Bij: desinvesteringsbijtelling",
                "De bijtelling bij verkoop binnen 5 jaar.",
                SRC_KIA);
        Expr kosten = ref(input("gemengdeKosten"));
        Expr tachtig = times(kosten, minus(num("1"), ref("GK_Pct")));
        Expr gk = drempelMogelijk
                ? ifThen(
                        equal(lower(ref(input("gemengdeKostenKeuze"))), text("drempel")),
                        min(max(num("0"), kosten), ref("GK_Drempel")),
                        tachtig)
                : tachtig;
        steps.add(Step.amount(WinstKeys.GEMENGDE_KOSTEN, "Bij: niet-aftrekbaar deel gemengde kosten", gk)
                .rule(
                        "Kosten van voedsel, drank, representatie en congressen: bij de keuze 'drempel' is het deel tot "
                                + (drempelMogelijk
                                        ? DutchText.euro(params.get("GK_Drempel")
                                                .parameter()
                                                .number())
                                        : "de drempel")
                                + " niet aftrekbaar; bij de keuze '80%' is "
                                + DutchText.percent(BigDecimal.ONE.subtract(
                                        params.get("GK_Pct").parameter().number()))
                                + " niet aftrekbaar. Het niet-aftrekbare deel komt"
                                + " bij de winst.",
                        "Wet IB 2001 art. 3.15"));
        List<String> autoRows = auto(in, steps, params);
        steps.add(Step.amount(
                        WinstKeys.FISCAAL,
                        "Fiscale winst uit onderneming",
                        plus(
                                plus(
                                        minus(
                                                minus(
                                                        minus(
                                                                plus(ref(WinstKeys.WINST), ref(WinstKeys.KOR)),
                                                                ref(WinstKeys.KIA)),
                                                        ref(WinstKeys.EIA)),
                                                ref(WinstKeys.MIA)),
                                        plus(ref(WinstKeys.BIJTELLING), ref(WinstKeys.GEMENGDE_KOSTEN))),
                                ref(WinstKeys.PRIVEGEBRUIK_AUTO)))
                .rule(
                        "Winst + KOR − KIA − EIA − MIA + desinvesteringsbijtelling + niet-aftrekbare gemengde kosten"
                                + " + privégebruik auto.",
                        "Wet IB 2001 art. 3.8 en afdeling 3.2.2")
                .named("WINST_Fiscaal"));
        ondernemersaftrek(in, steps, params);
        Parameter mkb = params.get("MKB_Pct").parameter();
        steps.add(Step.amount(
                        WinstKeys.MKB_VRIJSTELLING,
                        "MKB-winstvrijstelling",
                        ifThen(
                                ref(WinstKeys.MEDEGERECHTIGDE),
                                num("0"),
                                round(times(ref(WinstKeys.NA_ONDERNEMERSAFTREK), ref("MKB_Pct")), 2)))
                .rule(
                        DutchText.percent(mkb.number()) + " van de winst na ondernemersaftrek in " + y
                                + ", afgerond op centen (zo is de belastbare winst precies het getoonde verschil); bij een"
                                + " verlies verkleint zij het verlies. Niet voor winst als medegerechtigde: die is geen"
                                + " ondernemer.",
                        mkb.source() + "; art. 3.79a lid 1 (ondernemer)")
                .named("WINST_MKBVrijstelling"));
        steps.add(Step.amount(
                        WinstKeys.BELASTBAAR,
                        "Belastbare winst uit onderneming",
                        minus(ref(WinstKeys.NA_ONDERNEMERSAFTREK), ref(WinstKeys.MKB_VRIJSTELLING)))
                .rule("Winst na ondernemersaftrek min MKB-winstvrijstelling.", mkb.source())
                .named("WINST_Belastbaar"));

        if (!autoRows.isEmpty()) {
            layout.section("Privégebruik auto " + y, List.of("Bedrag"));
            for (String k : autoRows) {
                layout.row(label(steps, k), k);
            }
            layout.total(label(steps, WinstKeys.PRIVEGEBRUIK_AUTO), List.of(WinstKeys.PRIVEGEBRUIK_AUTO));
        }
        layout.section("Van winst naar fiscale winst " + y, List.of("Bedrag"));
        for (String k : List.of(
                WinstKeys.WINST,
                WinstKeys.KOR,
                WinstKeys.KIA,
                WinstKeys.EIA,
                WinstKeys.MIA,
                WinstKeys.BIJTELLING,
                WinstKeys.GEMENGDE_KOSTEN)) {
            layout.row(label(steps, k), k);
        }
        if (autoRows.isEmpty()) {
            layout.row(label(steps, WinstKeys.PRIVEGEBRUIK_AUTO), WinstKeys.PRIVEGEBRUIK_AUTO);
        } else {
            layout.row("Bij: privégebruik auto (hierboven)", WinstKeys.PRIVEGEBRUIK_AUTO + ".ref");
        }
        layout.total(label(steps, WinstKeys.FISCAAL), List.of(WinstKeys.FISCAAL));
        layout.section("Ondernemersaftrek", List.of("Bedrag"));
        for (String k : List.of(
                WinstKeys.URENCRITERIUM,
                WinstKeys.MEDEGERECHTIGDE,
                WinstKeys.STARTER,
                WinstKeys.AOW,
                WinstKeys.STARTERSRECHT,
                WinstKeys.STARTERS_REDEN,
                WinstKeys.ZELFSTANDIGENAFTREK_BASIS,
                WinstKeys.ZELFSTANDIGENAFTREK,
                WinstKeys.ZA_VERREKEND,
                WinstKeys.STARTERSAFTREK,
                WinstKeys.SO_AFTREK,
                WinstKeys.SAO_RECHT,
                WinstKeys.SAO,
                WinstKeys.MEEWERKAFTREK,
                WinstKeys.STAKINGSAFTREK)) {
            layout.row(label(steps, k), k);
        }
        layout.total(label(steps, WinstKeys.ONDERNEMERSAFTREK), List.of(WinstKeys.ONDERNEMERSAFTREK));
        layout.total(label(steps, WinstKeys.NA_ONDERNEMERSAFTREK), List.of(WinstKeys.NA_ONDERNEMERSAFTREK));
        layout.row(label(steps, WinstKeys.ZA_NOG), WinstKeys.ZA_NOG);
        layout.section("MKB-winstvrijstelling", List.of("Bedrag"));
        layout.row(label(steps, WinstKeys.MKB_VRIJSTELLING), WinstKeys.MKB_VRIJSTELLING);
        layout.total(label(steps, WinstKeys.BELASTBAAR), List.of(WinstKeys.BELASTBAAR));

        Map<String, Object> known = new HashMap<>();
        for (String f : WinstInput.VELDEN) {
            known.put(input(f), in.waarden().get(f));
        }
        params.values().forEach(u -> known.put(u.key(), u.value()));
        Calculation calc = Calculation.evaluate(steps, known);
        return new WinstResult(in, calc, layout.build(), List.copyOf(params.values()));
    }

    private static final String SRC_AUTO = "Wet IB 2001 art. 3.20; Belastingdienst, toelichting bij de aangifte F"
            + " inkomstenbelasting 2025 (Berekend"
            + " privégebruik auto('s) van de onderneming)";

    /**
     * The private use of the car (art. 3.20): per run of months under one rule its share of the year × the percentage
     * of that rule; nil at 500 private km or less; never more than the car's costs. Returns the keys of the rows for
     * the car's section, empty when there is no car.
     */
    private List<String> auto(WinstInput in, List<Step> steps, Map<String, UsedParameter> params)
            throws InvalidInputException {
        int y = in.jaar();
        Object cw = in.waarden().get("autoCataloguswaarde");
        if (!(cw instanceof BigDecimal c) || c.signum() <= 0) {
            steps.add(Step.amount(WinstKeys.PRIVEGEBRUIK_AUTO, "Bij: privégebruik auto", num("0"))
                    .rule("Geen auto van de zaak ingevoerd (autoCataloguswaarde leeg).", SRC_AUTO));
            return List.of();
        }
        for (String n : List.of(
                "AUTO_Pct", "AUTO_YoungtimerPct", "AUTO_YoungtimerJaren", "AUTO_MaxKm", "AUTO_PeriodeMaanden")) {
            params.put(
                    n,
                    new UsedParameter(n, y, rules.get(n, y, "waarde voor het privégebruik van de auto (" + n + ")")));
        }
        java.time.LocalDate toelating =
                java.time.LocalDate.parse(String.valueOf(in.waarden().get("autoToelating")));
        java.time.LocalDate van = in.waarden().get("autoVan") == null
                ? java.time.LocalDate.of(y, 1, 1)
                : java.time.LocalDate.parse(String.valueOf(in.waarden().get("autoVan")));
        java.time.LocalDate tot = in.waarden().get("autoTot") == null
                ? java.time.LocalDate.of(y, 12, 31)
                : java.time.LocalDate.parse(String.valueOf(in.waarden().get("autoTot")));
        PrivegebruikAuto.Soort soort = PrivegebruikAuto.Soort.of(
                        (String) in.waarden().get("autoEmissievrij"))
                .orElseThrow();
        boolean overgang = "ja".equals(in.waarden().get("autoYoungtimerOvergang"));
        List<PrivegebruikAuto.Segment> segs =
                PrivegebruikAuto.segmenten(rules, y, toelating, van, tot, soort, overgang, in.bron());
        Expr catw = ref(input("autoCataloguswaarde"));
        List<String> rows = new ArrayList<>();
        List<Expr> parts = new ArrayList<>();
        int i = 0;
        for (PrivegebruikAuto.Segment sg : segs) {
            String key = "auto.deel." + i++;
            Expr share = divide(num(Integer.toString(sg.maanden())), num("12"));
            String months = maand(sg.eersteMaand()) + (sg.maanden() > 1 ? " t/m " + maand(sg.laatsteMaand()) : "") + " "
                    + y + " (" + sg.maanden() + "/12)";
            String pct22 = DutchText.percent(params.get("AUTO_Pct").parameter().number());
            Step st;
            switch (sg.regel()) {
                case YOUNGTIMER -> {
                    int jaren = java.time.Period.between(toelating, java.time.LocalDate.of(y, sg.eersteMaand(), 1))
                            .getYears();
                    if (!(in.waarden().get("autoWaardeEconomischVerkeer") instanceof BigDecimal)) {
                        throw InvalidInputException.of(
                                in.bron(),
                                "de auto is in " + maand(sg.eersteMaand()) + " " + y + " "
                                        + jaren + " jaar of ouder: vul autoWaardeEconomischVerkeer in"
                                        + " (de bijtelling is dan "
                                        + DutchText.percent(params.get("AUTO_YoungtimerPct")
                                                .parameter()
                                                .number())
                                        + " van die waarde)");
                    }
                    boolean viaOvergang = overgang
                            && jaren
                                    < params.get("AUTO_YoungtimerJaren")
                                            .parameter()
                                            .number()
                                            .intValue();
                    st = Step.amount(
                                    key,
                                    months + ": auto van " + jaren + " jaar of ouder",
                                    times(
                                            share,
                                            times(
                                                    ref("AUTO_YoungtimerPct"),
                                                    ref(input("autoWaardeEconomischVerkeer")))))
                            .rule(
                                    "Vanaf de eerste maand die begint op of na de dag dat de auto "
                                            + (viaOvergang
                                                    ? jaren
                                                            + " jaar (overgangsregeling 2026, gekozen met autoYoungtimerOvergang)"
                                                    : number("AUTO_YoungtimerJaren", params) + " jaar")
                                            + " geleden voor het eerst is toegelaten: "
                                            + DutchText.percent(params.get("AUTO_YoungtimerPct")
                                                    .parameter()
                                                    .number())
                                            + " van de waarde in het economisch verkeer, naar rato van de maanden."
                                            + (y == 2026
                                                    ? " In 2026 is die leeftijd 16 jaar (Belastingplan 2026; de wettekst is hier"
                                                            + " niet ingezien, de regel staat als open gemarkeerd); een auto die in 2025 15 werd mag de"
                                                            + " regeling van 15 jaar houden (beleidsbesluit 18-12-2025)."
                                                    : ""),
                                    params.get("AUTO_YoungtimerJaren")
                                            .parameter()
                                            .source());
                }
                case GEWOON ->
                    st = Step.amount(
                                    key,
                                    months + ": " + pct22 + " van de cataloguswaarde",
                                    times(share, times(ref("AUTO_Pct"), catw)))
                            .rule(
                                    "Eerste toelating vanaf 2017, periode van 60 maanden begonnen in " + sg.regimeJaar()
                                            + ": " + pct22 + " van de cataloguswaarde, naar rato van de maanden.",
                                    SRC_AUTO);
                case OUD -> {
                    if (!(in.waarden().get("autoPercentageOud") instanceof BigDecimal)) {
                        throw InvalidInputException.of(
                                in.bron(),
                                "de auto (eerste toelating " + toelating + ") valt in "
                                        + maand(sg.eersteMaand()) + " " + y
                                        + " nog onder de bijtellingsregels van vóór 2017 ("
                                        + (toelating.isBefore(PrivegebruikAuto.ONBEPERKT_VOOR)
                                                ? "toelating vóór 1 juli 2012: tot en met" + " 2018"
                                                : "zijn eerste periode van 60 maanden loopt tot en met "
                                                        + maandJaar(PrivegebruikAuto.eindeEerstePeriode(
                                                                toelating,
                                                                params.get("AUTO_PeriodeMaanden")
                                                                        .parameter()
                                                                        .number()
                                                                        .intValue())))
                                        + "): vul autoPercentageOud in, het percentage dat toen voor deze auto"
                                        + " gold (bijvoorbeeld 25, of 4, 7, 14, 15, 20 of 21 bij een zuinige auto)");
                    }
                    BigDecimal oud = (BigDecimal) in.waarden().get("autoPercentageOud");
                    st = Step.amount(
                                    key,
                                    months + ": " + DutchText.number(oud) + "% van de cataloguswaarde (regels van vóór"
                                            + " 2017)",
                                    times(share, times(divide(ref(input("autoPercentageOud")), num("100")), catw)))
                            .rule(
                                    "Eerste toelating " + toelating
                                            + ", vóór 2017: in zijn eerste periode van 60 maanden het"
                                            + " percentage van de wet zoals die op 31-12-2016 luidde (overgangsrecht Autobrief II),"
                                            + " opgegeven in autoPercentageOud, naar rato van de maanden.",
                                    SRC_AUTO);
                }
                case OVERGANG -> {
                    voor2017(y, params);
                    String p25 = DutchText.percent(
                            params.get("AUTO_PctVoor2017").parameter().number());
                    st = Step.amount(
                                    key,
                                    months + ": " + p25 + " van de cataloguswaarde (eerste toelating vóór 2017)",
                                    times(share, times(ref("AUTO_PctVoor2017"), catw)))
                            .rule(
                                    "Eerste toelating " + toelating
                                            + ", vóór 2017: na de eerste periode van 60 maanden "
                                            + p25 + " (overgangsrecht Autobrief II), niet " + pct22
                                            + ", tot de auto youngtimer is;"
                                            + " naar rato van de maanden.",
                                    params.get("AUTO_PctVoor2017").parameter().source());
                }
                default -> {
                    boolean voor2017 = sg.regel() == PrivegebruikAuto.Regel.OVERGANG_EMISSIEVRIJ;
                    int r = sg.regimeJaar();
                    String pk = "AUTO_EVPct_" + r;
                    String ck = "AUTO_EVCap_" + r;
                    params.put(
                            pk,
                            new UsedParameter(
                                    pk,
                                    r,
                                    rules.get(
                                            "AUTO_EVPct",
                                            r,
                                            "bijtellingspercentage voor een emissievrije auto met eerste toelating (of nieuwe periode) in "
                                                    + r)));
                    params.put(
                            ck,
                            new UsedParameter(
                                    ck,
                                    r,
                                    rules.get(
                                            "AUTO_EVCap",
                                            r,
                                            "plafond voor een emissievrije auto met eerste toelating (of nieuwe periode) in "
                                                    + r)));
                    BigDecimal cap = params.get(ck).parameter().number();
                    boolean plafond = soort == PrivegebruikAuto.Soort.EMISSIEVRIJ;
                    if (soort == PrivegebruikAuto.Soort.ZONNECEL && r >= 2019) {
                        String zk = "AUTO_ZonnecelPlafond_" + r;
                        params.put(
                                zk,
                                new UsedParameter(
                                        zk,
                                        r,
                                        rules.get(
                                                "AUTO_ZonnecelPlafond",
                                                r,
                                                "plafond voor een zonnecelauto in een periode van " + r)));
                        plafond = "ja".equals(params.get(zk).parameter().value());
                    }
                    boolean capped = cap.signum() > 0 && plafond;
                    // The reduced percentage: for a car of before 2017 the discount (22% − reduced) off its 25%.
                    Expr pctExpr;
                    Expr boven;
                    BigDecimal pctValue;
                    String basis;
                    if (voor2017) {
                        voor2017(y, params);
                        pctExpr = minus(ref("AUTO_PctVoor2017"), minus(ref("AUTO_Pct"), ref(pk)));
                        boven = ref("AUTO_PctVoor2017");
                        pctValue = params.get("AUTO_PctVoor2017")
                                .parameter()
                                .number()
                                .subtract(params.get("AUTO_Pct")
                                        .parameter()
                                        .number()
                                        .subtract(params.get(pk).parameter().number()));
                        basis = DutchText.percent(
                                params.get("AUTO_PctVoor2017").parameter().number());
                    } else {
                        pctExpr = ref(pk);
                        boven = ref("AUTO_Pct");
                        pctValue = params.get(pk).parameter().number();
                        basis = pct22;
                    }
                    String pct = DutchText.percent(pctValue);
                    Expr amount = capped
                            ? plus(
                                    times(pctExpr, min(catw, ref(ck))),
                                    times(boven, max(num("0"), minus(catw, ref(ck)))))
                            : times(pctExpr, catw);
                    String soortTekst = switch (soort) {
                        case WATERSTOF -> "waterstof";
                        case ZONNECEL -> "zonnecellen";
                        default -> "emissievrij";
                    };
                    st = Step.amount(
                                    key,
                                    months + ": " + soortTekst + ", periode begonnen in " + r + ", " + pct
                                            + (capped ? " tot " + DutchText.euro(cap) : ""),
                                    times(share, amount))
                            .rule(
                                    (voor2017
                                                    ? "Emissievrije auto met eerste toelating vóór 2017, periode van 60 maanden"
                                                            + " begonnen in " + r + ": " + basis
                                                            + " min de korting van " + r + " (" + pct22 + " − "
                                                            + DutchText.percent(params.get(pk)
                                                                    .parameter()
                                                                    .number()) + ") = " + pct
                                                    : "Emissievrije auto, periode van 60 maanden begonnen in " + r
                                                            + ": " + pct)
                                            + (capped
                                                    ? " van de cataloguswaarde tot " + DutchText.euro(cap)
                                                            + ", daarboven " + basis
                                                    : soort == PrivegebruikAuto.Soort.WATERSTOF
                                                            ? " van de hele cataloguswaarde (waterstof: geen"
                                                                    + " plafond)"
                                                            : soort == PrivegebruikAuto.Soort.ZONNECEL
                                                                            && cap.signum() > 0
                                                                    ? " van de hele"
                                                                            + " cataloguswaarde (zonnecellen, periode vanaf 2021: geen plafond)"
                                                                    : " van de hele cataloguswaarde (geen plafond in "
                                                                            + r + ")")
                                            + ", naar rato van de maanden.",
                                    params.get(pk).parameter().source());
                }
            }
            steps.add(st);
            rows.add(key);
            parts.add(ref(key));
        }
        steps.add(Step.amount(
                        WinstKeys.AUTO_BRUTO,
                        "Privégebruik vóór de grenzen",
                        parts.isEmpty() ? num("0") : Expr.sum(parts))
                .rule("De delen van het jaar opgeteld.", SRC_AUTO));
        rows.add(WinstKeys.AUTO_BRUTO);
        steps.add(Step.amount(
                        WinstKeys.PRIVEGEBRUIK_AUTO,
                        "Bij: privégebruik auto",
                        ifThen(
                                lessOrEqual(ref(input("autoPriveKm")), ref("AUTO_MaxKm")),
                                num("0"),
                                min(ref(WinstKeys.AUTO_BRUTO), max(num("0"), ref(input("autoKosten"))))))
                .rule(
                        "Niet als u aantoonbaar niet meer dan " + number("AUTO_MaxKm", params)
                                + " km privé reed; nooit meer" + " dan de autokosten van het jaar (autoKosten).",
                        SRC_AUTO));
        steps.add(Step.amount(
                        WinstKeys.PRIVEGEBRUIK_AUTO + ".ref",
                        "Bij: privégebruik auto",
                        ref(WinstKeys.PRIVEGEBRUIK_AUTO))
                .unexplained());
        return rows;
    }

    /** Registers the 25% of a car first registered before 2017 as a used parameter of the year. */
    private void voor2017(int y, Map<String, UsedParameter> params) {
        params.computeIfAbsent(
                "AUTO_PctVoor2017",
                n -> new UsedParameter(
                        n, y, rules.get(n, y, "percentage voor een auto met eerste toelating vóór 2017")));
    }

    private static String maandJaar(java.time.YearMonth m) {
        return maand(m.getMonthValue()) + " " + m.getYear();
    }

    private static String number(String key, Map<String, UsedParameter> params) {
        return DutchText.number(params.get(key).parameter().number());
    }

    private static String maand(int m) {
        return java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.FULL, new java.util.Locale("nl"));
    }

    /** nee, no, false or n (any case) in a text cell: an empty cell is not no. */
    private static Expr no(String field) {
        Expr v = lower(ref(input(field)));
        return or(equal(v, text("nee")), equal(v, text("no")), equal(v, text("false")), equal(v, text("n")));
    }

    /** Zelfstandigenaftrek (with its carry-forward), startersaftrek, S&amp;O, startersaftrek bij arbeidsongeschiktheid,
     * meewerkaftrek and stakingsaftrek, each with its conditions; then the profit after them. */
    private void ondernemersaftrek(WinstInput in, List<Step> steps, Map<String, UsedParameter> params)
            throws InvalidInputException {
        int y = in.jaar();
        for (String n : List.of(
                "SA_MaxEerder", "Urencriterium_AO", "SAO_1", "SAO_2", "SAO_3", "SO_Uren", "MWA_MaxVergoeding")) {
            params.put(n, new UsedParameter(n, y, rules.get(n, y, "waarde voor de ondernemersaftrek (" + n + ")")));
        }
        Expr uren = ref(input("uren"));
        Expr fiscaal = max(num("0"), ref(WinstKeys.FISCAAL));
        String src376 = params.get("ZA_Bedrag").parameter().source();
        steps.add(Step.amount(
                        WinstKeys.STARTER,
                        "Starter (in een of meer van de 5 voorgaande jaren geen ondernemer)?",
                        yes("starter"))
                .format(Format.JANEE)
                .rule("Zoals ingevoerd (veld starter).", "Wet IB 2001 art. 3.6 en 3.76 lid 3"));
        steps.add(Step.amount(WinstKeys.MEDEGERECHTIGDE, "Winst als medegerechtigde?", yes("medegerechtigde"))
                .format(Format.JANEE)
                .rule(
                        "Een medegerechtigde (art. 3.3) is geen ondernemer: geen ondernemersaftrek (art. 3.74) en geen"
                                + " MKB-winstvrijstelling (art. 3.79a); investeringsaftrek blijft mogelijk.",
                        "Wet IB 2001 art. 3.3, 3.74 en 3.79a; Belastingdienst, toelichting bij de aangifte F"
                                + " inkomstenbelasting 2025"));
        steps.add(Step.amount(
                        WinstKeys.URENCRITERIUM,
                        "Urencriterium gehaald?",
                        and(
                                greaterOrEqual(uren, ref("Urencriterium")),
                                or(not(no("meerDanHelft")), ref(WinstKeys.STARTER))))
                .format(Format.JANEE)
                .rule(
                        "Ten minste " + number("Urencriterium", params)
                                + " uur aan de onderneming, en meer dan 50% van de"
                                + " arbeidstijd (meerDanHelft; leeg telt als ja); dat laatste geldt niet voor een starter.",
                        "Wet IB 2001 art. 3.6"));
        steps.add(Step.amount(WinstKeys.AOW, "AOW-leeftijd bereikt aan het begin van het jaar?", yes("aowLeeftijd"))
                .format(Format.JANEE)
                .rule("Zoals ingevoerd (ja/nee).", ""));
        Expr rechtZa = and(ref(WinstKeys.URENCRITERIUM), not(ref(WinstKeys.MEDEGERECHTIGDE)));
        steps.add(Step.amount(
                        WinstKeys.STARTERSRECHT,
                        "Recht op startersaftrek?",
                        and(
                                rechtZa,
                                ref(WinstKeys.STARTER),
                                lessOrEqual(ref(input("zelfstandigenaftrekEerder")), ref("SA_MaxEerder"))))
                .format(Format.JANEE)
                .rule(
                        "Urencriterium, starter, en in de 5 voorgaande jaren ten hoogste "
                                + number("SA_MaxEerder", params)
                                + " keer zelfstandigenaftrek (zelfstandigenaftrekEerder). Bij de AOW-leeftijd vervalt het recht niet;"
                                + " het lagere bedrag staat bij de startersaftrek.",
                        params.get("SA_MaxEerder").parameter().source()));
        steps.add(Step.amount(
                        WinstKeys.STARTERS_REDEN,
                        "Startersaftrek: waarom (niet)",
                        ifThen(
                                ref(WinstKeys.STARTERSRECHT),
                                text("recht"),
                                ifThen(
                                        ref(WinstKeys.MEDEGERECHTIGDE),
                                        text("geen recht: winst als medegerechtigde"),
                                        ifThen(
                                                not(ref(WinstKeys.URENCRITERIUM)),
                                                text("geen recht: urencriterium niet gehaald"),
                                                ifThen(
                                                        not(ref(WinstKeys.STARTER)),
                                                        text("geen recht: geen starter (in alle 5"
                                                                + " voorgaande jaren ondernemer)"),
                                                        text("geen recht: zelfstandigenaftrek al meer dan "
                                                                + number("SA_MaxEerder", params)
                                                                + " keer in de 5 voorgaande jaren"))))))
                .format(Format.TEKST)
                .rule(
                        "De voorwaarde die ontbreekt, of 'recht'.",
                        params.get("SA_MaxEerder").parameter().source()));
        steps.add(Step.amount(
                        WinstKeys.ZELFSTANDIGENAFTREK_BASIS,
                        "Zelfstandigenaftrek vóór beperking",
                        ifThen(
                                rechtZa,
                                ifThen(
                                        ref(WinstKeys.AOW),
                                        times(ref("ZA_Bedrag"), ref("ZA_AowFactor")),
                                        ref("ZA_Bedrag")),
                                num("0")))
                .rule(
                        "Alleen met het urencriterium, niet als medegerechtigde: "
                                + DutchText.euro(
                                        params.get("ZA_Bedrag").parameter().number()) + " in " + y + ", "
                                + part(params.get("ZA_AowFactor").parameter().number()) + " bij de AOW-leeftijd.",
                        src376));
        steps.add(Step.amount(
                        WinstKeys.ZELFSTANDIGENAFTREK,
                        "Zelfstandigenaftrek",
                        ifThen(
                                ref(WinstKeys.STARTERSRECHT),
                                ref(WinstKeys.ZELFSTANDIGENAFTREK_BASIS),
                                min(ref(WinstKeys.ZELFSTANDIGENAFTREK_BASIS), fiscaal)))
                .rule(
                        "Niet meer dan de winst vóór ondernemersaftrek, behalve wie recht heeft op de startersaftrek; het deel"
                                + " dat niet past, is in de volgende 9 jaar te verrekenen.",
                        src376 + "; art. 3.76 lid 7"));
        steps.add(Step.amount(
                        WinstKeys.ZA_VERREKEND,
                        "Verrekende zelfstandigenaftrek van eerdere jaren",
                        ifThen(
                                and(rechtZa, not(ref(WinstKeys.STARTERSRECHT))),
                                min(
                                        max(num("0"), ref(input("onbenutteZelfstandigenaftrek"))),
                                        max(
                                                num("0"),
                                                minus(
                                                        ref(WinstKeys.FISCAAL),
                                                        ref(WinstKeys.ZELFSTANDIGENAFTREK_BASIS)))),
                                num("0")))
                .rule(
                        "Niet eerder benutte zelfstandigenaftrek (onbenutteZelfstandigenaftrek) gaat af voor zover de winst vóór"
                                + " ondernemersaftrek de zelfstandigenaftrek van dit jaar te boven gaat; nooit samen met de startersaftrek.",
                        "Wet IB 2001 art. 3.76 lid 7; Belastingdienst, toelichting bij de aangifte F"
                                + " inkomstenbelasting 2025 vraag 11d"));
        steps.add(Step.amount(
                        WinstKeys.ZA_NOG,
                        "Nog te verrekenen zelfstandigenaftrek (naar volgende jaren)",
                        plus(
                                minus(
                                        max(num("0"), ref(input("onbenutteZelfstandigenaftrek"))),
                                        ref(WinstKeys.ZA_VERREKEND)),
                                minus(ref(WinstKeys.ZELFSTANDIGENAFTREK_BASIS), ref(WinstKeys.ZELFSTANDIGENAFTREK))))
                .rule(
                        "Wat van eerdere jaren over is, plus het deel van dit jaar dat niet paste (9 jaar te verrekenen; rekenblad"
                                + " houdt de jaren niet bij).",
                        "Wet IB 2001 art. 3.76 lid 7"));
        steps.add(Step.amount(
                        WinstKeys.STARTERSAFTREK,
                        "Startersaftrek",
                        ifThen(
                                ref(WinstKeys.STARTERSRECHT),
                                ifThen(ref(WinstKeys.AOW), ref("SA_AowBedrag"), ref("SA_Bedrag")),
                                num("0")))
                .rule(
                        "Verhoging van de zelfstandigenaftrek voor starters: "
                                + DutchText.euro(
                                        params.get("SA_Bedrag").parameter().number()) + ", of "
                                + DutchText.euro(
                                        params.get("SA_AowBedrag").parameter().number())
                                + " bij de AOW-leeftijd aan het begin van het jaar.",
                        params.get("SA_AowBedrag").parameter().source()));
        Expr soUren = ref(input("soUren"));
        boolean soKnown = rules.covers("SO_Bedrag", y) && rules.covers("SO_Starter", y);
        if (soKnown) {
            for (String n : List.of("SO_Bedrag", "SO_Starter")) {
                params.put(n, new UsedParameter(n, y, rules.get(n, y, "S&O-aftrek")));
            }
            steps.add(Step.amount(
                            WinstKeys.SO_AFTREK,
                            "Aftrek voor speur- en ontwikkelingswerk",
                            ifThen(
                                    and(rechtZa, greaterOrEqual(soUren, ref("SO_Uren"))),
                                    plus(ref("SO_Bedrag"), ifThen(yes("soStarter"), ref("SO_Starter"), num("0"))),
                                    num("0")))
                    .rule(
                            "Met het urencriterium en ten minste " + number("SO_Uren", params) + " S&O-uren (soUren): "
                                    + DutchText.euro(
                                            params.get("SO_Bedrag").parameter().number())
                                    + ", voor een starter (soStarter) "
                                    + DutchText.euro(
                                            params.get("SO_Starter").parameter().number()) + " meer.",
                            params.get("SO_Bedrag").parameter().source()));
        } else {
            Object u = in.waarden().get("soUren");
            if (u instanceof BigDecimal d
                    && d.compareTo(params.get("SO_Uren").parameter().number()) >= 0) {
                throw InvalidInputException.of(
                        in.bron(),
                        "geen bedrag voor de S&O-aftrek voor " + y + " in de regels van" + " rekenblad (bekend: "
                                + rules.knownYears("SO_Bedrag") + "); vul de aftrek zelf in of laat soUren leeg");
            }
            steps.add(Step.amount(WinstKeys.SO_AFTREK, "Aftrek voor speur- en ontwikkelingswerk", num("0"))
                    .rule(
                            "Minder dan " + number("SO_Uren", params) + " S&O-uren ingevuld (het bedrag voor " + y
                                    + " staat niet in de regels van rekenblad).",
                            "Wet IB 2001 art. 3.77"));
        }
        Expr eerder = ref(input("arbeidsongeschiktEerder"));
        steps.add(Step.amount(
                        WinstKeys.SAO_RECHT,
                        "Recht op startersaftrek bij arbeidsongeschiktheid?",
                        and(
                                yes("arbeidsongeschikt"),
                                not(ref(WinstKeys.URENCRITERIUM)),
                                greaterOrEqual(uren, ref("Urencriterium_AO")),
                                not(ref(WinstKeys.AOW)),
                                ref(WinstKeys.STARTER),
                                not(ref(WinstKeys.MEDEGERECHTIGDE))))
                .format(Format.JANEE)
                .rule(
                        "Recht op een arbeidsongeschiktheidsuitkering, niet het gewone urencriterium maar wel "
                                + number("Urencriterium_AO", params) + " uur, niet de AOW-leeftijd, starter.",
                        params.get("SAO_1").parameter().source()));
        steps.add(Step.amount(
                        WinstKeys.SAO,
                        "Startersaftrek bij arbeidsongeschiktheid",
                        ifThen(
                                ref(WinstKeys.SAO_RECHT),
                                min(
                                        fiscaal,
                                        ifThen(
                                                lessOrEqual(eerder, num("0")),
                                                ref("SAO_1"),
                                                ifThen(
                                                        lessOrEqual(eerder, num("1")),
                                                        ref("SAO_2"),
                                                        ifThen(
                                                                lessOrEqual(eerder, num("2")),
                                                                ref("SAO_3"),
                                                                num("0"))))),
                                num("0")))
                .rule(
                        DutchText.euro(params.get("SAO_1").parameter().number()) + ", "
                                + DutchText.euro(params.get("SAO_2").parameter().number()) + " of "
                                + DutchText.euro(params.get("SAO_3").parameter().number())
                                + " bij 0, 1 of 2 keer eerder in de 5"
                                + " voorgaande jaren (arbeidsongeschiktEerder), daarna niets; ten hoogste de winst.",
                        params.get("SAO_1").parameter().source()));
        Expr p = ref(input("partnerUren"));
        Expr pct = ifThen(
                greaterOrEqual(p, ref("MWA_Uren4")),
                ref("MWA_Pct4"),
                ifThen(
                        greaterOrEqual(p, ref("MWA_Uren3")),
                        ref("MWA_Pct3"),
                        ifThen(
                                greaterOrEqual(p, ref("MWA_Uren2")),
                                ref("MWA_Pct2"),
                                ifThen(greaterOrEqual(p, ref("MWA_Uren1")), ref("MWA_Pct1"), num("0")))));
        steps.add(Step.amount(
                        WinstKeys.MEEWERKAFTREK,
                        "Meewerkaftrek",
                        ifThen(
                                and(rechtZa, less(ref(input("partnerVergoeding")), ref("MWA_MaxVergoeding"))),
                                round(
                                        times(
                                                max(
                                                        num("0"),
                                                        minus(
                                                                ref(WinstKeys.FISCAAL),
                                                                max(num("0"), ref(input("stakingswinst"))))),
                                                pct),
                                        2),
                                num("0")))
                .rule(
                        "Voor een partner die meewerkt en minder dan "
                                + DutchText.euro(params.get("MWA_MaxVergoeding")
                                        .parameter()
                                        .number()) + " vergoeding kreeg: "
                                + bands(params, "MWA_Pct", DutchText::percent)
                                + " van de winst zonder stakingswinst, vanaf "
                                + bands(params, "MWA_Uren", DutchText::number)
                                + " uur (met het urencriterium); afgerond op centen, zodat de getoonde bedragen optellen.",
                        params.get("MWA_Pct1").parameter().source()));
        steps.add(Step.amount(
                        WinstKeys.STAKINGSAFTREK,
                        "Stakingsaftrek",
                        ifThen(
                                ref(WinstKeys.MEDEGERECHTIGDE),
                                num("0"),
                                min(
                                        max(num("0"), ref(input("stakingswinst"))),
                                        max(
                                                num("0"),
                                                minus(
                                                        ref("STA_Max"),
                                                        max(num("0"), ref(input("stakingsaftrekEerder"))))))))
                .rule(
                        "Bij staking: de stakingswinst, ten hoogste "
                                + DutchText.euro(
                                        params.get("STA_Max").parameter().number())
                                + " over het hele leven, minus de stakingsaftrek van eerdere jaren (stakingsaftrekEerder).",
                        params.get("STA_Max").parameter().source()));
        steps.add(Step.amount(
                        WinstKeys.ONDERNEMERSAFTREK,
                        "Ondernemersaftrek",
                        Expr.sum(List.of(
                                ref(WinstKeys.ZELFSTANDIGENAFTREK),
                                ref(WinstKeys.ZA_VERREKEND),
                                ref(WinstKeys.STARTERSAFTREK),
                                ref(WinstKeys.SO_AFTREK),
                                ref(WinstKeys.SAO),
                                ref(WinstKeys.MEEWERKAFTREK),
                                ref(WinstKeys.STAKINGSAFTREK))))
                .rule(
                        "Zelfstandigenaftrek (met de verrekende van eerdere jaren en de startersaftrek) + S&O-aftrek +"
                                + " startersaftrek bij arbeidsongeschiktheid + meewerkaftrek + stakingsaftrek.",
                        "Wet IB 2001 art. 3.74"));
        steps.add(Step.amount(
                        WinstKeys.NA_ONDERNEMERSAFTREK,
                        "Winst na ondernemersaftrek",
                        minus(ref(WinstKeys.FISCAAL), ref(WinstKeys.ONDERNEMERSAFTREK)))
                .rule("Fiscale winst min ondernemersaftrek.", "Wet IB 2001 art. 3.74")
                .named("WINST_NaOndernemersaftrek"));
    }

    /** An amount typed into the input, or taken over from another output (then a constant, with its origin). */
    private static void amount(
            WinstInput in, List<Step> steps, String field, String label, String rule, String source) {
        WinstInput.Overgenomen o = in.overgenomen().get(field);
        if (o == null) {
            steps.add(Step.amount(field, label, ref(input(field))).rule(rule, source));
        } else {
            steps.add(Step.amount(field, label + " (uit " + o.herkomst() + ")", num(o.bedrag()))
                    .rule(rule + " Overgenomen uit " + o.herkomst() + ".", source));
        }
    }

    /** ja, yes or true (any case) in a text cell. */
    private static Expr yes(String field) {
        Expr v = lower(ref(input(field)));
        return or(equal(v, text("ja")), equal(v, text("yes")), equal(v, text("true")), equal(v, text("j")));
    }

    private static String label(List<Step> steps, String key) {
        return steps.stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow()
                .label();
    }

    /** The four meewerkaftrek bands of one kind, "1,25% / 2% / 3% / 4%" or "525 / 875 / 1.225 / 1.750". */
    private static String bands(
            Map<String, UsedParameter> params, String prefix, java.util.function.Function<BigDecimal, String> format) {
        List<String> parts = new ArrayList<>();
        for (int band = 1; band <= 4; band++) {
            parts.add(format.apply(params.get(prefix + band).parameter().number()));
        }
        return String.join(" / ", parts);
    }

    /** A factor in words: "de helft" for 0,5, else "× 0,75". */
    private static String part(BigDecimal factor) {
        return factor.compareTo(new BigDecimal("0.5")) == 0 ? "de helft" : "× " + DutchText.number(factor);
    }
}
