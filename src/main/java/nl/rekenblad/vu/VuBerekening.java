package nl.rekenblad.vu;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.rules.Parameter;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.rules.UsedParameter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static nl.rekenblad.core.Expr.and;
import static nl.rekenblad.core.Expr.divide;
import static nl.rekenblad.core.Expr.equal;
import static nl.rekenblad.core.Expr.greater;
import static nl.rekenblad.core.Expr.greaterOrEqual;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.less;
import static nl.rekenblad.core.Expr.lower;
import static nl.rekenblad.core.Expr.max;
import static nl.rekenblad.core.Expr.min;
import static nl.rekenblad.core.Expr.minus;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.plus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.text;
import static nl.rekenblad.core.Expr.times;

/**
 * The verworpen uitgaven of one aanslagjaar: per cost line its non-deductible part by its kind, per car the
 * deductible percentage (gramformule and the regime of its purchase date and fuel) and the VU of codes 1205 and 1206,
 * then the total per code and the grand total. Each figure is a step whose formula reads the input tables. Pure.
 */
public final class VuBerekening {
    public static final String OPSTELLING = "VU-opstelling";
    public static final String WAGENS = "Wagens";
    /** The codes of the aangifte in their order, with their titles on the form. */
    static final Map<String, String> CODES = new TreeMap<>(Map.ofEntries(
            Map.entry("1201", "Niet-aftrekbare belastingen"),
            Map.entry("1202", "Gewestelijke belastingen, heffingen en retributies"),
            Map.entry("1203", "Geldboeten, verbeurdverklaringen en straffen van alle aard"),
            Map.entry("1205", "Niet-aftrekbare autokosten en minderwaarden op autovoertuigen"),
            Map.entry("1206", "Autokosten ten belope van een gedeelte van het voordeel van alle aard"),
            Map.entry("1207", "Niet-aftrekbare receptiekosten en kosten voor relatiegeschenken"),
            Map.entry("1208", "Niet-aftrekbare restaurantkosten"),
            Map.entry("1209", "Kosten voor niet-specifieke beroepskledij"),
            Map.entry("1210", "Overdreven interesten"),
            Map.entry("1212", "Abnormale of goedgunstige voordelen"),
            Map.entry("1214", "Sociale voordelen"),
            Map.entry("1215", "Voordelen uit maaltijd-, sport-, cultuur- of ecocheques"),
            Map.entry("1216", "Liberaliteiten"),
            Map.entry("1217", "Waardeverminderingen en minderwaarden op aandelen"),
            Map.entry("1233", "Werknemersparticipatie en winstpremies"),
            Map.entry("1246", "Taks op de inscheping van een luchtvaartuig")));

    static final String SRC_FORM =
            "FOD Financiën, aangifte in de vennootschapsbelasting (275.1) en toelichting, vak Verworpen" + " uitgaven";
    static final String SALDO_1201 = "code.1201.saldo";
    static final String RESERVES_1201 = "code.1201.reserves";
    static final String SRC_1201 =
            "WIB 92 art. 198 § 1, 1°; cursus Vennootschapsbelasting (Verworpen uitgaven) §1.1.1 en"
                    + " 2.1.1.1: een negatief saldo is geen negatieve verworpen uitgave maar een aanpassing van de belaste reserves";
    static final String SRC_AUTO = "WIB 92 art. 66 § 1 en 198bis; FOD Financiën, toelichting aangifte VenB (code 1205)";
    private static final LocalDate OUD_TOT = LocalDate.of(2023, 6, 30);
    private static final LocalDate NIEUW_TOT = LocalDate.of(2025, 12, 31);
    private static final LocalDate PLUGIN_VANAF = LocalDate.of(2023, 1, 1);
    private static final LocalDate VALS_VANAF = LocalDate.of(2018, 1, 1);

    private final RuleBook rules;

    public VuBerekening(RuleBook rules) {
        this.rules = rules;
    }

