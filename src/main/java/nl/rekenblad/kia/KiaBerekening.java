package nl.rekenblad.kia;

import static nl.rekenblad.core.Expr.and;
import static nl.rekenblad.core.Expr.divide;
import static nl.rekenblad.core.Expr.equal;
import static nl.rekenblad.core.Expr.greater;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.isBlank;
import static nl.rekenblad.core.Expr.less;
import static nl.rekenblad.core.Expr.lessOrEqual;
import static nl.rekenblad.core.Expr.lower;
import static nl.rekenblad.core.Expr.max;
import static nl.rekenblad.core.Expr.min;
import static nl.rekenblad.core.Expr.minus;
import static nl.rekenblad.core.Expr.month;
import static nl.rekenblad.core.Expr.not;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.or;
import static nl.rekenblad.core.Expr.plus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.round;
import static nl.rekenblad.core.Expr.roundDown;
import static nl.rekenblad.core.Expr.roundUp;
import static nl.rekenblad.core.Expr.sumIfs;
import static nl.rekenblad.core.Expr.sumOf;
import static nl.rekenblad.core.Expr.text;
import static nl.rekenblad.core.Expr.times;
import static nl.rekenblad.core.Expr.year;
import static nl.rekenblad.kia.KiaKeys.asset;
import static nl.rekenblad.kia.KiaKeys.depreciation;
import static nl.rekenblad.kia.KiaKeys.disposal;
import static nl.rekenblad.kia.KiaKeys.input;
import static nl.rekenblad.kia.KiaKeys.param;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.Expr;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.SpreadsheetDate;
import nl.rekenblad.core.Step;
import nl.rekenblad.core.Step.Format;
import nl.rekenblad.rules.Parameter;
import nl.rekenblad.rules.RuleBook;
import nl.rekenblad.rules.UsedParameter;

/**
 * The investment register worked out: KIA per calendar year from that year's table (art. 3.41
 * Wet IB 2001), each asset's share, the desinvesteringsbijtelling (art. 3.47), EIA and MIA beside
 * it, and straight-line depreciation. Pure: no spreadsheet or file code; every figure is a
 * {@link Step}, so Java, the formulas and the explanation come from one definition.
 */
public final class KiaBerekening {
    /** The KIA sheet, the disposals sheet and the depreciation sheet, each laid out on its own. */
    public static final String KIA = "KIA";
    public static final String DESINVESTERINGEN = "Desinvesteringen";
    public static final String AFSCHRIJVINGEN = "Afschrijvingen";

    static final String SRC_343 = "Wet IB 2001 art. 3.43 (investeren: aangaan van de verplichting; zolang niet in"
            + " gebruik genomen alleen het betaalde deel)";
    static final String SRC_345 = "Wet IB 2001 art. 3.45; belastingdienst.nl 'Geen recht op investeringsaftrek'";
    static final String SRC_347 = "Wet IB 2001 art. 3.47 (desinvesteringsbijtelling)";
    static final String SRC_AFS = "Belastingdienst, toelichting aangifte IB 2025 vraag 17; Wet IB 2001 art. 3.30";
    /** Depreciation columns at most (a schedule longer than this is cut off, with a warning). */
    static final int MAX_DEPRECIATION_YEARS = 40;

    private final RuleBook rules;

    public KiaBerekening(RuleBook rules) {
        this.rules = rules;
    }

    public static KiaBerekening withBundledRules() {
        return new KiaBerekening(RuleBook.load("kia"));
    }

