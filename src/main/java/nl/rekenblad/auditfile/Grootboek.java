package nl.rekenblad.auditfile;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a ledger account is, read from what the file says of it: its {@code accTp}, its RGS code (Referentie
 * GrootboekSchema: B… balans, W… winst-en-verlies; {@code BSch…Btw…}/{@code BVor…Btw…} btw, {@code WOmz…} netto-omzet,
 * {@code BLim…} liquide middelen), its number in the Dutch decimal chart of accounts (0–3 balans, 4–7 kosten, 8
 * omzet, 9 overige resultaten) and its description. Each answer says what it was based on, so a sheet can show it.
 * Pure and stateless.
 */
public final class Grootboek {
    private Grootboek() {}

    /** A classification with the reason it was made. */
    public record Indeling<T>(T waarde, String bron) {}

    /** The role of an account in the btw: owed (5a side), claimable (5b side), or one account for both. */
    public enum BtwRol {
        TE_BETALEN("te betalen"),
        TE_VORDEREN("te vorderen"),
        BEIDE("te betalen en te vorderen");

        private final String tekst;

        BtwRol(String tekst) {
            this.tekst = tekst;
        }

        public String tekst() {
            return tekst;
        }
    }

    private static final Pattern BTW_WOORD = word("btw|omzetbelasting|voorbelasting|vat|b\\.t\\.w\\.");
    private static final Pattern VORDEREN =
            word("te vorderen|voorbelasting|vordering|te ontvangen|input vat|vat receivable");
    private static final Pattern BETALEN =
            word("te betalen|af te dragen|verschuldigd|verschuldigde|afdracht|output vat" + "|vat payable");
    private static final Pattern OMZET = word("omzet|opbrengst|opbrengsten|verkoop|verkopen|omzetten|revenue|sales");
    /** Words that make an account in the 8000s or with "verkopen" in its name a cost: "Kostprijs verkopen". */
    private static final Pattern GEEN_OMZET = word(
            "kostprijs|inkoop|inkopen|inkoopwaarde|kosten|hulprekening" + "|tussenrekening|voorraad|korting inkoop");

    private static final Pattern LIQUIDE = word(
            "kas|bank|kruisposten|ing|rabobank|abn amro|abn|triodos|knab|bunq|giro" + "|postbank|kassa|creditcard");

    private static final Pattern CREDITEUR =
            word("cre|crediteur|crediteuren|leverancier|leveranciers|handelscrediteuren"
                    + "|accounts payable|creditors|suppliers");
    private static final Pattern DEBITEUR =
            word("deb|debiteur|debiteuren|handelsdebiteuren|klant|klanten" + "|accounts receivable|debtors|customers");

    private static Pattern word(String alternatives) {
        return Pattern.compile("(?<![\\p{L}\\d])(" + alternatives + ")(?![\\p{L}\\d])");
    }

    /** Lowercase without accents: "Privé" is "prive". */
    public static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the account is a result account (winst-en-verlies): {@code accTp} P or B where the file says so; for
     * {@code accTp} M (mixed) or none, the RGS code (W or B), else the Dutch decimal chart (accounts 4–9 are results).
     * {@code null} value: nothing tells.
     */
    public static Indeling<Boolean> resultaat(Auditfile.Rekening r) {
        switch (r.accTp()) {
            case "P" -> {
                return new Indeling<>(true, "accTp P");
            }
            case "B" -> {
                return new Indeling<>(false, "accTp B");
            }
            default -> {
                // M (gemengd) or missing: look further
            }
        }
        if (!r.rgs().isEmpty()) {
            char c = r.rgs().charAt(0);
            if (c == 'W' || c == 'B') {
                return new Indeling<>(c == 'W', "RGS-code " + r.rgs());
            }
        }
        String id = r.accID();
        if (!id.isEmpty() && Character.isDigit(id.charAt(0)) && id.chars().allMatch(Character::isDigit)) {
            boolean result = id.charAt(0) >= '4';
            return new Indeling<>(
                    result, "rekeningnummer " + id + " (decimaal rekeningstelsel: 0–3 balans, 4–9 resultaat)");
        }
        return new Indeling<>(
                null,
                "accTp " + (r.accTp().isEmpty() ? "ontbreekt" : r.accTp())
                        + ", geen RGS-code en geen rekeningnummer van het decimale stelsel");
    }