    public static VuBerekening withBundledRules() {
        return new VuBerekening(RuleBook.load("vu"));
    }

    /** The input cell of a cost line's field: {@code in.k.3.bedrag}. */
    public static String kost(int i, String veld) {
        return "in.k." + i + "." + veld;
    }

    /** The input cell of a car's field: {@code in.w.0.co2}. */
    public static String wagen(int j, String veld) {
        return "in.w." + j + "." + veld;
    }

    public static String code(String code) {
        return "code." + code;
    }

    public static final String TOTAAL = "totaal";

    public VuResult calculate(VuInput in) throws InvalidInputException {
        int aj = in.aanslagjaar();
        Map<String, UsedParameter> params = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>(in.warnings());
        Map<String, List<String>> perCode = new LinkedHashMap<>();
        CODES.keySet().forEach(c -> perCode.put(c, new ArrayList<>()));
        Layout.Builder opstelling = Layout.builder();
        Layout.Builder wagens = Layout.builder();

        List<String[]> kostRows = new ArrayList<>();
        for (int i = 0; i < in.kosten().size(); i++) {
            VuInput.Kost k = in.kosten().get(i);
            Soort s = k.soort();
            Expr bedrag = ref(kost(i, "bedrag"));
            Expr vu;
            String rule;
            String src = s.bron();
            switch (s.regel()) {
                case VOLLEDIG -> {
                    vu = bedrag;
                    rule = "Volledig verworpen: " + s.omschrijving() + ".";
                }
                case PERCENTAGE -> {
                    Parameter p = use(params, s.parameter(), aj, "percentage " + s.word());
                    vu = times(bedrag, ref(p.name()));
                    rule = DutchText.percent(p.number()) + " van de " + s.omschrijving() + " is niet aftrekbaar (tenzij"
                            + " uitdrukkelijk en afzonderlijk aan derden doorgerekend).";
                    src = p.source();
                }
                case MAALTIJDCHEQUE -> {
                    Parameter aftrek = use(params, "VU_MaaltijdchequeAftrek", aj, "aftrekbaar deel per maaltijdcheque");
                    Parameter werknemer = use(params, "VU_MaaltijdchequeWerknemer", aj, "bijdrage van de werknemer");
                    Expr aantal = ref(kost(i, "aantal"));
                    // From 2026 a cheque at the new maximum value (granted from 1-1-2026) has a higher deductible part;
                    // keyed on the cheque's value, not on the aanslagjaar (a boekjaar to 30-6-2026 holds both kinds).
                    Optional<Parameter> hoog = rules.find("VU_MaaltijdchequeAftrekMax", aj);
                    Expr perCheque = ref(aftrek.name());
                    String hoogTekst = "";
                    if (hoog.isPresent()) {
                        Parameter max =
                                use(params, "VU_MaaltijdchequeMaxWaarde", aj, "maximale waarde van een maaltijdcheque");
                        params.put(
                                hoog.get().name(), new UsedParameter(hoog.get().name(), aj, hoog.get()));
                        perCheque = ifThen(
                                greaterOrEqual(ref(kost(i, "waarde")), ref(max.name())),
                                ref(hoog.get().name()),
                                ref(aftrek.name()));
                        hoogTekst = " (" + DutchText.euroCents(hoog.get().number()) + " voor een cheque van "
                                + DutchText.euroCents(max.number())
                                + ", de maximumwaarde vanaf 1-1-2026; kolom waarde)";
                        src = hoog.get().source();
                        if (k.waarde() == null) {
                            warnings.add(Problem.warning(
                                    k.where(),
                                    "maaltijdcheques zonder waarde: vul de waarde van één cheque"
                                            + " in; een cheque van " + DutchText.euroCents(max.number())
                                            + " (toegekend vanaf 1-1-2026)"
                                            + " heeft "
                                            + DutchText.euroCents(hoog.get().number()) + " aftrekbaar, een lagere "
                                            + DutchText.euroCents(aftrek.number()) + "; tot dan gerekend met "
                                            + DutchText.euroCents(aftrek.number())));
                        }
                    } else {
                        src = aftrek.source();
                    }
                    vu = ifThen(
                            greater(aantal, num("0")),
                            max(num("0"), minus(bedrag, times(aantal, perCheque))),
                            num("0"));
                    rule =
                            "Per cheque de tussenkomst van de werkgever (waarde min de bijdrage van de werknemer, ten minste "
                                    + DutchText.euroCents(werknemer.number()) + ") min het aftrekbare deel van "
                                    + DutchText.euroCents(aftrek.number()) + hoogTekst + "; bedrag = de totale"
                                    + " werkgeverstussenkomst, aantal = het aantal cheques.";
                    if (k.aantal() == null || k.aantal().signum() <= 0) {
                        warnings.add(Problem.warning(
                                k.where(),
                                "maaltijdcheques zonder aantal: vul het aantal cheques in;"
                                        + " tot dan telt de regel als 0"));
                    }
                }
                case FBB -> {
                    Parameter teller = use(params, "VU_FBB_Teller", aj, "maximum FBB");
                    Parameter noemer = use(params, "VU_FBB_Noemer", aj, "maximum FBB");
                    Expr p = ref(kost(i, "percentage"));
                    vu = ifThen(
                            and(greater(p, num("0")), less(p, num("1"))),
                            min(
                                    divide(times(bedrag, p), minus(num("1"), p)),
                                    divide(times(bedrag, ref(teller.name())), ref(noemer.name()))),
                            num("0"));
                    rule =
                            "Het forfaitair gedeelte buitenlandse belasting: de buitenlandse belasting op het netto ontvangen"
                                    + " inkomen (bedrag × percentage ÷ (1 − percentage)), ten hoogste "
                                    + teller.number().toPlainString() + "/"
                                    + noemer.number().toPlainString() + " van het netto inkomen.";
                    src = teller.source();
                    if (k.percentage() == null) {
                        warnings.add(Problem.warning(
                                k.where(),
                                "fbb zonder percentage: vul het percentage van de buitenlandse"
                                        + " belasting in; tot dan telt de regel als 0"));
                    }
                }
                case INTREST -> {
                    Parameter markt = rules.find("VU_Marktrente", aj)
                            .orElseThrow(() -> InvalidInputException.of(
                                    k.where(),
                                    "geen marktrente voor aanslagjaar " + aj + " in de regels van rekenblad (bekend: "
                                            + rules.knownYears("VU_Marktrente")
                                            + "); overdreven interesten kunnen niet worden berekend"));
                    params.put(markt.name(), new UsedParameter(markt.name(), aj, markt));
                    Expr p = ref(kost(i, "percentage"));
                    vu = ifThen(
                            greater(p, ref(markt.name())),
                            divide(times(bedrag, minus(p, ref(markt.name()))), p),
                            num("0"));
                    rule = "Het deel van de interest boven de marktrente (" + DutchText.percent(markt.number())
                            + "): bedrag × (rentevoet − marktrente) ÷ rentevoet.";
                    src = markt.source();
                    if (k.percentage() == null) {
                        warnings.add(Problem.warning(
                                k.where(),
                                "intrest zonder rentevoet: vul het percentage in; tot dan telt" + " de regel als 0"));
                    }
                }
                default -> {
                    vu = num("0");
                    rule = "Aftrekbaar: geen verworpen uitgave (" + s.omschrijving() + ").";
                }
            }
            String key = "k." + i + ".vu";
            String label = (k.rekening().isEmpty() ? "" : k.rekening() + " ") + k.omschrijving() + " · " + s.word()
                    + (s.code().isEmpty() ? "" : " → " + s.code());
            steps.add(
                    Step.amount("k." + i + ".bedrag", "Bedrag " + label, bedrag).unexplained());
            steps.add(Step.amount(key, label, vu).rule(rule, src));
            steps.add(Step.amount("k." + i + ".code", "Code " + label, text(s.code()))
                    .format(Step.Format.TEKST)
                    .unexplained());
            kostRows.add(new String[] {label, "k." + i + ".bedrag", key, "k." + i + ".code"});
        }

        List<String[]> wagenRows = new ArrayList<>();
        for (int j = 0; j < in.wagens().size(); j++) {
            wagenRows.add(wagen(in, j, params, steps, perCode, warnings));
        }

        List<String> codeKeys = new ArrayList<>();
        boolean saldo1201 = false;
        // Per code: one SUMIFS over the cost lines' column by their code column (a fixed length however many lines:
        // a SUM of one argument per line would pass Excel's 255 arguments and 8.192 characters), plus the cars.
        List<String> vuKeys = new ArrayList<>();
        List<String> codeColumn = new ArrayList<>();
        for (int i = 0; i < in.kosten().size(); i++) {
            vuKeys.add("k." + i + ".vu");
            codeColumn.add("k." + i + ".code");
        }
        for (Map.Entry<String, List<String>> e : perCode.entrySet()) {
            String c = e.getKey();
            List<Expr> terms = new ArrayList<>();
            if (!vuKeys.isEmpty()
                    && in.kosten().stream().anyMatch(k -> k.soort().code().equals(c))) {
                terms.add(Expr.sumIfs(vuKeys, List.of(codeColumn), List.of(text(c))));
            }
            e.getValue().stream().map(Expr::ref).forEach(terms::add);
            Expr som = terms.isEmpty() ? num("0") : terms.size() == 1 ? terms.get(0) : Expr.sum(terms);
            if (c.equals("1201") && !terms.isEmpty()) {
                // A refund larger than the payments does not make 1201 negative: the code is at least 0 and the
                // negative
                // balance is an adjustment of the taxed reserves.
                saldo1201 = true;
                steps.add(Step.amount(
                                SALDO_1201,
                                "Saldo vennootschapsbelasting (betalingen min terugbetalingen, met FBB)",
                                som)
                        .rule("De som van de regels met code 1201.", SRC_FORM));
                steps.add(Step.amount(code(c), c + " " + CODES.get(c), max(num("0"), ref(SALDO_1201)))
                        .rule(
                                "De som van de regels met code 1201, maar niet negatief: een terugbetaling groter dan de"
                                        + " betalingen maakt code 1201 niet negatief (zie de regel over de belaste reserves).",
                                SRC_1201)
                        .named("VU_" + c));
                steps.add(Step.amount(
                                RESERVES_1201,
                                "Negatief saldo 1201: naar de belaste reserves (aanpassing van de" + " begintoestand)",
                                min(num("0"), ref(SALDO_1201)))
                        .rule(
                                "Is het saldo negatief, dan wordt het niet als negatieve verworpen uitgave aangegeven maar"
                                        + " verwerkt in de belaste reserves; een terugbetaling wordt eerst verrekend met andere"
                                        + " verworpen belastingen (dat doet rekenblad niet zelf).",
                                SRC_1201)
                        .named("VU_1201_Reserves"));
            } else {
                steps.add(Step.amount(code(c), c + " " + CODES.get(c), som)
                        .rule("De som van de regels met code " + c + ".", SRC_FORM)
                        .named("VU_" + c));
            }
            codeKeys.add(code(c));
        }
        steps.add(Step.amount(TOTAAL, "Totaal verworpen uitgaven", Expr.sumOf(codeKeys))
                .rule("De som van alle codes; dit bedrag gaat naar de uiteenzetting van de winst.", SRC_FORM)
                .named("VU_Totaal"));

        opstelling.section("Verworpen uitgaven per code, aanslagjaar " + aj, List.of("Bedrag"));
        for (String k : codeKeys) {
            opstelling.row(label(steps, k), k);
        }
        opstelling.total(label(steps, TOTAAL), List.of(TOTAAL));
        if (saldo1201) {
            opstelling.section("Vennootschapsbelasting (code 1201)", List.of("Bedrag"));
            opstelling.row(label(steps, SALDO_1201), SALDO_1201);
            opstelling.row(label(steps, RESERVES_1201), RESERVES_1201);
        }
        if (!kostRows.isEmpty()) {
            opstelling.section("Per kostenpost", List.of("Bedrag", "Verworpen", "Code"));
            for (String[] r : kostRows) {
                opstelling.row(r[0], r[1], r[2], r[3]);
            }
        }
        if (!wagenRows.isEmpty()) {
            wagens.section(
                    "Per wagen: het aftrekbare percentage stap voor stap",
                    List.of(
                            "Coëfficiënt",
                            "CO2 (g/km)",
                            "Gramformule",
                            "Ten minste",
                            "Ten hoogste",
                            "Aftrekbaar",
                            "Aftrekbaar brandstof",
                            "Kosten min VAA",
                            "VU 1205",
                            "VU 1206"));
            for (String[] r : wagenRows) {
                List<String> keys = new ArrayList<>(List.of(r).subList(1, r.length));
                wagens.row(r[0], keys);
            }
        }
        Map<String, Object> known = new HashMap<>();
        for (int i = 0; i < in.kosten().size(); i++) {
            VuInput.Kost k = in.kosten().get(i);
            known.put(kost(i, "bedrag"), k.bedrag());
            known.put(kost(i, "aantal"), k.aantal());
            known.put(kost(i, "waarde"), k.waarde());
            known.put(kost(i, "percentage"), k.percentage());
        }
        for (int j = 0; j < in.wagens().size(); j++) {
            VuInput.Wagen w = in.wagens().get(j);
            known.put(wagen(j, "co2"), w.co2());
            known.put(wagen(j, "brandstofkosten"), w.brandstofkosten());
            known.put(wagen(j, "anderekosten"), w.anderekosten());
            known.put(wagen(j, "minderwaarde"), w.minderwaarde());
            known.put(wagen(j, "vaa"), w.vaa());
            known.put(wagen(j, "tussenkomstBrandstof"), w.tussenkomstBrandstof() ? "ja" : "nee");
            known.put(wagen(j, "co2Overeenstemmend"), w.co2Overeenstemmend());
        }
        params.values().forEach(u -> known.put(u.key(), u.value()));
        Calculation calc = Calculation.evaluate(steps, known);
        return new VuResult(in, calc, opstelling.build(), wagens.build(), List.copyOf(params.values()), warnings);
    }

