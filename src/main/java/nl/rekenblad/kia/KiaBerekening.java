package nl.rekenblad.kia;

import static nl.rekenblad.kia.KiaKeys.asset;
import static nl.rekenblad.kia.KiaKeys.depreciation;
import static nl.rekenblad.kia.KiaKeys.disposal;
import static nl.rekenblad.kia.KiaKeys.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.SpreadsheetDate;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.PerAfschrijving;
import nl.rekenblad.kia.KiaKeys.PerJaar;
import nl.rekenblad.kia.KiaKeys.PerVerkoopjaar;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.kia.KiaKeys.Veld;
import nl.rekenblad.rules.RuleBook;

/**
 * The investment register worked out: KIA per calendar year from that year's table (art. 3.41
 * Wet IB 2001), each asset's share, the desinvesteringsbijtelling (art. 3.47), EIA and MIA beside
 * it, and straight-line depreciation. Each rule is its own class ({@link Kwalificatie}, {@link KiaTabel},
 * {@link EiaMia}, {@link Desinvestering}, {@link Afschrijving}); this one puts them in order and lays out the
 * sheets. Pure: no spreadsheet or file code; every figure is a {@link nl.rekenblad.core.Step}, so Java, the
 * formulas and the explanation come from one definition.
 */
public final class KiaBerekening {
    /** The KIA sheet, the disposals sheet and the depreciation sheet, each laid out on its own. */
    public static final String KIA = "KIA";
    public static final String DESINVESTERINGEN = "Desinvesteringen";
    public static final String AFSCHRIJVINGEN = "Afschrijvingen";

    /**
     * Assets per register at most. Each asset has some forty steps and a depreciation row per year, all kept with
     * their formulas: 5.000 assets ran in 8 s within 512 MB of heap on the project's 2-core machine, 10.000 did not.
     */
    public static final int MAX_ACTIVA = 5_000;

    private final RuleBook rules;

    public KiaBerekening(RuleBook rules) {
        this.rules = rules;
    }

    public static KiaBerekening withBundledRules() {
        return new KiaBerekening(RuleBook.load("kia"));
    }

