package nl.rekenblad.btw;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.InvalidInputException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * From a bookkeeping package's VAT codes to the rubrieken of the return: the mapping a bookkeeper gives
 * ({@code vatID=rubriek}, one per line) and, for a code without a line, a proposal from what the auditfile says of
 * it, with its reason. Pure.
 */
public final class BtwCodes {
    /** The word that keeps a code out of the return (a code for wages, a memo code …). */
    public static final String NEGEREN = "negeren";
    /** A code's text on the sheet and in the mapping file is at most this long. */
    static final int MAX_LINE = 200;

    private BtwCodes() {}

    /**
     * Where a code's amounts go.
     *
     * @param rubriek the rubriek, or empty for {@code negeren}
     * @param reden   why: "opgegeven in …" or what the proposal was based on
     */
    public record Toewijzing(Optional<Rubriek> rubriek, String reden, String soort) {
        public Toewijzing(Optional<Rubriek> rubriek, String reden) {
            this(rubriek, reden, "");
        }

        /** 3b services taxed in another EU country: they do not count towards the KOR's omzetgrens. */
        public boolean diensten() {
            return "diensten".equals(soort);
        }

        /** The text on the Btw-codes sheet: "rubriek 1a", or "negeren". */
        public String tekst() {
            return rubriek.map(r -> label(r.code())).orElse(NEGEREN);
        }

        /** The text in a mapping file: "1a", "3b-diensten", or "negeren". */
        public String code() {
            return rubriek.map(Rubriek::code).orElse(NEGEREN) + (soort.isEmpty() ? "" : "-" + soort);
        }
    }

    /**
     * What the file says of a code on one side, for a proposal.
     *
     * @param verlegdGeboekt most of its lines book the btw on both its payable and its claimable account
     * @param perRekening    it is a ledger account read per account, not a VAT code
     * @param btwRekening    read per account: it is a VAT account (else a revenue account)
     */
    public record Kenmerken(
            String omschrijving,
            BigDecimal percentage,
            XafBerekening.Kant kant,
            boolean verlegdGeboekt,
            boolean perRekening,
            boolean btwRekening) {}

    /**
     * The sign that turns a credit-positive amount into the rubriek's own direction: supplies (1a–1e, 3a–3c) count
     * credit positive, acquisitions (2a, 4a, 4b) and voorbelasting (5b) debit positive.
     */
    public static int teken(Rubriek r) {
        return r.reverseChargedToYou() || r == Rubriek.R5B ? -1 : 1;
    }

    /** Reverse-charged btw that is also claimable counts in 5b as well (the return asks it twice). */
    public static boolean ookVoorbelasting(Rubriek r, boolean teVorderen) {
        return r.reverseChargedToYou() && teVorderen;
    }

    /** The text for a rubriek in a sheet's criteria: "rubriek 1a" (a bare "1a" could be read as a time). */
    public static String label(String code) {
        return "rubriek " + code;
    }