    /** The calculation with its layouts per sheet. */
    public KiaResult calculate(KiaInput in) throws InvalidInputException {
        List<Activum> activa = in.activa();
        if (activa.isEmpty()) {
            throw InvalidInputException.of(in.bron(), "het register bevat geen bedrijfsmiddelen");
        }
        Map<String, UsedParameter> params = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>(in.warnings());
        List<Problem> errors = new ArrayList<>();

        // Years with investments (including the deferred part) and years with disposals within five years.
        TreeSet<Integer> years = new TreeSet<>();
        TreeSet<Integer> disposalYears = new TreeSet<>();
        for (Activum a : activa) {
            years.add(a.investeringsjaar());
            if (a.uitgesteld()) {
                years.add(a.ingebruikname().get().getYear());
            }
            if (a.verkoopdatum().isPresent()) {
                int d = a.verkoopdatum().get().getYear();
                if (d <= a.investeringsjaar() + 4) {
                    disposalYears.add(d);
                }
                if (a.verkoopdatum().get().isBefore(a.datum())) {
                    errors.add(Problem.error(a.where(), "verkoopdatum ligt voor de investeringsdatum"));
                }
            }
            if (a.betaald().isPresent() && a.ingebruikname().isEmpty()) {
                warnings.add(Problem.warning(a.where(), "betaald is ingevuld maar de datum van ingebruikname niet; het"
                        + " hele bedrag telt in " + a.investeringsjaar() + " (vul ingebruikname in als het bedrijfsmiddel"
                        + " aan het eind van het jaar nog niet in gebruik was)"));
            }
            if (a.regeling().isPresent() && !rules.covers(a.regeling().get().parameter(), a.investeringsjaar())) {
                errors.add(Problem.error(a.where(), "geen percentage voor " + a.regeling().get().word().toUpperCase()
                        + " in " + a.investeringsjaar() + " in de regels van rekenblad (bekend: "
                        + rules.knownYears(a.regeling().get().parameter()) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            errors.addAll(warnings);
            throw new InvalidInputException(errors);
        }
        for (int y : years) {
            for (String n : List.of("KIA_X", "KIA_A", "KIA_F", "KIA_B", "KIA_C", "KIA_Pct", "KIA_Afbouw", "KIA_Min")) {
                use(params, n, y, "KIA-tabel");
            }
        }
        for (int d : disposalYears) {
            use(params, "KIA_X", d, "drempel voor de desinvesteringsbijtelling");
        }

        Layout kiaLayout = new Layout();
        Layout disLayout = new Layout();
        Layout afsLayout = new Layout();
        int n = activa.size();

        // 1. Per asset: does it count, in which year(s), how much.
        for (int i = 0; i < n; i++) {
            Activum a = activa.get(i);
            int y = a.investeringsjaar();
            String min = param("KIA_Min", y);
            Expr bedrag = ref(input(i, "bedrag"));
            Expr soort = ref(input(i, "soort"));
            steps.add(Step.amount(asset(i, "telt"), "Telt mee " + a.id(),
                    and(equal(soort, text("bedrijfsmiddel")), greaterOrEqual(bedrag, ref(min))))
                    .format(Format.JANEE).unexplained());
            Step reden = Step.amount(asset(i, "reden"), "Telt niet mee: " + a.id() + " " + a.omschrijving(),
                    ifThen(not(equal(soort, text("bedrijfsmiddel"))), lower(soort),
                            ifThen(less(bedrag, ref(min)), text("minder dan " + DutchText.number(paramValue(params, min))), text(""))))
                    .format(Format.TEKST);
            if (a.soort().qualifies() && a.bedrag().amount().compareTo(paramValue(params, min)) >= 0) {
                reden = reden.unexplained();
            } else {
                // The Toelichting names every excluded asset and why.
                reden = reden.rule(a.soort().qualifies()
                        ? "Een bedrijfsmiddel van minder dan " + euro(params, min) + " telt niet mee voor de KIA."
                        : a.soort().exclusion(), SRC_345);
            }
            steps.add(reden);
            steps.add(Step.amount(asset(i, "jaar"), "Investeringsjaar " + a.id(), year(ref(input(i, "datum"))))
                    .format(Format.JAAR).unexplained());
            Expr inUse = ref(input(i, "ingebruikname"));
            steps.add(Step.amount(asset(i, "uitgesteld"), "Nog niet in gebruik eind jaar " + a.id(),
                    ifThen(isBlank(input(i, "ingebruikname")), Expr.bool(false), greater(year(inUse), ref(asset(i, "jaar")))))
                    .format(Format.JANEE).unexplained());
            steps.add(Step.amount(asset(i, "deel1"), "Bedrag in investeringsjaar " + a.id(),
                    ifThen(ref(asset(i, "uitgesteld")), min(bedrag, ref(input(i, "betaald"))), bedrag)).unexplained());
            steps.add(Step.amount(asset(i, "jaar2"), "Jaar van ingebruikname " + a.id(),
                    ifThen(ref(asset(i, "uitgesteld")), year(inUse), num("0"))).format(Format.JAAR).unexplained());
            steps.add(Step.amount(asset(i, "deel2"), "Rest naar jaar van ingebruikname " + a.id(),
                    minus(bedrag, ref(asset(i, "deel1")))).unexplained());
            steps.add(Step.amount(asset(i, "telt1"), "Telt in investeringsjaar " + a.id(),
                    ifThen(ref(asset(i, "telt")), ref(asset(i, "deel1")), num("0"))).unexplained());
            steps.add(Step.amount(asset(i, "telt2"), "Telt in jaar van ingebruikname " + a.id(),
                    ifThen(ref(asset(i, "telt")), ref(asset(i, "deel2")), num("0"))).unexplained());
        }
        List<String> jaarCol = assetKeys(n, "jaar");
        List<String> jaar2Col = assetKeys(n, "jaar2");

        // 2. Per year: T, the table, the percentage.
        for (int y : years) {
            steps.add(Step.amount(KiaKeys.year(y, "jaar"), "Jaar", num(Integer.toString(y))).format(Format.JAAR).unexplained());
            Expr t = ref(KiaKeys.year(y, "T"));
            String x = param("KIA_X", y);
            String a = param("KIA_A", y);
            String f = param("KIA_F", y);
            String b = param("KIA_B", y);
            String c = param("KIA_C", y);
            steps.add(Step.amount(KiaKeys.year(y, "T"), "Investeringen " + y + " die meetellen (T)",
                    round(plus(sumIfs(assetKeys(n, "telt1"), List.of(jaarCol), List.of(ref(KiaKeys.year(y, "jaar")))),
                            sumIfs(assetKeys(n, "telt2"), List.of(jaar2Col), List.of(ref(KiaKeys.year(y, "jaar"))))), 2))
                    .rule("Som van de bedrijfsmiddelen van " + y + " die meetellen (soort bedrijfsmiddel, ten minste € 450),"
                            + " plus het deel van eerdere investeringen dat pas in " + y + " in gebruik is genomen; op centen.",
                            SRC_343)
                    .named("KIA_Investeringen_" + y));
            Parameter px = params.get(x).parameter();
            steps.add(Step.amount(KiaKeys.year(y, "kia"), "Kleinschaligheidsinvesteringsaftrek " + y,
                    ifThen(lessOrEqual(t, ref(x)), num("0"),
                            ifThen(lessOrEqual(t, ref(a)), times(ref(param("KIA_Pct", y)), t),
                                    ifThen(lessOrEqual(t, ref(b)), ref(f),
                                            ifThen(lessOrEqual(t, ref(c)),
                                                    minus(ref(f), times(ref(param("KIA_Afbouw", y)), minus(t, ref(b)))),
                                                    num("0"))))))
                    .rule("Tabel " + y + ": T niet meer dan " + euro(params, x) + ": nihil; tot en met " + euro(params, a)
                            + ": 28% van T; tot en met " + euro(params, b) + ": " + euro(params, f) + "; tot en met "
                            + euro(params, c) + ": " + euro(params, f) + " min 7,56% van T boven " + euro(params, b)
                            + "; daarboven nihil. Exact, niet afgerond.", px.source())
                    .named("KIA_Aftrek_" + y));
            steps.add(Step.amount(KiaKeys.year(y, "pct"), "KIA-percentage " + y,
                    ifThen(greater(t, num("0")), divide(ref(KiaKeys.year(y, "kia")), t), num("0")))
                    .format(Format.PROCENT)
                    .rule("KIA ÷ T: het percentage dat voor elk bedrijfsmiddel van dit jaar geldt (ook bij verkoop).",
                            "Wet IB 2001 art. 3.41 en 3.47"));
            steps.add(Step.amount(KiaKeys.year(y, "aangifte"), "KIA " + y + " voor de aangifte (hele euro's)",
                    roundUp(round(ref(KiaKeys.year(y, "kia")), 4), 0))
                    .rule("Naar boven afgerond op hele euro's, in uw voordeel (ROUND(…;4) haalt alleen rekenruis weg)."
                            + " Deze afronding is de gangbare lezing; een officiële regel daarvoor is niet gevonden.", ""));
        }
        List<String> yearCol = new ArrayList<>();
        List<String> pctCol = new ArrayList<>();
        for (int y : years) {
            yearCol.add(KiaKeys.year(y, "jaar"));
            pctCol.add(KiaKeys.year(y, "pct"));
        }

        // 3. Each asset's share: its counted amount × KIA ÷ T of its year(s).
        for (int i = 0; i < n; i++) {
            Activum a = activa.get(i);
            steps.add(Step.amount(asset(i, "kia"), "KIA " + a.id(),
                    plus(times(ref(asset(i, "telt1")), sumIfs(pctCol, List.of(yearCol), List.of(ref(asset(i, "jaar"))))),
                            times(ref(asset(i, "telt2")), sumIfs(pctCol, List.of(yearCol), List.of(ref(asset(i, "jaar2")))))))
                    .unexplained());
            steps.add(Step.amount(asset(i, "geteld"), "Meegeteld " + a.id(), plus(ref(asset(i, "telt1")), ref(asset(i, "telt2"))))
                    .unexplained());
        }

        // 4. EIA and MIA beside it.
        for (int i = 0; i < n; i++) {
            Activum a = activa.get(i);
            int y = a.investeringsjaar();
            Expr eia = num("0");
            Expr mia = num("0");
            if (rules.covers("EIA_Pct", y)) {
                for (String name : List.of("EIA_Pct", "MIA_1", "MIA_2", "MIA_3", "EIA_MIA_Min")) {
                    use(params, name, y, "EIA/MIA-percentage");
                }
                Expr reg = ref(input(i, "regeling"));
                Expr bedrag = ref(input(i, "bedrag"));
                Expr enough = greaterOrEqual(bedrag, ref(param("EIA_MIA_Min", y)));
                eia = ifThen(and(equal(reg, text("eia")), enough), times(bedrag, ref(param("EIA_Pct", y))), num("0"));
                mia = ifThen(enough, ifThen(equal(reg, text("mia-1")), times(bedrag, ref(param("MIA_1", y))),
                        ifThen(equal(reg, text("mia-2")), times(bedrag, ref(param("MIA_2", y))),
                                ifThen(equal(reg, text("mia-3")), times(bedrag, ref(param("MIA_3", y))), num("0")))),
                        num("0"));
            }
            steps.add(Step.amount(asset(i, "eia"), "EIA " + a.id(), eia).unexplained());
            steps.add(Step.amount(asset(i, "mia"), "MIA " + a.id(), mia).unexplained());
        }
        for (int y : years) {
            Expr yr = ref(KiaKeys.year(y, "jaar"));
            steps.add(Step.amount(KiaKeys.year(y, "eia"), "EIA " + y, sumIfs(assetKeys(n, "eia"), List.of(jaarCol), List.of(yr)))
                    .rule("Energie-investeringsaftrek: per bedrijfsmiddel met regeling eia het percentage van het"
                            + " investeringsbedrag (ten minste € 2.500 per bedrijfsmiddel; melding bij RVO binnen 3 maanden).",
                            rules.find("EIA_Pct", y).map(Parameter::source).orElse(""))
                    .named("KIA_EIA_" + y));
            steps.add(Step.amount(KiaKeys.year(y, "mia"), "MIA " + y, sumIfs(assetKeys(n, "mia"), List.of(jaarCol), List.of(yr)))
                    .rule("Milieu-investeringsaftrek: per categorie van de Milieulijst (mia-1, mia-2, mia-3) het"
                            + " percentage van het investeringsbedrag. EIA en MIA nooit op hetzelfde bedrijfsmiddel.",
                            rules.find("MIA_1", y).map(Parameter::source).orElse(""))
                    .named("KIA_MIA_" + y));
            steps.add(Step.amount(KiaKeys.year(y, "totaal"), "Investeringsaftrek " + y + " totaal (KIA + EIA + MIA)",
                    plus(plus(ref(KiaKeys.year(y, "kia")), ref(KiaKeys.year(y, "eia"))), ref(KiaKeys.year(y, "mia"))))
                    .rule("KIA gaat samen met EIA of MIA.", "Wet IB 2001 art. 3.40"));
        }
        if (in.aandeel().isPresent()) {
            steps.add(Step.amount("aandeel", "Aandeel van de vennoot", num(in.aandeel().get())).format(Format.GETAL)
                    .rule("Samenwerkingsverband: T en de KIA zijn die van het hele samenwerkingsverband; elke vennoot"
                            + " krijgt zijn aandeel.", "Hoge Raad 26 juni 2020, ECLI:NL:HR:2020:825 en :828"));
            for (int y : years) {
                steps.add(Step.amount(KiaKeys.year(y, "vennoot"), "KIA " + y + " voor de vennoot",
                        times(ref(KiaKeys.year(y, "kia")), ref("aandeel")))
                        .rule("KIA van het samenwerkingsverband × aandeel van de vennoot.",
                                "Hoge Raad 26 juni 2020, ECLI:NL:HR:2020:825"));
            }
        }

        // 5. Desinvesteringsbijtelling: assets with KIA sold within five years.
        List<Integer> sold = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (activa.get(i).verkoopdatum().isPresent()) {
                sold.add(i);
            }
        }
        for (int i : sold) {
            Activum a = activa.get(i);
            Expr vd = ref(input(i, "verkoopdatum"));
            steps.add(Step.amount(asset(i, "binnen5"), "Verkocht binnen 5 jaar " + a.id(),
                    and(lessOrEqual(year(vd), plus(ref(asset(i, "jaar")), num("4"))), greater(ref(asset(i, "kia")), num("0"))))
                    .format(Format.JANEE).unexplained());
            steps.add(Step.amount(asset(i, "vjaar"), "Jaar van verkoop " + a.id(),
                    ifThen(ref(asset(i, "binnen5")), year(vd), num("0"))).format(Format.JAAR).unexplained());
            steps.add(Step.amount(asset(i, "vprijs"), "Verkoopprijs die meetelt " + a.id(),
                    ifThen(ref(asset(i, "binnen5")), ref(input(i, "verkoopprijs")), num("0"))).unexplained());
            steps.add(Step.amount(asset(i, "vpct"), "KIA-percentage van " + a.id(),
                    ifThen(greater(ref(asset(i, "geteld")), num("0")), divide(ref(asset(i, "kia")), ref(asset(i, "geteld"))),
                            num("0"))).format(Format.PROCENT).unexplained());
        }
        List<String> vjaarCol = sold.stream().map(i -> asset(i, "vjaar")).toList();
        for (int d : disposalYears) {
            Expr dy = ref(disposal(d, "jaar"));
            steps.add(Step.amount(disposal(d, "jaar"), "Jaar", num(Integer.toString(d))).format(Format.JAAR).unexplained());
            steps.add(Step.amount(disposal(d, "verkopen"), "Verkoopprijzen " + d + " van bedrijfsmiddelen met KIA van"
                    + " minder dan 5 jaar geleden",
                    round(sumIfs(sold.stream().map(i -> asset(i, "vprijs")).toList(), List.of(vjaarCol), List.of(dy)), 2))
                    .rule("Alleen verkopen (of andere vervreemdingen) binnen 5 jaar na het begin van het jaar van"
                            + " investering, van bedrijfsmiddelen waarop KIA is toegepast.", SRC_347));
            steps.add(Step.amount(disposal(d, "drempel"), "Drempel " + d, ref(param("KIA_X", d)))
                    .rule("De bijtelling geldt als de verkoopprijzen samen meer zijn dan de drempel van het jaar van verkoop.",
                            SRC_347));
            steps.add(Step.amount(disposal(d, "boven"), "Boven de drempel " + d,
                    greater(ref(disposal(d, "verkopen")), ref(disposal(d, "drempel")))).format(Format.JANEE).unexplained());
        }
        List<String> dJaarCol = disposalYears.stream().map(d -> disposal(d, "jaar")).toList();
        List<String> verkopenCol = disposalYears.stream().map(d -> disposal(d, "verkopen")).toList();
        List<String> drempelCol = disposalYears.stream().map(d -> disposal(d, "drempel")).toList();
        for (int i : sold) {
            Activum a = activa.get(i);
            Expr vj = ref(asset(i, "vjaar"));
            Expr over = disposalYears.isEmpty() ? Expr.bool(false)
                    : greater(sumIfs(verkopenCol, List.of(dJaarCol), List.of(vj)), sumIfs(drempelCol, List.of(dJaarCol), List.of(vj)));
            steps.add(Step.amount(asset(i, "bijtelling"), "Desinvesteringsbijtelling " + a.id(),
                    ifThen(and(ref(asset(i, "binnen5")), over),
                            min(times(ref(asset(i, "vprijs")), ref(asset(i, "vpct"))), ref(asset(i, "kia"))), num("0")))
                    .unexplained());
        }
        for (int d : disposalYears) {
            steps.add(Step.amount(disposal(d, "bijtelling"), "Desinvesteringsbijtelling " + d,
                    sumIfs(sold.stream().map(i -> asset(i, "bijtelling")).toList(), List.of(vjaarCol),
                            List.of(ref(disposal(d, "jaar")))))
                    .rule("Per bedrijfsmiddel de verkoopprijs × het KIA-percentage dat ervoor gold, nooit meer dan de KIA"
                            + " die het bedrijfsmiddel kreeg.", SRC_347)
                    .named("KIA_Bijtelling_" + d));
            steps.add(Step.amount(disposal(d, "aangifte"), "Bijtelling " + d + " voor de aangifte (hele euro's)",
                    roundDown(round(ref(disposal(d, "bijtelling")), 4), 0))
                    .rule("Naar beneden afgerond op hele euro's, in uw voordeel (gangbare lezing; open punt).", ""));
        }

        // 6. Depreciation.
        TreeSet<Integer> depYears = new TreeSet<>();
        for (Activum a : activa) {
            if (a.gebruiksduur().isEmpty() || a.soort() == Soort.GROND) {
                continue;
            }
            int start = a.ingebruikname().orElse(a.datum()).getYear();
            // The cap (20%, goodwill 10%) can stretch the schedule beyond the useful life: 5 or 10 years at least.
            int capYears = a.soort() == Soort.GOODWILL ? 10 : 5;
            int end = start + Math.max(capYears, a.gebruiksduur().get().setScale(0, java.math.RoundingMode.CEILING).intValue());
            if (a.verkoopdatum().isPresent()) {
                end = Math.min(end, a.verkoopdatum().get().getYear());
            }
            for (int y = start; y <= end && depYears.size() < MAX_DEPRECIATION_YEARS; y++) {
                depYears.add(y);
            }
        }
        List<Integer> depList = new ArrayList<>(depYears);
        for (int i = 0; i < n; i++) {
            Activum a = activa.get(i);
            Expr bedrag = ref(input(i, "bedrag"));
            Expr rest = ref(input(i, "restwaarde"));
            int startYear = a.ingebruikname().orElse(a.datum()).getYear();
            String cap = param(a.soort() == Soort.GOODWILL ? "AFS_MaxGoodwill" : "AFS_Max", startYear);
            use(params, a.soort() == Soort.GOODWILL ? "AFS_MaxGoodwill" : "AFS_Max", startYear, "afschrijvingsgrens");
            Expr startDate = ifThen(isBlank(input(i, "ingebruikname")), ref(input(i, "datum")), ref(input(i, "ingebruikname")));
            steps.add(Step.amount(depreciation(i, 0, "start"), "Eerste maand " + a.id(),
                    plus(times(year(startDate), num("12")), minus(month(startDate), num("1")))).format(Format.GETAL).unexplained());
            Expr vd = ref(input(i, "verkoopdatum"));
            steps.add(Step.amount(depreciation(i, 0, "eind"), "Maand van verkoop " + a.id(),
                    ifThen(isBlank(input(i, "verkoopdatum")), num("999999"),
                            plus(times(year(vd), num("12")), minus(month(vd), num("1"))))).format(Format.GETAL).unexplained());
            Expr duur = ref(input(i, "gebruiksduur"));
            steps.add(Step.amount(depreciation(i, 0, "jaarbedrag"), "Afschrijving per vol jaar " + a.id(),
                    ifThen(or(isBlank(input(i, "gebruiksduur")), lessOrEqual(duur, num("0")), equal(ref(input(i, "soort")), text("grond"))),
                            num("0"), min(divide(minus(bedrag, rest), duur), times(bedrag, ref(cap))))).unexplained());
            List<String> earlier = new ArrayList<>();
            for (int y : depList) {
                String m = depreciation(i, y, "maanden");
                Expr yearStart = num(Integer.toString(12 * y));
                steps.add(Step.amount(m, "Maanden in gebruik " + y + " " + a.id(),
                        max(num("0"), minus(min(ref(depreciation(i, 0, "eind")), num(Integer.toString(12 * y + 12))),
                                max(ref(depreciation(i, 0, "start")), yearStart)))).format(Format.GETAL).unexplained());
                Expr remaining = max(num("0"), minus(minus(bedrag, earlier.isEmpty() ? num("0") : sumOf(earlier)), rest));
                String dk = depreciation(i, y, "bedrag");
                steps.add(Step.amount(dk, "Afschrijving " + y + " " + a.id(),
                        round(min(divide(times(ref(depreciation(i, 0, "jaarbedrag")), ref(m)), num("12")), remaining), 2))
                        .unexplained());
                earlier.add(dk);
                Expr yearEnd = num(Integer.toString(12 * y + 11));
                steps.add(Step.amount(depreciation(i, y, "boekwaarde"), "Boekwaarde eind " + y + " " + a.id(),
                        ifThen(or(greater(ref(depreciation(i, 0, "start")), yearEnd), lessOrEqual(ref(depreciation(i, 0, "eind")), yearEnd)),
                                num("0"), minus(bedrag, sumOf(earlier)))).unexplained());
            }
            steps.add(Step.amount(depreciation(i, 0, "totaal"), "Afschrijving totaal " + a.id(),
                    earlier.isEmpty() ? num("0") : sumOf(earlier)).unexplained());
            steps.add(Step.amount(depreciation(i, 0, "boekwinst"), "Boekwinst bij verkoop " + a.id(),
                    ifThen(isBlank(input(i, "verkoopdatum")), num("0"),
                            minus(ref(input(i, "verkoopprijs")), minus(bedrag, ref(depreciation(i, 0, "totaal"))))))
                    .unexplained());
        }
        for (int y : depList) {
            List<String> col = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                col.add(depreciation(i, y, "bedrag"));
            }
            steps.add(Step.amount(KiaKeys.year(y, "afschrijving"), "Afschrijving " + y, sumOf(col))
                    .rule("Per bedrijfsmiddel (aanschafprijs − restwaarde) ÷ gebruiksduur per jaar, naar rato van de hele"
                            + " maanden vanaf de maand van ingebruikname (anders de investeringsdatum), ten hoogste 20% van de"
                            + " aanschafprijs per jaar (goodwill 10%), nooit onder de restwaarde, tot de maand van verkoop;"
                            + " per jaar op centen afgerond. Grond wordt niet afgeschreven.", SRC_AFS));
        }
        if (depYears.size() >= MAX_DEPRECIATION_YEARS) {
            warnings.add(Problem.warning(in.bron(), "het afschrijvingsschema is afgekapt op " + MAX_DEPRECIATION_YEARS + " jaar"));
        }

        // Layouts.
        List<String> yearHeaders = new ArrayList<>(List.of("Jaar", "Investeringen (T)", "KIA", "KIA-percentage",
                "KIA aangifte", "EIA", "MIA", "Totaal aftrek"));
        if (in.aandeel().isPresent()) {
            yearHeaders.add("KIA vennoot");
        }
        kiaLayout.section("Kleinschaligheidsinvesteringsaftrek per jaar", yearHeaders);
        for (int y : years) {
            List<String> keys = new ArrayList<>(List.of(KiaKeys.year(y, "jaar"), KiaKeys.year(y, "T"), KiaKeys.year(y, "kia"),
                    KiaKeys.year(y, "pct"), KiaKeys.year(y, "aangifte"), KiaKeys.year(y, "eia"), KiaKeys.year(y, "mia"),
                    KiaKeys.year(y, "totaal")));
            if (in.aandeel().isPresent()) {
                keys.add(KiaKeys.year(y, "vennoot"));
            }
            kiaLayout.row(Integer.toString(y), keys);
        }
        if (in.aandeel().isPresent()) {
            kiaLayout.section("Samenwerkingsverband", List.of("Aandeel"));
            kiaLayout.row("Aandeel van de vennoot in het samenwerkingsverband", "aandeel");
        }
        kiaLayout.section("Per bedrijfsmiddel", List.of("Telt mee", "Reden", "Jaar", "Nog niet in gebruik",
                "Bedrag in jaar", "Jaar rest", "Rest", "Telt (jaar)", "Telt (rest)", "Meegeteld", "KIA", "EIA", "MIA"));
        for (int i = 0; i < n; i++) {
            Activum a = activa.get(i);
            kiaLayout.row(a.id() + " " + a.omschrijving(), asset(i, "telt"), asset(i, "reden"), asset(i, "jaar"),
                    asset(i, "uitgesteld"), asset(i, "deel1"), asset(i, "jaar2"), asset(i, "deel2"), asset(i, "telt1"),
                    asset(i, "telt2"), asset(i, "geteld"), asset(i, "kia"), asset(i, "eia"), asset(i, "mia"));
        }

        disLayout.section("Desinvesteringsbijtelling per jaar", List.of("Jaar", "Verkoopprijzen", "Drempel", "Boven drempel",
                "Bijtelling", "Bijtelling aangifte"));
        for (int d : disposalYears) {
            disLayout.row(Integer.toString(d), disposal(d, "jaar"), disposal(d, "verkopen"), disposal(d, "drempel"),
                    disposal(d, "boven"), disposal(d, "bijtelling"), disposal(d, "aangifte"));
        }
        disLayout.section("Verkochte bedrijfsmiddelen", List.of("Binnen 5 jaar", "Jaar", "Verkoopprijs", "KIA-percentage",
                "Bijtelling"));
        for (int i : sold) {
            Activum a = activa.get(i);
            disLayout.row(a.id() + " " + a.omschrijving(), asset(i, "binnen5"), asset(i, "vjaar"), asset(i, "vprijs"),
                    asset(i, "vpct"), asset(i, "bijtelling"));
        }

        List<String> depHeaders = new ArrayList<>(List.of("Per vol jaar", "Eerste maand", "Verkoopmaand"));
        depList.forEach(y -> depHeaders.add(Integer.toString(y)));
        depHeaders.add("Totaal");
        depHeaders.add("Boekwinst");
        afsLayout.section("Afschrijvingen en boekwaarde per bedrijfsmiddel", depHeaders);
        for (int i = 0; i < n; i++) {
            Activum a = activa.get(i);
            List<String> dep = new ArrayList<>(List.of(depreciation(i, 0, "jaarbedrag"), depreciation(i, 0, "start"),
                    depreciation(i, 0, "eind")));
            List<String> months = new ArrayList<>(List.of("", "", ""));
            List<String> book = new ArrayList<>(List.of("", "", ""));
            for (int y : depList) {
                dep.add(depreciation(i, y, "bedrag"));
                months.add(depreciation(i, y, "maanden"));
                book.add(depreciation(i, y, "boekwaarde"));
            }
            dep.add(depreciation(i, 0, "totaal"));
            dep.add(depreciation(i, 0, "boekwinst"));
            afsLayout.row(a.id() + " " + a.omschrijving() + ": afschrijving", dep);
            afsLayout.row("    maanden in gebruik", nulls(months));
            afsLayout.row("    boekwaarde eind jaar", nulls(book));
        }
        List<String> totals = new ArrayList<>(java.util.Arrays.asList(null, null, null));
        depList.forEach(y -> totals.add(KiaKeys.year(y, "afschrijving")));
        afsLayout.total("Afschrijving totaal per jaar", totals);

        Map<String, Object> known = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Activum a = activa.get(i);
            known.put(input(i, "id"), a.id());
            known.put(input(i, "omschrijving"), a.omschrijving());
            known.put(input(i, "datum"), SpreadsheetDate.serial(a.datum()));
            known.put(input(i, "bedrag"), a.bedrag().amount());
            known.put(input(i, "soort"), a.soort().word());
            known.put(input(i, "ingebruikname"), a.ingebruikname().map(SpreadsheetDate::serial).orElse(null));
            known.put(input(i, "betaald"), a.betaald().map(Money::amount).orElse(null));
            known.put(input(i, "restwaarde"), a.restwaarde().map(Money::amount).orElse(null));
            known.put(input(i, "gebruiksduur"), a.gebruiksduur().orElse(null));
            known.put(input(i, "verkoopdatum"), a.verkoopdatum().map(SpreadsheetDate::serial).orElse(null));
            known.put(input(i, "verkoopprijs"), a.verkoopprijs().map(Money::amount).orElse(null));
            known.put(input(i, "regeling"), a.regeling().map(Regeling::word).orElse(null));
        }
        params.values().forEach(p -> known.put(p.key(), p.value()));
        Calculation calc = Calculation.evaluate(steps, known);
        return new KiaResult(in, calc, List.copyOf(years), List.copyOf(disposalYears), depList,
                Map.of(KIA, kiaLayout, DESINVESTERINGEN, disLayout, AFSCHRIJVINGEN, afsLayout),
                List.copyOf(params.values()), warnings);
    }

    private static List<String> nulls(List<String> keys) {
        return keys.stream().map(k -> k.isEmpty() ? null : k).toList();
    }

    private static Expr greaterOrEqual(Expr a, Expr b) {
        return Expr.greaterOrEqual(a, b);
    }

    private static List<String> assetKeys(int n, String what) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(asset(i, what));
        }
        return keys;
    }

    private void use(Map<String, UsedParameter> params, String name, int year, String description) {
        String key = param(name, year);
        if (!params.containsKey(key)) {
            params.put(key, new UsedParameter(key, year, rules.get(name, year, description + " (" + name + ")")));
        }
    }

    private static BigDecimal paramValue(Map<String, UsedParameter> params, String key) {
        return params.get(key).parameter().number();
    }

    private static String euro(Map<String, UsedParameter> params, String key) {
        return DutchText.euro(params.get(key).parameter().number());
    }

}
