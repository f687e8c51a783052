package nl.rekenblad.winst;

import static nl.rekenblad.core.Expr.and;
import static nl.rekenblad.core.Expr.equal;
import static nl.rekenblad.core.Expr.greaterOrEqual;
import static nl.rekenblad.core.Expr.ifThen;
import static nl.rekenblad.core.Expr.lower;
import static nl.rekenblad.core.Expr.max;
import static nl.rekenblad.core.Expr.min;
import static nl.rekenblad.core.Expr.minus;
import static nl.rekenblad.core.Expr.not;
import static nl.rekenblad.core.Expr.num;
import static nl.rekenblad.core.Expr.or;
import static nl.rekenblad.core.Expr.plus;
import static nl.rekenblad.core.Expr.ref;
import static nl.rekenblad.core.Expr.text;
import static nl.rekenblad.core.Expr.times;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * From commercial profit to belastbare winst uit onderneming, in the order the law takes it:
 * KOR benefit, investment deductions and bijtelling, gemengde kosten → fiscal profit;
 * ondernemersaftrek → profit after it; MKB-winstvrijstelling → taxable profit. Pure.
 */
public final class Winstberekening {
    public static final String SHEET = "Winstberekening";
    private static final String SRC_KIA = "Wet IB 2001 art. 3.40–3.47 (investeringsaftrek en desinvesteringsbijtelling)";

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
        for (String n : List.of("MKB_Pct", "ZA_Bedrag", "ZA_AowFactor", "SA_Bedrag", "SA_AowBedrag", "Urencriterium", "MWA_Uren1", "MWA_Pct1",
                "MWA_Uren2", "MWA_Pct2", "MWA_Uren3", "MWA_Pct3", "MWA_Uren4", "MWA_Pct4", "STA_Max", "GK_Pct")) {
            Parameter p = rules.get(n, y, "waarde voor de winstberekening (" + n + ")");
            params.put(n, new UsedParameter(n, y, p));
        }
        String keuze = String.valueOf(Optional.ofNullable(in.waarden().get("gemengdeKostenKeuze")).orElse("")).trim();
        boolean drempelMogelijk = rules.covers("GK_Drempel", y);
        if (drempelMogelijk) {
            params.put("GK_Drempel", new UsedParameter("GK_Drempel", y, rules.get("GK_Drempel", y, "drempel gemengde kosten")));
        } else if (keuze.equalsIgnoreCase("drempel")) {
            throw InvalidInputException.of(in.bron(), "geen drempel voor gemengde kosten voor " + y + " in de regels van"
                    + " rekenblad (bekend: " + rules.knownYears("GK_Drempel") + "); kies 80% of vul de kosten gecorrigeerd in");
        }
        List<Step> steps = new ArrayList<>();
        Layout.Builder layout = Layout.builder();

        WinstInput.Overgenomen uitAuditfile = in.overgenomen().get(WinstKeys.WINST);
        if (uitAuditfile == null) {
            steps.add(Step.amount(WinstKeys.WINST, "Winst volgens de jaarrekening", ref(input("winst")))
                    .rule("De commerciële winst vóór de posten hieronder, zoals ingevoerd.", ""));
        } else {
            steps.add(Step.amount(WinstKeys.WINST, "Winst volgens de boekhouding (uit " + uitAuditfile.herkomst() + ")",
                    num(uitAuditfile.bedrag())).rule("De commerciële winst vóór de posten hieronder: het saldo van de"
                    + " winst-en-verliesrekeningen (accTp P) in de auditfile, credit min debet over alle transactieregels."
                    + " Overgenomen uit " + uitAuditfile.herkomst() + ".", "XML Auditfile Financieel 3.2"));
        }
        amount(in, steps, WinstKeys.KOR, "Bij: voordeel kleineondernemersregeling (KOR)",
                "De vermindering volgens de oude KOR is winst (KOR_Winstcorrectie). Vanaf 2020 is de KOR een vrijstelling"
                        + " en is er geen correctie.", "Wet IB 2001 art. 3.8; art. 25 Wet OB 1968 (tekst tot 2020)");
        amount(in, steps, WinstKeys.KIA, "Af: kleinschaligheidsinvesteringsaftrek", "De KIA van dit jaar uit het investeringsregister.",
                SRC_KIA);
        amount(in, steps, WinstKeys.EIA, "Af: energie-investeringsaftrek", "De EIA van dit jaar.", SRC_KIA);
        amount(in, steps, WinstKeys.MIA, "Af: milieu-investeringsaftrek", "De MIA van dit jaar.", SRC_KIA);
        amount(in, steps, WinstKeys.BIJTELLING, "Bij: desinvesteringsbijtelling", "De bijtelling bij verkoop binnen 5 jaar.", SRC_KIA);
        Expr kosten = ref(input("gemengdeKosten"));
        Expr tachtig = times(kosten, minus(num("1"), ref("GK_Pct")));
        Expr gk = drempelMogelijk
                ? ifThen(equal(lower(ref(input("gemengdeKostenKeuze"))), text("drempel")), min(max(num("0"), kosten), ref("GK_Drempel")), tachtig)
                : tachtig;
        steps.add(Step.amount(WinstKeys.GEMENGDE_KOSTEN, "Bij: niet-aftrekbaar deel gemengde kosten", gk)
                .rule("Kosten van voedsel, drank, representatie en congressen: bij de keuze 'drempel' is het deel tot "
                        + (drempelMogelijk ? DutchText.euro(params.get("GK_Drempel").parameter().number()) : "de drempel")
                        + " niet aftrekbaar; bij de keuze '80%' is "
                        + DutchText.percent(BigDecimal.ONE.subtract(params.get("GK_Pct").parameter().number()))
                        + " niet aftrekbaar. Het niet-aftrekbare deel komt"
                        + " bij de winst.", "Wet IB 2001 art. 3.15"));
        steps.add(Step.amount(WinstKeys.FISCAAL, "Fiscale winst uit onderneming",
                plus(minus(minus(minus(plus(ref(WinstKeys.WINST), ref(WinstKeys.KOR)), ref(WinstKeys.KIA)), ref(WinstKeys.EIA)), ref(WinstKeys.MIA)),
                        plus(ref(WinstKeys.BIJTELLING), ref(WinstKeys.GEMENGDE_KOSTEN))))
                .rule("Winst + KOR − KIA − EIA − MIA + desinvesteringsbijtelling + niet-aftrekbare gemengde kosten.",
                        "Wet IB 2001 art. 3.8 en afdeling 3.2.2")
                .named("WINST_Fiscaal"));