    /** Reads a mapping file: {@code vatID=rubriek} per line, {@code #} starts a comment line. */
    public static Map<String, Toewijzing> lees(String text, String bron) throws InvalidInputException {
        Map<String, Toewijzing> m = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = bron + " › regel " + (i + 1);
            int eq = line.lastIndexOf('=');
            if (eq <= 0 || line.length() > MAX_LINE) {
                throw InvalidInputException.of(
                        where,
                        "verwacht btw-code=rubriek, bijvoorbeeld 21V=1a, of per kant 21V:verkoop=1a"
                                + " en 21V:inkoop=5b (rubrieken: "
                                + Rubriek.codes() + " of " + NEGEREN + ")");
            }
            String code = line.substring(0, eq).strip();
            int colon = code.lastIndexOf(':');
            if (colon > 0) {
                String kant = code.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
                if (XafBerekening.Kant.of(kant).isEmpty()) {
                    throw InvalidInputException.of(
                            where,
                            "\"" + code.substring(colon + 1).strip() + "\" is geen kant; verwacht"
                                    + " code:verkoop=rubriek of code:inkoop=rubriek (of code=rubriek voor beide kanten)");
                }
                code = code.substring(0, colon).strip() + ":" + kant;
            }
            String value =
                    line.substring(eq + 1).strip().toLowerCase(Locale.ROOT).replaceFirst("^rubriek\\s+", "");
            String soort = "";
            if (value.equals("3b-goederen") || value.equals("3b-diensten")) {
                soort = value.substring(3);
                value = "3b";
            }
            Optional<Rubriek> r = Rubriek.ofCode(value);
            if (r.isEmpty() && !value.equals(NEGEREN)) {
                throw InvalidInputException.of(
                        where,
                        "\"" + value + "\" is geen rubriek; verwacht een van " + Rubriek.codes()
                                + ", 3b-goederen, 3b-diensten of " + NEGEREN);
            }
            if (m.containsKey(code)) {
                throw InvalidInputException.of(where, "btw-code \"" + code + "\" staat er twee keer in");
            }
            m.put(code, new Toewijzing(r, "opgegeven in " + bron, soort));
        }
        return m;
    }

    /** The mapping file that gives {@code mapping} back: to edit and pass with {@code --btwcodes} next time. */
    public static String tekst(Map<String, Toewijzing> mapping, Map<String, String> omschrijvingen, String optie) {
        StringBuilder sb = new StringBuilder();
        String wat = optie.equals("--rekeningen") ? "rekening" : "btw-code";
        sb.append("# ")
                .append(wat)
                .append(":kant=rubriek, kant verkoop of inkoop; ")
                .append(wat)
                .append("=rubriek geldt voor")
                .append(" beide kanten (")
                .append(Rubriek.codes())
                .append(", 3b-goederen, 3b-diensten of ")
                .append(NEGEREN)
                .append(")\n");
        sb.append("# geschreven door rekenblad; pas aan en geef terug met ")
                .append(optie)
                .append('\n');
        for (Map.Entry<String, Toewijzing> e : mapping.entrySet()) {
            String id = e.getKey().replaceFirst(":(verkoop|inkoop)$", "");
            String oms = omschrijvingen.getOrDefault(id, "").replaceAll("\\R", " ");
            sb.append("# ")
                    .append(oms.isEmpty() ? id : oms)
                    .append(": ")
                    .append(e.getValue().reden())
                    .append('\n');
            sb.append(e.getKey()).append('=').append(e.getValue().code()).append('\n');
        }
        return sb.toString();
    }

    private static final Pattern HOOG = word("hoog|21|19");
    private static final Pattern LAAG = word("laag|9|6");
    private static final Pattern NUL = word("nul|0|0%|vrij|vrijgesteld|geen btw");
    private static final Pattern VERLEGD =
            word("verlegd|verlegde|verlegging|verleggingen|verleggingsregeling|verleggingsregelingen|reverse charge"
                    + "|btw verlegd");
    private static final Pattern EU =
            word("icp|intracommunautair|intracommunautaire|intra-communautair|intra-communautaire"
                    + "|binnen eu|binnen de eu|eu|ic");
    private static final Pattern BUITEN_EU =
            word("export|uitvoer|buiten eu|buiten de eu|non-eu|import|invoer|derde landen");
    private static final Pattern PRIVE = word("prive|privegebruik");
    private static final Pattern DIENST = word("dienst|diensten");
    private static final Pattern GOED = word("goederen|goed|levering|leveringen|icp");

    private static Pattern word(String alternatives) {
        return Pattern.compile("(?<![\\p{L}\\d])(" + alternatives + ")(?![\\p{L}\\d])");
    }

    /** The description lowercased without accents: "Privé" is "prive". */
    static String normalize(String s) {
        return nl.rekenblad.auditfile.Grootboek.normalize(s);
    }

    private static final Pattern INSTALLATIE =
            word("installatie|installaties|afstandsverkoop|afstandsverkopen|televerkoop" + "|op afstand");
    private static final Pattern OVERIG = word("overig|overige|ander|andere");
    private static final Pattern VRIJGESTELD = word("vrijgesteld|vrijgestelde|vrijstelling");

    private static final Pattern INKOOP = word("voorbelasting|inkoop|inkopen|invoer|verwerving|verwervingen|aftrekbaar"
            + "|te vorderen|douane|leveringen uit|diensten uit");
    private static final Pattern VERKOOP =
            word("verkoop|verkopen|omzet|uitvoer|leveringen naar|levering naar|af te dragen");
    private static final Pattern DOUANE = word("douane");
    private static final Pattern AFTREK = word("voorbelasting|te vorderen|aftrek|aftrekbaar|aftrekbare");

    /** The side a code's description names ("Voorbelasting 21%", "Verkoop binnen de EU"), if only one. */
    public static Optional<XafBerekening.Kant> kant(String omschrijving) {
        String d = normalize(omschrijving);
        boolean in = INKOOP.matcher(d).find();
        boolean uit = VERKOOP.matcher(d).find();
        return in == uit ? Optional.empty() : Optional.of(in ? XafBerekening.Kant.INKOOP : XafBerekening.Kant.VERKOOP);
    }

    /** Whether a code's description names privégebruik (btw owed on private use: always a supply, 1d). */
    public static boolean prive(String omschrijving) {
        return PRIVE.matcher(normalize(omschrijving)).find();
    }

    /** Whether a code's description names deductible btw (voorbelasting, te vorderen, aftrek): a 5b code. */
    public static boolean aftrek(String omschrijving) {
        return AFTREK.matcher(normalize(omschrijving)).find();
    }

    /**
     * A rubriek for a code and side without a mapping line, from the code's description, percentage and side;
     * empty when nothing points one way. On the inkoop side: 4a for imports, 4b for acquisitions from the EU, 2a
     * for other reverse-charged btw (the description, or the btw booked on both accounts), else voorbelasting 5b. On
     * the verkoop side: 1d privé, 3c installation and distance sales, 3a exports, 3b within the EU, 1e reverse
     * charge to the customer, then the rate (21/19% 1a, 9/6% 1b, another 1c, 0% 1e), then the words.
     */
    public static Optional<Toewijzing> voorstel(Kenmerken k) {
        String d = normalize(k.omschrijving());
        boolean verlegd = VERLEGD.matcher(d).find();
        boolean eu = EU.matcher(d).find();
        boolean buitenEu = BUITEN_EU.matcher(d).find();
        String kant = k.perRekening()
                ? (k.btwRekening() ? "btw-rekening" : "omzetrekening") + ", "
                        + k.kant().tekst()
                : "kant " + k.kant().tekst();
        String pct = k.percentage() == null
                ? ""
                : ", " + k.percentage().stripTrailingZeros().toPlainString() + "%";
        if (k.kant() == XafBerekening.Kant.INKOOP) {
            if (k.perRekening() && !k.btwRekening()) {
                return Optional.empty();
            }
            String geboekt = k.verlegdGeboekt() ? "; de btw staat op de rekeningen te betalen én te vorderen" : "";
            if (AFTREK.matcher(d).find()) {
                return of(
                        Rubriek.R5B,
                        "voorbelasting (omschrijving; ook de aftrek van verlegde btw die apart is geboekt); " + kant
                                + pct);
            }
            if (DOUANE.matcher(d).find()) {
                return of(
                        Rubriek.R5B,
                        "btw bij invoer betaald aan de douane is voorbelasting (omschrijving); " + kant + pct);
            }
            if (buitenEu) {
                return of(Rubriek.R4A, "invoer of dienst van buiten de EU (omschrijving)" + geboekt + "; " + kant);
            }
            if (eu) {
                return of(Rubriek.R4B, "verwerving of dienst uit de EU (omschrijving)" + geboekt + "; " + kant);
            }
            if (verlegd || k.verlegdGeboekt()) {
                return of(
                        Rubriek.R2A,
                        "btw naar u verlegd, binnenland (" + (verlegd ? "omschrijving" : "geboekt als verlegd") + ")"
                                + geboekt + "; " + kant);
            }
            return of(Rubriek.R5B, "voorbelasting; " + kant + pct);
        }
        if (PRIVE.matcher(d).find()) {
            return of(Rubriek.R1D, "omschrijving noemt privégebruik; " + kant);
        }
        if (INSTALLATIE.matcher(d).find()) {
            return of(Rubriek.R3C, "installatie of afstandsverkoop in de EU (omschrijving); " + kant);
        }
        if (buitenEu) {
            return of(Rubriek.R3A, "levering buiten de EU, uitvoer (omschrijving); " + kant);
        }
        if (eu) {
            if (DIENST.matcher(d).find() && !GOED.matcher(d).find()) {
                return Optional.of(new Toewijzing(
                        Optional.of(Rubriek.R3B),
                        "voorstel: dienst aan een ondernemer in een ander"
                                + " EU-land, daar belast (omschrijving); telt niet mee voor de omzetgrens van de KOR; "
                                + kant,
                        "diensten"));
            }
            if (GOED.matcher(d).find() && !DIENST.matcher(d).find()) {
                return Optional.of(new Toewijzing(
                        Optional.of(Rubriek.R3B),
                        "voorstel: levering van goederen binnen de EU" + " (omschrijving); " + kant,
                        "goederen"));
            }
            return of(Rubriek.R3B, "levering of dienst binnen de EU (omschrijving); " + kant);
        }
        if (verlegd) {
            return of(Rubriek.R1E, "btw verlegd naar de afnemer (omschrijving); " + kant);
        }
        if (VRIJGESTELD.matcher(d).find()) {
            return Optional.of(new Toewijzing(
                    Optional.empty(),
                    "voorstel: vrijgestelde prestaties staan niet op de aangifte" + " (omschrijving); " + kant));
        }
        BigDecimal p = k.percentage();
        if (p != null && p.signum() > 0) {
            int c = p.stripTrailingZeros().scale() <= 0 ? p.intValue() : -1;
            if (c == 21 || c == 19) {
                return of(Rubriek.R1A, "hoog tarief (" + c + "%); " + kant);
            }
            if (c == 9 || c == 6) {
                return of(Rubriek.R1B, "laag tarief (" + c + "%); " + kant);
            }
            return of(Rubriek.R1C, "overig tarief" + pct + "; " + kant);
        }
        if (HOOG.matcher(d).find()) {
            return of(Rubriek.R1A, "omschrijving noemt hoog tarief; " + kant);
        }
        if (LAAG.matcher(d).find()) {
            return of(Rubriek.R1B, "omschrijving noemt laag tarief; " + kant);
        }
        if (OVERIG.matcher(d).find() && !k.perRekening()) {
            return of(Rubriek.R1C, "omschrijving noemt overige tarieven; " + kant);
        }
        if (zero(p) || NUL.matcher(d).find()) {
            return of(Rubriek.R1E, "0% of niet bij u belast; " + kant);
        }
        return Optional.empty();
    }

    private static boolean zero(BigDecimal p) {
        return p != null && p.signum() == 0;
    }

    private static Optional<Toewijzing> of(Rubriek r, String reden) {
        return Optional.of(new Toewijzing(Optional.of(r), "voorstel: " + reden));
    }
}