    /**
     * Whether a result account is revenue (netto-omzet): RGS {@code WOmz…}; else not when the description names a cost
     * (kostprijs, inkoop, kosten, hulprekening), yes when it names revenue (omzet, opbrengst, verkoop); else accounts
     * 8xxx.
     */
    public static boolean omzet(Auditfile.Rekening r) {
        if (!r.rgs().isEmpty()) {
            return r.rgs().startsWith("WOmz");
        }
        String d = normalize(r.accDesc());
        if (GEEN_OMZET.matcher(d).find()) {
            return false;
        }
        if (OMZET.matcher(d).find()) {
            return true;
        }
        String id = r.accID();
        return id.length() >= 3 && id.charAt(0) == '8' && id.chars().allMatch(Character::isDigit);
    }

    /**
     * Whether a balance account holds what suppliers are owed ({@code true}: crediteuren) or what customers owe
     * ({@code false}: debiteuren): RGS {@code BSchCre…} / {@code BVorDeb…}, else the package's group ({@code leadCode}
     * CRE, DEB), else the description. {@code null} value when nothing tells. A line on such an account that carries
     * a VAT code tells the transaction's side: a purchase or a sale.
     */
    public static Indeling<Boolean> relatie(Auditfile.Rekening r) {
        String rgs = r.rgs();
        if (rgs.startsWith("BSchCre")) {
            return new Indeling<>(true, "RGS-code " + rgs);
        }
        if (rgs.startsWith("BVorDeb")) {
            return new Indeling<>(false, "RGS-code " + rgs);
        }
        for (String tekst : new String[] {r.groep(), r.accDesc()}) {
            String d = normalize(tekst);
            boolean cre = CREDITEUR.matcher(d).find();
            boolean deb = DEBITEUR.matcher(d).find();
            if (cre != deb) {
                return new Indeling<>(cre, (tekst == r.groep() ? "groep \"" : "omschrijving \"") + tekst + "\"");
            }
        }
        return new Indeling<>(null, "");
    }

    /** Whether a balance account holds cash or bank: RGS {@code BLim…}/{@code BLiq…}, else the description. */
    public static boolean liquide(Auditfile.Rekening r) {
        if (!r.rgs().isEmpty()) {
            return r.rgs().startsWith("BLim") || r.rgs().startsWith("BLiq");
        }
        return LIQUIDE.matcher(normalize(r.accDesc())).find();
    }

    /**
     * The btw role of an account the VAT codes do not name: by its RGS code ({@code BSch…Btw…} or {@code BVor…Btw…},
     * {@code BVorVbe} voorbelasting) or by a description that names btw; the side from the words (te vorderen,
     * voorbelasting / te betalen, af te dragen), else the RGS group ({@code BVor} receivable), else both.
     * {@code null} value when the account is not a btw account.
     */
    public static Indeling<BtwRol> btwRol(Auditfile.Rekening r) {
        String d = normalize(r.accDesc());
        String rgs = r.rgs();
        boolean viaRgs = !rgs.isEmpty() && (rgs.matches("B(Sch|Vor)\\w*Btw\\w*") || rgs.startsWith("BVorVbe"));
        boolean viaWoord = BTW_WOORD.matcher(d).find() && !r.accTp().equals("P") && !rgs.startsWith("W");
        if (!viaRgs && !viaWoord) {
            return new Indeling<>(null, "");
        }
        String bron = viaRgs ? "RGS-code " + rgs : "omschrijving \"" + r.accDesc() + "\"";
        if (VORDEREN.matcher(d).find()) {
            return new Indeling<>(BtwRol.TE_VORDEREN, bron + ", te vorderen");
        }
        if (BETALEN.matcher(d).find()) {
            return new Indeling<>(BtwRol.TE_BETALEN, bron + ", te betalen");
        }
        if (viaRgs && (rgs.startsWith("BVor"))) {
            return new Indeling<>(BtwRol.TE_VORDEREN, bron + " (vordering)");
        }
        return new Indeling<>(BtwRol.BEIDE, bron + "; niet te zien of het te betalen of te vorderen btw is");
    }
}