    /**
     * Works out the register: which assets count, the KIA per year from its table, each asset's share, EIA and
     * MIA, the desinvesteringsbijtelling and the depreciation, each rule by its own class, in that order.
     *
     * @throws InvalidInputException for an empty register, a disposal before the investment, or EIA/MIA in a
     *                               year the rules do not cover
     */
    public KiaResult calculate(KiaInput in) throws InvalidInputException {
        List<Activum> activa = in.activa();
        if (activa.isEmpty()) {
            throw InvalidInputException.of(in.bron(), "het register bevat geen bedrijfsmiddelen");
        }
        if (activa.size() > MAX_ACTIVA) {
            throw InvalidInputException.of(in.bron(), "het register heeft " + activa.size() + " bedrijfsmiddelen; rekenblad"
                    + " werkt er ten hoogste " + MAX_ACTIVA + " per register uit (elk met zijn formules en afschrijvingsstaat"
                    + " in het werkboek); splits het register, bijvoorbeeld per jaar van investering");
        }
        List<Problem> warnings = new ArrayList<>(in.warnings());
        List<Problem> errors = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        TreeSet<Integer> disposalYears = new TreeSet<>();
        for (Activum a : activa) {
            years.add(a.investeringsjaar());
            if (a.uitgesteld()) {
                years.add(a.ingebruikname().get().getYear());
            }
            if (a.verkoopdatum().isPresent()) {
                int d = a.verkoopdatum().get().getYear();
                if (d <= a.investeringsjaar() + Desinvestering.JAREN_NA_INVESTERING) {
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
        KiaOpbouw b = new KiaOpbouw(rules, in, years, disposalYears, warnings);
        for (int y : years) {
            for (Regel r : KiaTabel.TABEL) {
                b.use(r, y, "KIA-tabel");
            }
        }
        for (int d : disposalYears) {
            b.use(Regel.KIA_X, d, "drempel voor de desinvesteringsbijtelling");
        }
        Kwalificatie.add(b);
        KiaTabel.add(b);
        KiaTabel.shares(b);
        EiaMia.add(b);
        Desinvestering.add(b);
        List<Integer> depList = Afschrijving.years(b);
        Afschrijving.add(b, depList);
        String caps = Afschrijving.capWords(rules, depList.isEmpty() ? years.first() : depList.get(0), " per jaar");
        Map<String, Layout> layouts = Map.of(KIA, kiaLayout(b), DESINVESTERINGEN, disposalLayout(b),
                AFSCHRIJVINGEN, depreciationLayout(b, depList));
        Calculation calc = Calculation.evaluate(b.steps, known(b));
        return new KiaResult(in, calc, List.copyOf(years), List.copyOf(disposalYears), List.copyOf(depList), layouts,
                List.copyOf(b.params.values()), warnings, caps);
    }

    /** The KIA sheet: per year, then per asset. */
    private static Layout kiaLayout(KiaOpbouw b) {
        KiaInput in = b.in;
        List<Activum> activa = b.activa;
        int n = b.n;
        Layout.Builder kiaLayout = Layout.builder();
        List<String> yearHeaders = new ArrayList<>(List.of("Jaar", "Investeringen (T)", "KIA", "KIA-percentage",
                "KIA aangifte", "EIA", "MIA", "Totaal aftrek"));
        if (in.aandeel().isPresent()) {
            yearHeaders.add("KIA vennoot");
        }
        kiaLayout.section("Kleinschaligheidsinvesteringsaftrek per jaar", yearHeaders);
        for (int y : b.years) {
            List<String> keys = new ArrayList<>();
            for (PerJaar w : List.of(PerJaar.JAAR, PerJaar.T, PerJaar.KIA, PerJaar.PCT, PerJaar.AANGIFTE, PerJaar.EIA,
                    PerJaar.MIA, PerJaar.TOTAAL)) {
                keys.add(KiaKeys.year(y, w));
            }
            if (in.aandeel().isPresent()) {
                keys.add(KiaKeys.year(y, PerJaar.VENNOOT));
            }
            kiaLayout.row(Integer.toString(y), keys);
        }
        if (in.aandeel().isPresent()) {
            kiaLayout.section("Samenwerkingsverband", List.of("Aandeel"));
            kiaLayout.row("Aandeel van de vennoot in het samenwerkingsverband", KiaKeys.AANDEEL);
        }
        kiaLayout.section("Per bedrijfsmiddel", List.of("Telt mee", "Reden", "Jaar", "Nog niet in gebruik",
                "Bedrag in jaar", "Jaar rest", "Rest", "Telt (jaar)", "Telt (rest)", "Meegeteld", "KIA", "EIA", "MIA"));
        for (int i = 0; i < n; i++) {
            Activum a = activa.get(i);
            List<String> keys = new ArrayList<>();
            for (PerActivum w : List.of(PerActivum.TELT, PerActivum.REDEN, PerActivum.JAAR, PerActivum.UITGESTELD,
                    PerActivum.DEEL1, PerActivum.JAAR2, PerActivum.DEEL2, PerActivum.TELT1, PerActivum.TELT2,
                    PerActivum.GETELD, PerActivum.KIA, PerActivum.EIA, PerActivum.MIA)) {
                keys.add(asset(i, w));
            }
            kiaLayout.row(a.id() + " " + a.omschrijving(), keys);
        }
        return kiaLayout.build();
    }

    /** The Desinvesteringen sheet: per year of disposal, then per asset sold. */
    private static Layout disposalLayout(KiaOpbouw b) {
        Layout.Builder disLayout = Layout.builder();
        disLayout.section("Desinvesteringsbijtelling per jaar", List.of("Jaar", "Verkoopprijzen", "Drempel", "Boven drempel",
                "Bijtelling", "Bijtelling aangifte"));
        for (int d : b.disposalYears) {
            List<String> keys = new ArrayList<>();
            for (PerVerkoopjaar w : PerVerkoopjaar.values()) {
                keys.add(disposal(d, w));
            }
            disLayout.row(Integer.toString(d), keys);
        }
        disLayout.section("Verkochte bedrijfsmiddelen", List.of("Binnen 5 jaar", "Jaar", "Verkoopprijs", "KIA-percentage",
                "EIA-percentage", "MIA-percentage", "Bijtelling"));
        for (int i : Desinvestering.sold(b)) {
            Activum a = b.activa.get(i);
            disLayout.row(a.id() + " " + a.omschrijving(), asset(i, PerActivum.BINNEN5), asset(i, PerActivum.VJAAR),
                    asset(i, PerActivum.VPRIJS), asset(i, PerActivum.VPCT), asset(i, PerActivum.EIAPCT),
                    asset(i, PerActivum.MIAPCT), asset(i, PerActivum.BIJTELLING));
        }
        return disLayout.build();
    }

    /** The Afschrijvingen sheet: per asset its yearly depreciation, months in use and book value. */
    private static Layout depreciationLayout(KiaOpbouw b, List<Integer> depList) {
        Layout.Builder afsLayout = Layout.builder();
        List<String> depHeaders = new ArrayList<>(List.of("Per vol jaar", "Eerste maand", "Verkoopmaand"));
        depList.forEach(y -> depHeaders.add(Integer.toString(y)));
        depHeaders.add("Totaal");
        depHeaders.add("Boekwinst");
        afsLayout.section("Afschrijvingen en boekwaarde per bedrijfsmiddel", depHeaders);
        for (int i = 0; i < b.n; i++) {
            Activum a = b.activa.get(i);
            List<String> dep = new ArrayList<>(List.of(depreciation(i, PerAfschrijving.JAARBEDRAG),
                    depreciation(i, PerAfschrijving.START), depreciation(i, PerAfschrijving.EIND)));
            List<String> months = new ArrayList<>(java.util.Arrays.asList(null, null, null));
            List<String> book = new ArrayList<>(java.util.Arrays.asList(null, null, null));
            for (int y : depList) {
                dep.add(depreciation(i, y, PerAfschrijving.BEDRAG));
                months.add(depreciation(i, y, PerAfschrijving.MAANDEN));
                book.add(depreciation(i, y, PerAfschrijving.BOEKWAARDE));
            }
            dep.add(depreciation(i, PerAfschrijving.TOTAAL));
            dep.add(depreciation(i, PerAfschrijving.BOEKWINST));
            afsLayout.row(a.id() + " " + a.omschrijving() + ": afschrijving", dep);
            afsLayout.row("    maanden in gebruik", months);
            afsLayout.row("    boekwaarde eind jaar", book);
        }
        List<String> totals = new ArrayList<>(java.util.Arrays.asList(null, null, null));
        depList.forEach(y -> totals.add(KiaKeys.year(y, PerJaar.AFSCHRIJVING)));
        afsLayout.total("Afschrijving totaal per jaar", totals);
        return afsLayout.build();
    }

    /** The inputs (the register's cells) and the parameters, by key. */
    private static Map<String, Object> known(KiaOpbouw b) {
        Map<String, Object> known = new HashMap<>();
        for (int i = 0; i < b.n; i++) {
            Activum a = b.activa.get(i);
            known.put(input(i, Veld.ID), a.id());
            known.put(input(i, Veld.OMSCHRIJVING), a.omschrijving());
            known.put(input(i, Veld.DATUM), SpreadsheetDate.serial(a.datum()));
            known.put(input(i, Veld.BEDRAG), a.bedrag().amount());
            known.put(input(i, Veld.SOORT), a.soort().word());
            known.put(input(i, Veld.INGEBRUIKNAME), a.ingebruikname().map(SpreadsheetDate::serial).orElse(null));
            known.put(input(i, Veld.BETAALD), a.betaald().map(Money::amount).orElse(null));
            known.put(input(i, Veld.RESTWAARDE), a.restwaarde().map(Money::amount).orElse(null));
            known.put(input(i, Veld.GEBRUIKSDUUR), a.gebruiksduur().orElse(null));
            known.put(input(i, Veld.VERKOOPDATUM), a.verkoopdatum().map(SpreadsheetDate::serial).orElse(null));
            known.put(input(i, Veld.VERKOOPPRIJS), a.verkoopprijs().map(Money::amount).orElse(null));
            known.put(input(i, Veld.REGELING), a.regeling().map(Regeling::word).orElse(null));
        }
        b.params.values().forEach(p -> known.put(p.key(), p.value()));
        return known;
    }
}