    /** The steps of one car: its regime, percentage and VU of codes 1205 and 1206. Returns its row of the Wagens sheet. */
    private String[] wagen(
            VuInput in,
            int j,
            Map<String, UsedParameter> params,
            List<Step> steps,
            Map<String, List<String>> perCode,
            List<Problem> warnings)
            throws InvalidInputException {
        int aj = in.aanslagjaar();
        VuInput.Wagen w = in.wagens().get(j);
        String p = "w." + j + ".";
        LocalDate d = w.aankoopdatum();
        VuInput.Brandstof b = w.brandstof();
        Expr co2 = ref(wagen(j, "co2"));
        Expr coefExpr;
        String coefText;
        Expr co2eff;
        Expr pct;
        Expr ondergrens;
        Expr bovengrens;
        Expr gram;
        String regime;
        String src = SRC_AUTO;
        if (b == VuInput.Brandstof.LAADPAAL || b.emissievrij()) {
            String name = b == VuInput.Brandstof.LAADPAAL ? "VU_LaadpaalPct" : "VU_EVPct";
            Parameter vast = rules.get(
                    name,
                    d.getYear(),
                    (b == VuInput.Brandstof.LAADPAAL
                                    ? "aftrekbaar deel van een laadpaal"
                                    : "aftrekbaar deel van een emissievrije wagen")
                            + " gekocht in " + d.getYear());
            String key = name + "_" + d.getYear();
            params.put(key, new UsedParameter(key, d.getYear(), vast));
            coefExpr = num("0");
            coefText = "geen";
            co2eff = num("0");
            gram = ref(key);
            ondergrens = ref(key);
            bovengrens = ref(key);
            pct = ref(key);
            regime = (b == VuInput.Brandstof.LAADPAAL ? "laadpaal" : "emissievrij") + ", gekocht in " + d.getYear()
                    + ": " + DutchText.percent(vast.number());
            src = vast.source();
        } else {
            Parameter basis = use(params, "VU_AutoBasis", aj, "gramformule");
            Parameter factor = use(params, "VU_AutoFactor", aj, "gramformule");
            Parameter coef;
            if (b == VuInput.Brandstof.DIESEL || b == VuInput.Brandstof.PLUGIN_DIESEL) {
                coef = use(params, "VU_CoefDiesel", aj, "coëfficiënt diesel");
                coefText = "diesel";
            } else if (b == VuInput.Brandstof.AARDGAS) {
                Parameter grens = use(params, "VU_AardgasPk", aj, "pk-grens aardgas");
                boolean klein = w.pk() == null || w.pk().compareTo(grens.number()) < 0;
                if (w.pk() == null) {
                    warnings.add(Problem.warning(
                            w.where(),
                            "aardgaswagen zonder fiscale pk: gerekend als minder dan "
                                    + grens.number().toPlainString() + " pk (coëfficiënt 0,90); vul pk in"));
                }
                coef = use(params, klein ? "VU_CoefAardgasKlein" : "VU_CoefBenzine", aj, "coëfficiënt aardgas");
                coefText = klein ? "aardgas < 12 pk" : "aardgas ≥ 12 pk";
            } else {
                coef = use(params, "VU_CoefBenzine", aj, "coëfficiënt benzine");
                coefText = b.word();
            }
            coefExpr = ref(coef.name());
            if (b.plugin() && w.valseHybride() && !d.isBefore(VALS_VANAF)) {
                Parameter vals = use(params, "VU_ValseHybrideFactor", aj, "valse hybride");
                co2eff = ifThen(
                        greater(ref(wagen(j, "co2Overeenstemmend")), num("0")),
                        ref(wagen(j, "co2Overeenstemmend")),
                        times(co2, ref(vals.name())));
            } else {
                co2eff = co2;
            }
            steps.add(Step.amount(p + "co2", "CO2 voor de formule " + w.naam(), co2eff)
                    .format(Format.GETAL)
                    .rule(
                            b.plugin() && w.valseHybride()
                                    ? "Valse hybride: de CO2 van het overeenstemmende voertuig, of zonder"
                                            + " zo'n voertuig de CO2 × 2,5."
                                    : "De CO2-uitstoot van de wagen.",
                            SRC_AUTO));
            gram = minus(ref(basis.name()), times(times(ref(factor.name()), coefExpr), ref(p + "co2")));
            // Bought 01-07-2023 to 31-12-2025: the old rules still hold in aanslagjaren 2024 and 2025 (rules data).
            boolean oudeRegels = !d.isAfter(OUD_TOT)
                    || !d.isAfter(NIEUW_TOT)
                            && "nee"
                                    .equals(use(
                                                    params,
                                                    "VU_NieuwRegels",
                                                    aj,
                                                    "regels voor wagens gekocht van 01-07-2023 tot" + " 31-12-2025")
                                            .value());
            if (oudeRegels) {
                Parameter minP = use(params, "VU_OudMin", aj, "minimum");
                Parameter maxP = use(params, "VU_OudMax", aj, "maximum");
                Parameter grens = use(params, "VU_OudCO2Grens", aj, "CO2-grens");
                Parameter vast = use(params, "VU_OudCO2Pct", aj, "percentage vanaf de CO2-grens");
                ondergrens =
                        ifThen(greaterOrEqual(ref(p + "co2"), ref(grens.name())), ref(vast.name()), ref(minP.name()));
                bovengrens =
                        ifThen(greaterOrEqual(ref(p + "co2"), ref(grens.name())), ref(vast.name()), ref(maxP.name()));
                regime = (d.isAfter(OUD_TOT)
                                ? "gekocht 01-07-2023 t/m 31-12-2025, in aanslagjaar " + aj + " nog de oude" + " regels"
                                : "gekocht tot 30-06-2023")
                        + ": gramformule, ten minste " + DutchText.percent(minP.number())
                        + ", ten hoogste " + DutchText.percent(maxP.number()) + "; vanaf "
                        + grens.number().toPlainString()
                        + " g/km " + DutchText.percent(vast.number());
                if (d.isAfter(OUD_TOT)) {
                    src = rules.get("VU_NieuwRegels", aj, "regels voor wagens gekocht van 01-07-2023 tot 31-12-2025")
                            .source();
                }
            } else if (!d.isAfter(NIEUW_TOT)) {
                Parameter maxP =
                        use(params, "VU_NieuwMax", aj, "maximum voor wagens gekocht van 01-07-2023 tot 31-12-2025");
                ondergrens = num("0");
                bovengrens = ref(maxP.name());
                regime = "gekocht 01-07-2023 t/m 31-12-2025: gramformule zonder minimum, in aanslagjaar " + aj
                        + " ten hoogste " + DutchText.percent(maxP.number());
                src = maxP.source();
            } else {
                ondergrens = num("0");
                bovengrens = num("0");
                regime = "fossiele brandstof (ook hybride), gekocht vanaf 01-01-2026: niet aftrekbaar";
                src = "Wet van 25.11.2021 (vergroening mobiliteit), WIB 92 art. 66 § 1";
            }
            pct = min(bovengrens, max(ondergrens, ref(p + "gram")));
        }
        steps.add(Step.amount(p + "coef", "Coëfficiënt " + w.naam(), coefExpr)
                .format(Format.GETAL)
                .rule("Coëfficiënt van de brandstof: " + coefText + ".", SRC_AUTO));
        if (!(b == VuInput.Brandstof.LAADPAAL || b.emissievrij())) {
            Parameter basis = rules.get("VU_AutoBasis", aj, "gramformule");
            Parameter factor = rules.get("VU_AutoFactor", aj, "gramformule");
            steps.add(Step.amount(p + "gram", "Gramformule " + w.naam(), gram)
                    .format(Format.PROCENT)
                    .rule(
                            DutchText.percent(basis.number()) + " − " + DutchText.percent(factor.number())
                                    + " × coëfficiënt × CO2 (g/km).",
                            SRC_AUTO));
        } else {
            steps.add(Step.amount(p + "gram", "Gramformule " + w.naam(), gram)
                    .format(Format.PROCENT)
                    .rule("Geen gramformule: een vast percentage naar het jaar van aankoop.", src));
            steps.add(Step.amount(p + "co2", "CO2 voor de formule " + w.naam(), co2eff)
                    .format(Format.GETAL)
                    .unexplained());
        }
        steps.add(Step.amount(p + "min", "Ten minste " + w.naam(), ondergrens)
                .format(Format.PROCENT)
                .unexplained());
        steps.add(Step.amount(p + "max", "Ten hoogste " + w.naam(), bovengrens)
                .format(Format.PROCENT)
                .unexplained());
        steps.add(Step.amount(
                        p + "pct",
                        "Aftrekbaar deel " + w.naam(),
                        b == VuInput.Brandstof.LAADPAAL || b.emissievrij()
                                ? pct
                                : min(ref(p + "max"), max(ref(p + "min"), ref(p + "gram"))))
                .format(Format.PROCENT)
                .rule("Regime: " + regime + ".", src));
        Expr pctBrandstof = ref(p + "pct");
        String brandstofRule = "Zelfde percentage als de andere kosten.";
        if (b.plugin() && !d.isBefore(PLUGIN_VANAF)) {
            Parameter cap = use(params, "VU_PluginBrandstofMax", aj, "brandstof van een oplaadbare hybride");
            pctBrandstof = min(ref(p + "pct"), ref(cap.name()));
            brandstofRule = "Oplaadbare hybride gekocht vanaf 01-01-2023: brandstofkosten ten hoogste "
                    + DutchText.percent(cap.number()) + " aftrekbaar.";
        }
        steps.add(Step.amount(p + "pctBrandstof", "Aftrekbaar deel brandstof " + w.naam(), pctBrandstof)
                .format(Format.PROCENT)
                .rule(brandstofRule, SRC_AUTO));
        Expr k = plus(ref(wagen(j, "brandstofkosten")), ref(wagen(j, "anderekosten")));
        steps.add(Step.amount(
                        p + "factor",
                        "Deel van de kosten boven het VAA " + w.naam(),
                        ifThen(
                                greater(k, num("0")),
                                max(num("0"), divide(minus(k, ref(wagen(j, "vaa"))), k)),
                                num("1")))
                .format(Format.PROCENT)
                .rule(
                        "Het deel van de autokosten ten belope van het voordeel van alle aard is aftrekbaar; het percentage"
                                + " geldt voor de rest: (brandstof + andere kosten − VAA) ÷ (brandstof + andere kosten).",
                        SRC_AUTO));
        steps.add(Step.amount(
                        p + "vu1205",
                        "VU 1205 " + w.naam(),
                        plus(
                                times(
                                        ref(p + "factor"),
                                        plus(
                                                times(
                                                        ref(wagen(j, "brandstofkosten")),
                                                        minus(num("1"), ref(p + "pctBrandstof"))),
                                                times(ref(wagen(j, "anderekosten")), minus(num("1"), ref(p + "pct"))))),
                                times(ref(wagen(j, "minderwaarde")), minus(num("1"), ref(p + "pct")))))
                .rule(
                        "Niet-aftrekbaar deel van de brandstof en de andere kosten (na het VAA) en van de minderwaarde, die"
                                + " het percentage van de wagen volgt; financieringskosten blijven volledig aftrekbaar.",
                        SRC_AUTO));
        Parameter vaa = use(params, "VU_VAA", aj, "deel van het VAA");
        Parameter vaaB = use(params, "VU_VAABrandstof", aj, "deel van het VAA bij brandstof");
        steps.add(Step.amount(
                        p + "vu1206",
                        "VU 1206 " + w.naam(),
                        times(
                                ref(wagen(j, "vaa")),
                                ifThen(
                                        equal(lower(ref(wagen(j, "tussenkomstBrandstof"))), text("ja")),
                                        ref(vaaB.name()),
                                        ref(vaa.name()))))
                .rule(
                        DutchText.percent(vaa.number()) + " van het voordeel van alle aard, of "
                                + DutchText.percent(vaaB.number())
                                + " als de vennootschap brandstof voor privégebruik betaalt"
                                + " (tussenkomstBrandstof).",
                        vaa.source()));
        perCode.get("1205").add(p + "vu1205");
        perCode.get("1206").add(p + "vu1206");
        return new String[] {
            w.naam() + " (" + b.word() + ", " + d + ")",
            p + "coef",
            p + "co2",
            p + "gram",
            p + "min",
            p + "max",
            p + "pct",
            p + "pctBrandstof",
            p + "factor",
            p + "vu1205",
            p + "vu1206"
        };
    }

    private Parameter use(Map<String, UsedParameter> params, String name, int aj, String what) {
        Parameter p = rules.get(name, aj, what);
        params.putIfAbsent(name, new UsedParameter(name, aj, p));
        return p;
    }

    private static String label(List<Step> steps, String key) {
        return steps.stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow()
                .label();
    }
}