        steps.add(Step.amount(WinstKeys.URENCRITERIUM, "Urencriterium gehaald?",
                greaterOrEqual(ref(input("uren")), ref("Urencriterium"))).format(Format.JANEE)
                .rule("Ten minste " + params.get("Urencriterium").parameter().number().toPlainString() + " uur aan de"
                        + " onderneming besteed.", params.get("Urencriterium").parameter().source()));
        steps.add(Step.amount(WinstKeys.AOW, "AOW-leeftijd bereikt aan het begin van het jaar?", yes("aowLeeftijd")).format(Format.JANEE)
                .rule("Zoals ingevoerd (ja/nee).", ""));
        steps.add(Step.amount(WinstKeys.STARTERSRECHT, "Recht op startersaftrek?",
                and(ref(WinstKeys.URENCRITERIUM), yes("starter"))).format(Format.JANEE)
                .rule("Urencriterium en starter (in een of meer van de 5 voorgaande jaren geen ondernemer en daarin ten"
                        + " hoogste 2 keer zelfstandigenaftrek). Bij de AOW-leeftijd vervalt het recht niet; het lagere bedrag staat bij de startersaftrek.",
                        params.get("SA_Bedrag").parameter().source()));
        steps.add(Step.amount(WinstKeys.ZELFSTANDIGENAFTREK_BASIS, "Zelfstandigenaftrek vóór beperking",
                ifThen(ref(WinstKeys.URENCRITERIUM), ifThen(ref(WinstKeys.AOW), times(ref("ZA_Bedrag"), ref("ZA_AowFactor")), ref("ZA_Bedrag")),
                        num("0")))
                .rule("Alleen met het urencriterium: " + DutchText.euro(params.get("ZA_Bedrag").parameter().number())
                        + " in " + y + ", " + part(params.get("ZA_AowFactor").parameter().number()) + " bij de AOW-leeftijd.",
                        params.get("ZA_Bedrag").parameter().source()));
        steps.add(Step.amount(WinstKeys.ZELFSTANDIGENAFTREK, "Zelfstandigenaftrek",
                ifThen(ref(WinstKeys.STARTERSRECHT), ref(WinstKeys.ZELFSTANDIGENAFTREK_BASIS), min(ref(WinstKeys.ZELFSTANDIGENAFTREK_BASIS), max(num("0"), ref(WinstKeys.FISCAAL)))))
                .rule("Niet meer dan de fiscale winst (niet-benutte aftrek is 9 jaar te verrekenen; dat doet rekenblad niet),"
                        + " behalve wie recht heeft op de startersaftrek.", params.get("ZA_Bedrag").parameter().source()));
        steps.add(Step.amount(WinstKeys.STARTERSAFTREK, "Startersaftrek", ifThen(ref(WinstKeys.STARTERSRECHT),
                ifThen(ref(WinstKeys.AOW), ref("SA_AowBedrag"), ref("SA_Bedrag")), num("0")))
                .rule("Verhoging van de zelfstandigenaftrek voor starters: " + DutchText.euro(params.get("SA_Bedrag").parameter()
                        .number()) + ", of " + DutchText.euro(params.get("SA_AowBedrag").parameter().number())
                        + " bij de AOW-leeftijd aan het begin van het jaar.", params.get("SA_AowBedrag").parameter().source()));
        Expr p = ref(input("partnerUren"));
        Expr pct = ifThen(greaterOrEqual(p, ref("MWA_Uren4")), ref("MWA_Pct4"),
                ifThen(greaterOrEqual(p, ref("MWA_Uren3")), ref("MWA_Pct3"),
                        ifThen(greaterOrEqual(p, ref("MWA_Uren2")), ref("MWA_Pct2"),
                                ifThen(greaterOrEqual(p, ref("MWA_Uren1")), ref("MWA_Pct1"), num("0")))));
        steps.add(Step.amount(WinstKeys.MEEWERKAFTREK, "Meewerkaftrek", ifThen(ref(WinstKeys.URENCRITERIUM), times(max(num("0"), ref(WinstKeys.FISCAAL)), pct), num("0")))
                .rule("Voor een partner die onbetaald meewerkt: " + bands(params, "MWA_Pct", DutchText::percent)
                        + " van de winst vanaf " + bands(params, "MWA_Uren", DutchText::number)
                        + " uur (met het urencriterium).", params.get("MWA_Pct1").parameter().source()));
        steps.add(Step.amount(WinstKeys.STAKINGSAFTREK, "Stakingsaftrek", min(max(num("0"), ref(input("stakingswinst"))), ref("STA_Max")))
                .rule("Bij staking: de stakingswinst, ten hoogste " + DutchText.euro(params.get("STA_Max").parameter().number())
                        + " (eerder gebruikte stakingsaftrek telt niet mee in rekenblad).", params.get("STA_Max").parameter().source()));
        steps.add(Step.amount(WinstKeys.ONDERNEMERSAFTREK, "Ondernemersaftrek", plus(plus(ref(WinstKeys.ZELFSTANDIGENAFTREK), ref(WinstKeys.STARTERSAFTREK)), plus(ref(WinstKeys.MEEWERKAFTREK), ref(WinstKeys.STAKINGSAFTREK))))
                .rule("Zelfstandigenaftrek + startersaftrek + meewerkaftrek + stakingsaftrek (S&O-aftrek niet"
                        + " opgenomen).", "Wet IB 2001 art. 3.74"));
        steps.add(Step.amount(WinstKeys.NA_ONDERNEMERSAFTREK, "Winst na ondernemersaftrek", minus(ref(WinstKeys.FISCAAL), ref(WinstKeys.ONDERNEMERSAFTREK)))
                .rule("Fiscale winst min ondernemersaftrek.", "Wet IB 2001 art. 3.74").named("WINST_NaOndernemersaftrek"));
        Parameter mkb = params.get("MKB_Pct").parameter();
        steps.add(Step.amount(WinstKeys.MKB_VRIJSTELLING, "MKB-winstvrijstelling", times(ref(WinstKeys.NA_ONDERNEMERSAFTREK), ref("MKB_Pct")))
                .rule(DutchText.percent(mkb.number()) + " van de winst na ondernemersaftrek in " + y
                        + "; bij een verlies verkleint zij het verlies.", mkb.source())
                .named("WINST_MKBVrijstelling"));
        steps.add(Step.amount(WinstKeys.BELASTBAAR, "Belastbare winst uit onderneming", minus(ref(WinstKeys.NA_ONDERNEMERSAFTREK), ref(WinstKeys.MKB_VRIJSTELLING)))
                .rule("Winst na ondernemersaftrek min MKB-winstvrijstelling.", mkb.source()).named("WINST_Belastbaar"));

