package nl.rekenblad.kia;

import nl.rekenblad.core.Calculation;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Layout;
import nl.rekenblad.core.Problem;
import nl.rekenblad.kia.KiaKeys.PerActivum;
import nl.rekenblad.kia.KiaKeys.PerAfschrijving;
import nl.rekenblad.kia.KiaKeys.PerJaar;
import nl.rekenblad.kia.KiaKeys.PerVerkoopjaar;
import nl.rekenblad.kia.KiaKeys.Regel;
import nl.rekenblad.kia.KiaKeys.Veld;
import nl.rekenblad.rules.RuleBook;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static nl.rekenblad.kia.KiaKeys.asset;
import static nl.rekenblad.kia.KiaKeys.depreciation;
import static nl.rekenblad.kia.KiaKeys.disposal;

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
     * Assets per register at most. Each asset's steps are a row of columns defined once ({@link
     * nl.rekenblad.core.RowStep}) and the result sheets are written row by row, so memory grows with the assets
     * alone: 60.000 assets (some 4 million formula cells) ran in a heap of 256 MB in 17–20 s on the project's 2-core
     * machine. A register in a workbook is bounded sooner, by the cells a workbook may have
     * ({@link nl.rekenblad.internal.io.Workbooks#MAX_CELLS}).
     */
    public static final int MAX_ACTIVA = 60_000;

    private final RuleBook rules;

    /** The refusal of a register past {@link #MAX_ACTIVA}; {@code count} as the message says it ("60.001", "meer dan 60.000"). */
    static InvalidInputException tooMany(String bron, String count) {
        return InvalidInputException.of(
                bron,
                "het register heeft " + count + " bedrijfsmiddelen; rekenblad werkt er ten"
                        + " hoogste " + DutchText.number(BigDecimal.valueOf(MAX_ACTIVA))
                        + " per register uit (elk met zijn formules"
                        + " en afschrijvingsstaat in het werkboek); splits het register, bijvoorbeeld per jaar van investering");
    }

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
            throw tooMany(in.bron(), DutchText.number(BigDecimal.valueOf(activa.size())));
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
                warnings.add(Problem.warning(
                        a.where(),
                        "betaald is ingevuld maar de datum van ingebruikname niet; het"
                                + " hele bedrag telt in " + a.investeringsjaar()
                                + " (vul ingebruikname in als het bedrijfsmiddel"
                                + " aan het eind van het jaar nog niet in gebruik was)"));
            }
            if (a.regeling().isPresent() && !rules.covers(a.regeling().get().parameter(), a.investeringsjaar())) {
                errors.add(Problem.error(
                        a.where(),
                        "geen percentage voor " + a.regeling().get().word().toUpperCase()
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
        Map<String, Layout> layouts = Map.of(
                KIA, kiaLayout(b), DESINVESTERINGEN, disposalLayout(b), AFSCHRIJVINGEN, depreciationLayout(b, depList));
        Calculation calc = Calculation.evaluate(b.parts, known(b), inputColumns(b));
        return new KiaResult(
                in,
                calc,
                List.copyOf(years),
                List.copyOf(disposalYears),
                List.copyOf(depList),
                layouts,
                List.copyOf(b.params.values()),
                warnings,
                caps);
    }

    /** The KIA sheet: per year, then per asset. */
    private static Layout kiaLayout(KiaOpbouw b) {
        KiaInput in = b.in;
        List<Activum> activa = b.activa;
        int n = b.n;
        Layout.Builder kiaLayout = Layout.builder();
        List<String> yearHeaders = new ArrayList<>(List.of(
                "Jaar", "Investeringen (T)", "KIA", "KIA-percentage", "KIA aangifte", "EIA", "MIA", "Totaal aftrek"));
        if (in.aandeel().isPresent()) {
            yearHeaders.add("KIA vennoot");
        }
        kiaLayout.section("Kleinschaligheidsinvesteringsaftrek per jaar", yearHeaders);
        for (int y : b.years) {
            List<String> keys = new ArrayList<>();
            for (PerJaar w : List.of(
                    PerJaar.JAAR,
                    PerJaar.T,
                    PerJaar.KIA,
                    PerJaar.PCT,
                    PerJaar.AANGIFTE,
                    PerJaar.EIA,
                    PerJaar.MIA,
                    PerJaar.TOTAAL)) {
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
        kiaLayout.section(
                "Per bedrijfsmiddel",
                List.of(
                        "Telt mee",
                        "Reden",
                        "Jaar",
                        "Nog niet in gebruik",
                        "Bedrag in jaar",
                        "Jaar rest",
                        "Rest",
                        "Telt (jaar)",
                        "Telt (rest)",
                        "Meegeteld",
                        "KIA",
                        "EIA",
                        "MIA"));
        List<String> columns = new ArrayList<>();
        for (PerActivum w : List.of(
                PerActivum.TELT,
                PerActivum.REDEN,
                PerActivum.JAAR,
                PerActivum.UITGESTELD,
                PerActivum.DEEL1,
                PerActivum.JAAR2,
                PerActivum.DEEL2,
                PerActivum.TELT1,
                PerActivum.TELT2,
                PerActivum.GETELD,
                PerActivum.KIA,
                PerActivum.EIA,
                PerActivum.MIA)) {
            columns.add(asset(w));
        }
        kiaLayout.table(b.all, i -> label(activa.get(i)), columns);
        return kiaLayout.build();
    }

    /** The Desinvesteringen sheet: per year of disposal, then per asset sold. */
    private static Layout disposalLayout(KiaOpbouw b) {
        Layout.Builder disLayout = Layout.builder();
        disLayout.section(
                "Desinvesteringsbijtelling per jaar",
                List.of("Jaar", "Verkoopprijzen", "Drempel", "Boven drempel", "Bijtelling", "Bijtelling aangifte"));
        for (int d : b.disposalYears) {
            List<String> keys = new ArrayList<>();
            for (PerVerkoopjaar w : PerVerkoopjaar.values()) {
                keys.add(disposal(d, w));
            }
            disLayout.row(Integer.toString(d), keys);
        }
        disLayout.section(
                "Verkochte bedrijfsmiddelen",
                List.of(
                        "Binnen 5 jaar",
                        "Jaar",
                        "Verkoopprijs",
                        "KIA-percentage",
                        "EIA-percentage",
                        "MIA-percentage",
                        "Bijtelling"));
        disLayout.table(
                Desinvestering.sold(b),
                i -> label(b.activa.get(i)),
                List.of(
                        asset(PerActivum.BINNEN5),
                        asset(PerActivum.VJAAR),
                        asset(PerActivum.VPRIJS),
                        asset(PerActivum.VPCT),
                        asset(PerActivum.EIAPCT),
                        asset(PerActivum.MIAPCT),
                        asset(PerActivum.BIJTELLING)));
        return disLayout.build();
    }

    /**
     * The Afschrijvingen sheet: a row per asset (the asset × year grid): its yearly depreciation, the total and the
     * gain on disposal, then the months in use and the book value at each year end; the totals per year below.
     */
    private static Layout depreciationLayout(KiaOpbouw b, List<Integer> depList) {
        Layout.Builder afsLayout = Layout.builder();
        List<String> headers = new ArrayList<>(List.of("Per vol jaar", "Eerste maand", "Verkoopmaand"));
        List<String> columns = new ArrayList<>(List.of(
                depreciation(PerAfschrijving.JAARBEDRAG),
                depreciation(PerAfschrijving.START),
                depreciation(PerAfschrijving.EIND)));
        for (int y : depList) {
            headers.add("Afschrijving " + y);
            columns.add(depreciation(y, PerAfschrijving.BEDRAG));
        }
        headers.add("Totaal");
        columns.add(depreciation(PerAfschrijving.TOTAAL));
        headers.add("Boekwinst");
        columns.add(depreciation(PerAfschrijving.BOEKWINST));
        for (int y : depList) {
            headers.add("Maanden " + y);
            columns.add(depreciation(y, PerAfschrijving.MAANDEN));
        }
        for (int y : depList) {
            headers.add("Boekwaarde eind " + y);
            columns.add(depreciation(y, PerAfschrijving.BOEKWAARDE));
        }
        afsLayout.section("Afschrijvingen en boekwaarde per bedrijfsmiddel", headers);
        afsLayout.table(b.all, i -> label(b.activa.get(i)), columns);
        List<String> totals = new ArrayList<>(java.util.Arrays.asList(null, null, null));
        depList.forEach(y -> totals.add(KiaKeys.year(y, PerJaar.AFSCHRIJVING)));
        afsLayout.total("Afschrijving totaal per jaar", totals);
        return afsLayout.build();
    }

    /** An asset's label on the result sheets: its id and description. */
    private static String label(Activum a) {
        return a.id() + " " + a.omschrijving();
    }

    /** The parameters, by key. */
    private static Map<String, Object> known(KiaOpbouw b) {
        Map<String, Object> known = new HashMap<>();
        b.params.values().forEach(p -> known.put(p.key(), p.value()));
        return known;
    }

    /** The register's cells, a column per field: row {@code i} is asset {@code i}. */
    private static Map<String, Object[]> inputColumns(KiaOpbouw b) {
        Map<String, Object[]> columns = new HashMap<>();
        for (Veld v : Veld.values()) {
            Object[] values = new Object[b.n];
            for (int i = 0; i < b.n; i++) {
                values[i] = b.activa.get(i).cell(v);
            }
            columns.put(KiaKeys.input(v), values);
        }
        return columns;
    }
}