        layout.section("Van winst naar fiscale winst " + y, List.of("Bedrag"));
        for (String k : List.of(WinstKeys.WINST, WinstKeys.KOR, WinstKeys.KIA, WinstKeys.EIA, WinstKeys.MIA, WinstKeys.BIJTELLING, WinstKeys.GEMENGDE_KOSTEN)) {
            layout.row(label(steps, k), k);
        }
        layout.total(label(steps, WinstKeys.FISCAAL), List.of(WinstKeys.FISCAAL));
        layout.section("Ondernemersaftrek", List.of("Bedrag"));
        for (String k : List.of(WinstKeys.URENCRITERIUM, WinstKeys.AOW, WinstKeys.STARTERSRECHT, WinstKeys.ZELFSTANDIGENAFTREK_BASIS, WinstKeys.ZELFSTANDIGENAFTREK, WinstKeys.STARTERSAFTREK, WinstKeys.MEEWERKAFTREK, WinstKeys.STAKINGSAFTREK)) {
            layout.row(label(steps, k), k);
        }
        layout.total(label(steps, WinstKeys.ONDERNEMERSAFTREK), List.of(WinstKeys.ONDERNEMERSAFTREK));
        layout.total(label(steps, WinstKeys.NA_ONDERNEMERSAFTREK), List.of(WinstKeys.NA_ONDERNEMERSAFTREK));
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

    /** An amount typed into the input, or taken over from another output (then a constant, with its origin). */
    private static void amount(WinstInput in, List<Step> steps, String field, String label, String rule, String source) {
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
        return or(equal(v, text("ja")), equal(v, text("yes")), equal(v, text("true")));
    }

    private static String label(List<Step> steps, String key) {
        return steps.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().label();
    }



    /** The four meewerkaftrek bands of one kind, "1,25% / 2% / 3% / 4%" or "525 / 875 / 1.225 / 1.750". */
    private static String bands(Map<String, UsedParameter> params, String prefix,
            java.util.function.Function<BigDecimal, String> format) {
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
