package nl.rekenblad.btw;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.auditfile.Auditfile;
import nl.rekenblad.auditfile.Grootboek;
import nl.rekenblad.auditfile.Grootboek.BtwRol;
import nl.rekenblad.core.DutchText;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.rules.RuleBook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An auditfile's transactions worked out for the btw-opstelling. Pure; not thread-safe.
 *
 * <p>Two ways of reading, chosen per file:
 * <ul>
 * <li><b>per btw-code</b> (the file has {@code vat} elements): per VAT code, side (verkoop or inkoop) and period the
 * grondslag and btw. A code may serve both sides (Exact, Multivers use one code for sales and purchases), so the
 * side of each line comes from the line itself (see {@link #kant}), never from the accounts the code names.</li>
 * <li><b>per grootboekrekening</b> (the file has no usable {@code vat} element, as Odoo writes it): the return from
 * the VAT accounts and the revenue accounts of the ledger, each account a row with its rubriek.</li>
 * </ul>
 *
 * <p>Which lines count, signed credit positive (a rubriek turns the sign afterwards, see {@link BtwCodes#teken}):
 * <ul>
 * <li>the grondslag comes only from a line that is not on a VAT account and carries the code: of those, the lines
 * on result accounts; without such lines, the only line, or the lines whose direction is that of the btw. A
 * {@code vat} element on the debtor, creditor or cash line of the same transaction (Banana writes it on every line)
 * is a <i>tegenregel</i> and adds nothing; one on the VAT account's own line (Exact, Twinfield, Banana) neither;</li>
 * <li>the btw is that of the grondslag lines' {@code vat} elements, in the grondslag's direction;</li>
 * <li>a code whose {@code vat} stands only on the VAT account's line: that line carries the btw; the grondslag is the
 * transaction's result lines without a {@code vat} element when the transaction has one code, else btw ÷
 * percentage (flagged), else 0 (flagged). Reverse-charged btw booked on both accounts counts once, on the payable
 * account; its 5b half through "ook in 5b".</li>
 * </ul>
 *
 * <p>The aansluiting: per period the return's 5a and 5b against the movement of the VAT accounts less the lines on
 * them in transactions without any VAT code (payments, transfers, corrections). What that does not explain is
 * {@link Aansluiting#onverklaard()}.
 */
public final class XafBerekening {
    /** At most this many lines without a VAT code on a VAT account are listed on the Aansluiting sheet. */
    public static final int MAX_CORRECTIES = 1_000;

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /** The side of a line: a supply (verkoop) or an acquisition (inkoop). */
    public enum Kant {
        VERKOOP("verkoop"),
        INKOOP("inkoop");

        private final String tekst;

        Kant(String tekst) {
            this.tekst = tekst;
        }

        public String tekst() {
            return tekst;
        }

        public static Optional<Kant> of(String tekst) {
            for (Kant k : values()) {
                if (k.tekst.equals(tekst)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** What rekenblad read a Boekingen row as. */
    public enum Rol {
        GRONDSLAG("grondslag en btw"),
        /** The grondslag read from a debtor's or creditor's line, the other way round (Banana's reverse charge). */
        GRONDSLAG_RELATIE("grondslag van de debiteur of crediteur (tegengesteld)"),
        BTW_REGEL("btw-rekening"),
        TEGENREGEL("tegenregel (niet geteld)"),
        CORRECTIE("zonder btw-code"),
        GROOTBOEK("per rekening");

        private final String tekst;

        Rol(String tekst) {
            this.tekst = tekst;
        }

        public String tekst() {
            return tekst;
        }
    }

    /**
     * One row of the Boekingen sheet: a line (once per {@code vat} element, the amount on the first only) with what
     * rekenblad read from it.
     *
     * @param sleutel the row's key on the Btw-codes sheet ("code 2 verkoop", "rekening 1500 inkoop"), or null
     */
    public record Boekingsregel(
            Auditfile.Transactie transactie,
            Auditfile.Regel regel,
            Auditfile.Btw btw,
            Period periode,
            BigDecimal grondslag,
            BigDecimal btwBedrag,
            BtwRol btwRekening,
            boolean eerste,
            String sleutel,
            Rol rol) {}

    /** A code (or, read per account, an account) on one side, with what its lines add up to per period. */
    static final class CodeTotalen {
        final Auditfile.BtwCode code;
        final Kant kant;
        long regels;
        long verlegdGeboekt;
        final Map<Period, BigDecimal[]> sommen = new HashMap<>();
        final Map<BigDecimal, Long> percentages = new TreeMap<>();

        CodeTotalen(Auditfile.BtwCode code, Kant kant) {
            this.code = code;
            this.kant = kant;
        }

        BigDecimal[] som(Period p) {
            return sommen.computeIfAbsent(p, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }

        /** The percentage most lines carry, or null. */
        BigDecimal percentage() {
            return percentages.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(null);
        }
    }

    /** A code on one side as it goes on the Btw-codes sheet and into JSON: amounts in the rubriek's direction. */
    public record CodeRegel(
            Auditfile.BtwCode code,
            Kant kant,
            BigDecimal percentage,
            BtwCodes.Toewijzing toewijzing,
            long regels,
            Map<Period, BigDecimal> grondslag,
            Map<Period, BigDecimal> btw,
            boolean ookVoorbelasting,
            int teken) {
        /** "2:verkoop", the key of a mapping line. */
        public String sleutel() {
            return code.vatID() + ":" + kant.tekst();
        }
    }

    /**
     * A period's aansluiting: the return's 5a and 5b against the VAT accounts' movement, less the lines on them
     * without a VAT code ({@code correctie5a}, {@code correctie5b}).
     *
     * @param gescheiden whether the ledger keeps btw owed and claimable apart (else only 5a − 5b is compared)
     */
    public record Aansluiting(
            Period periode,
            BigDecimal aangifte5a,
            BigDecimal grootboek5a,
            BigDecimal aangifte5b,
            BigDecimal grootboek5b,
            BigDecimal correctie5a,
            BigDecimal correctie5b,
            boolean gescheiden) {
        /** (5a − 5b) of the return minus the same of the ledger. */
        public BigDecimal verschil() {
            return aangifte5a.subtract(aangifte5b).subtract(grootboek5a.subtract(grootboek5b));
        }

        /** 5a of the return minus what the ledger explains. */
        public BigDecimal verschil5a() {
            return aangifte5a.subtract(grootboek5a.subtract(correctie5a));
        }

        /** 5b of the return minus what the ledger explains. */
        public BigDecimal verschil5b() {
            return aangifte5b.subtract(grootboek5b.subtract(correctie5b));
        }

        /**
         * What the ledger does not explain, 0 when explained: the larger of the 5a and 5b differences where the
         * ledger keeps them apart, else the difference of 5a − 5b.
         */
        public BigDecimal onverklaard() {
            if (gescheiden) {
                return verschil5a().abs().max(verschil5b().abs());
            }
            return verschil5a().subtract(verschil5b()).abs();
        }

        /** The warning's text, or empty when explained. */
        public Optional<String> melding() {
            if (onverklaard().signum() == 0) {
                return Optional.empty();
            }
            String wat = gescheiden
                    ? "5a wijkt " + DutchText.euroCents(verschil5a()) + " af van de rekeningen te betalen" + " btw, 5b "
                            + DutchText.euroCents(verschil5b()) + " van te vorderen btw"
                    : "5a − 5b wijkt " + DutchText.euroCents(verschil5a().subtract(verschil5b()))
                            + " af van de btw-rekeningen";
            return Optional.of("aansluiting " + periode.label() + ": " + DutchText.euroCents(onverklaard())
                    + " niet verklaard ("
                    + wat + "; controleer op het blad Btw-codes de rubriek en kant per code, en op Aansluiting de"
                    + " boekingen zonder btw-code)");
        }
    }

    private final BtwBerekening btw;
    private final LocalDate start;
    private final LocalDate end;
    private final boolean perRekening;
    private final Map<String, BtwCodes.Toewijzing> rekeningMapping;
    private final Map<String, Auditfile.Rekening> rekeningen = new LinkedHashMap<>();
    private final Map<String, Auditfile.BtwCode> declared = new LinkedHashMap<>();
    private final Map<String, CodeTotalen> codes = new LinkedHashMap<>();
    private Map<String, BtwRol> rollen;
    private final Map<String, String> rolBron = new TreeMap<>();
    /** Per period: payable, claimable (debit positive), both (credit positive) movement; the same for corrections. */
    private final Map<Period, BigDecimal[]> grootboek = new HashMap<>();

    private final List<Boekingsregel> correcties = new ArrayList<>();
    private long aantalCorrecties;
    private long regelsMetBtw;
    private long tegenregels;
    private List<CodeRegel> codeRegels;
    private final List<Problem> warnings = new ArrayList<>();

    /**
     * @param perRekening read per ledger account (the file has no usable VAT code) instead of per VAT code
     * @param rekeningMapping the bookkeeper's {@code --rekeningen}: account (or account:kant) to rubriek
     */
    public XafBerekening(
            RuleBook rules,
            int jaar,
            Period.Kind kind,
            Auditfile.Header header,
            boolean perRekening,
            Map<String, BtwCodes.Toewijzing> rekeningMapping) {
        this.btw = new BtwBerekening(rules, jaar, kind);
        this.start = header.startDate();
        this.end = header.endDate();
        this.perRekening = perRekening;
        this.rekeningMapping = Map.copyOf(rekeningMapping);
        for (Period p : btw.perioden()) {
            grootboek.put(p, zeros(6));
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    public void rekening(Auditfile.Rekening r) {
        rekeningen.put(r.accID(), r);
    }

    public void code(Auditfile.BtwCode c) {
        declared.put(c.vatID(), c);
    }

    public int jaar() {
        return btw.jaar();
    }

    public List<Period> perioden() {
        return btw.perioden();
    }

    /** Whether this file is read per ledger account. */
    public boolean perRekening() {
        return perRekening;
    }

    /** Lines that carried a {@code vat} element read as grondslag or btw; 0 means the file has no usable VAT lines. */
    public long regelsMetBtw() {
        return regelsMetBtw;
    }

    /**
     * The VAT accounts, once the ledger and the codes are in: named by a code ({@code vatToPayAccID},
     * {@code vatToClaimAccID}; an account named on both sides is both), by {@code --rekeningen}, else found in the
     * ledger by RGS code or description.
     */
    private Map<String, BtwRol> rollen() {
        if (rollen != null) {
            return rollen;
        }
        Map<String, BtwRol> m = new TreeMap<>();
        for (Auditfile.BtwCode c : declared.values()) {
            c.vatToPayAccID()
                    .ifPresent(a -> add(m, a, BtwRol.TE_BETALEN, "btw-code " + c.vatID() + " (vatToPayAccID)"));
            c.vatToClaimAccID()
                    .ifPresent(a -> add(m, a, BtwRol.TE_VORDEREN, "btw-code " + c.vatID() + " (vatToClaimAccID)"));
        }
        for (Map.Entry<String, BtwCodes.Toewijzing> e : rekeningMapping.entrySet()) {
            String acc = e.getKey().replaceFirst(":(verkoop|inkoop)$", "");
            Optional<Rubriek> r = e.getValue().rubriek();
            if (r.isEmpty()) {
                m.remove(acc);
                rolBron.put(acc, "negeren (--rekeningen)");
            } else if (rekeningen.containsKey(acc) && !omzetRekening(acc)) {
                BtwRol rol = r.get() == Rubriek.R5B ? BtwRol.TE_VORDEREN : BtwRol.TE_BETALEN;
                m.put(acc, m.containsKey(acc) && m.get(acc) != rol ? BtwRol.BEIDE : rol);
                rolBron.put(acc, "--rekeningen");
            }
        }
        for (Auditfile.Rekening r : rekeningen.values()) {
            if (m.containsKey(r.accID()) || rolBron.containsKey(r.accID())) {
                continue;
            }
            Grootboek.Indeling<BtwRol> rol = Grootboek.btwRol(r);
            if (rol.waarde() != null) {
                m.put(r.accID(), rol.waarde());
                rolBron.put(r.accID(), rol.bron());
            }
        }
        rollen = m;
        return m;
    }

    private void add(Map<String, BtwRol> m, String acc, BtwRol rol, String bron) {
        BtwRol before = m.get(acc);
        m.put(acc, before == null || before == rol ? rol : BtwRol.BEIDE);
        rolBron.merge(acc, bron, (a, b) -> a + ", " + b);
    }

    private BtwRol rol(String accID) {
        return rollen().get(accID);
    }

    private boolean resultaatRekening(String accID) {
        Auditfile.Rekening r = rekeningen.get(accID);
        return r != null && Boolean.TRUE.equals(Grootboek.resultaat(r).waarde());
    }

    private boolean omzetRekening(String accID) {
        Auditfile.Rekening r = rekeningen.get(accID);
        return r != null && Boolean.TRUE.equals(Grootboek.resultaat(r).waarde()) && Grootboek.omzet(r);
    }

    /**
     * A grondslag line's amount in the direction of the supply or acquisition: a line on a result or other account as
     * booked; one on crediteuren or debiteuren (the counterparty) the other way round, so a creditor credited for a
     * reverse-charged purchase counts as the purchase it pays for. Not for a code that names voorbelasting: its btw
     * has no grondslag in the return and is read in the direction it was booked (Banana books the claimable half of
     * reverse charge against the creditor, debited).
     */
    private BigDecimal grondslagBedrag(Auditfile.Regel r, Auditfile.BtwCode code) {
        return omgekeerd(r, code) ? r.bedrag().negate() : r.bedrag();
    }

    private boolean omgekeerd(Auditfile.Regel r, Auditfile.BtwCode code) {
        return relatie(r.accID()) != null && !BtwCodes.aftrek(code.vatDesc());
    }

    /** Crediteuren ({@code true}), debiteuren ({@code false}) or neither ({@code null}); see {@link Grootboek#relatie}. */
    private Boolean relatie(String accID) {
        return relaties.computeIfAbsent(accID, id -> {
                    Auditfile.Rekening r = rekeningen.get(id);
                    return Optional.ofNullable(
                            r == null
                                            || Boolean.TRUE.equals(
                                                    Grootboek.resultaat(r).waarde())
                                    ? null
                                    : Grootboek.relatie(r).waarde());
                })
                .orElse(null);
    }

    /** {@link #relatie} per account, once: the descriptions are matched by regular expressions. */
    private final Map<String, Optional<Boolean>> relaties = new HashMap<>();

    private boolean liquideRekening(String accID) {
        Auditfile.Rekening r = rekeningen.get(accID);
        return r != null && !Boolean.TRUE.equals(Grootboek.resultaat(r).waarde()) && Grootboek.liquide(r);
    }

    private CodeTotalen totalen(Auditfile.BtwCode code, Kant kant) {
        return codes.computeIfAbsent(code.vatID() + "\u0000" + kant.name(), k -> new CodeTotalen(code, kant));
    }

    /** "code 21V verkoop": the key of a code and side in the Boekingen sheet (never a number, never an operator). */
    static String codeKey(String vatID, Kant kant) {
        return "code " + vatID + " " + kant.tekst();
    }

    /** "rekening 1500 inkoop": the key of an account read per account. */
    static String rekeningKey(String accID, Kant kant) {
        return "rekening " + accID + " " + kant.tekst();
    }

    /** Works out one transaction; returns its rows for the Boekingen sheet. */
    public List<Boekingsregel> transactie(Auditfile.Transactie t) {
        String oms = "transactie " + t.naam() + (t.desc().isEmpty() ? "" : ": " + t.desc());
        if (!t.sluitend()) {
            btw.meld(
                    t.xmlRegel(),
                    oms,
                    "debet en credit sluiten niet: het verschil is "
                            + t.saldo().abs().toPlainString());
        }
        boolean anyVat = false;
        for (Auditfile.Regel r : t.regels()) {
            if (r.effDate().isBefore(start) || r.effDate().isAfter(end)) {
                btw.meld(
                        r.xmlRegel(),
                        oms,
                        "datum " + r.effDate() + " valt buiten het boekjaar van de auditfile (" + start + " t/m " + end
                                + ")");
            }
            BtwRol rol = rol(r.accID());
            Period periode = btw.periode(r.effDate());
            if (rol != null && periode != null) {
                BigDecimal[] g = grootboek.get(periode);
                switch (rol) {
                    case TE_BETALEN -> g[0] = g[0].add(r.bedrag());
                    case TE_VORDEREN -> g[1] = g[1].subtract(r.bedrag());
                    case BEIDE -> g[2] = g[2].add(r.bedrag());
                }
            }
            anyVat |= !r.btw().isEmpty() && !(rol != null && allZero(r.btw()));
        }
        if (perRekening) {
            return perRekening(t, oms);
        }
        if (!anyVat) {
            return correcties(t);
        }
        return perCode(t, oms);
    }

    private static boolean allZero(List<Auditfile.Btw> btw) {
        return btw.stream().allMatch(b -> b.bedrag().signum() == 0);
    }

    /** The lines on VAT accounts of a transaction without any VAT code: payments, transfers, corrections. */
    private List<Boekingsregel> correcties(Auditfile.Transactie t) {
        List<Boekingsregel> rows = new ArrayList<>();
        for (Auditfile.Regel r : t.regels()) {
            BtwRol rol = rol(r.accID());
            if (rol == null) {
                continue;
            }
            Period periode = btw.periode(r.effDate());
            Boekingsregel row = new Boekingsregel(
                    t, r, null, periode, BigDecimal.ZERO, BigDecimal.ZERO, rol, true, null, Rol.CORRECTIE);
            rows.add(row);
            if (periode != null) {
                BigDecimal[] g = grootboek.get(periode);
                switch (rol) {
                    case TE_BETALEN -> g[3] = g[3].add(r.bedrag());
                    case TE_VORDEREN -> g[4] = g[4].subtract(r.bedrag());
                    case BEIDE -> g[5] = g[5].add(r.bedrag());
                }
            }
            aantalCorrecties++;
            if (correcties.size() < MAX_CORRECTIES) {
                correcties.add(row);
            }
        }
        return rows;
    }

    /** What one code comes to in one transaction: its side, its grondslag lines and where its btw is read. */
    private final class CodeInTransactie {
        final Auditfile.BtwCode code;
        final List<Auditfile.Regel> kandidaten = new ArrayList<>();
        final List<Auditfile.Regel> btwRegels = new ArrayList<>();
        Set<Auditfile.Regel> basis;
        Kant kant;
        boolean verlegd;
        /** The direction of the btw: +1 credit, -1 debit; 0 for each grondslag line's own. */
        int teken;

        CodeInTransactie(Auditfile.BtwCode code) {
            this.code = code;
        }

        /** Banana and others write the code on the VAT account's line too: then the btw is read there, as booked. */
        boolean btwOpBtwRegel() {
            return !kandidaten.isEmpty() && !btwRegels.isEmpty();
        }

        void bepaal(Auditfile.Transactie t) {
            verlegd = beideGeboekt(t, code);
            if (kandidaten.isEmpty()) {
                return;
            }
            basis = grondslagRegels(code.vatID(), kandidaten);
            kant = kant(t, basis.iterator().next(), code);
            int signs = 0;
            boolean result = false;
            for (Auditfile.Regel r : basis) {
                BigDecimal g = grondslagBedrag(r, code);
                signs |= g.signum() > 0 ? 1 : g.signum() < 0 ? 2 : 0;
                // A grondslag on debiteuren or crediteuren, read the other way round, counts like a result line.
                result |= resultaatRekening(r.accID()) || omgekeerd(r, code);
            }
            BigDecimal sum = basis.stream().map(r -> grondslagBedrag(r, code)).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (btwOpBtwRegel()) {
                // The grondslag's direction where the grondslag is plain (one direction, on result accounts: so
                // reverse-charged btw counts with its purchase); else the direction the btw was booked in.
                teken = signs != 3 && result && sum.signum() != 0
                        ? sum.signum()
                        : btwRegels.get(0).btw().stream()
                                .filter(b -> b.vatID().equals(code.vatID()))
                                .findFirst()
                                .map(b -> b.bedrag().signum())
                                .orElse(1);
            }
        }
    }

    private List<Boekingsregel> perCode(Auditfile.Transactie t, String oms) {
        List<Boekingsregel> rows = new ArrayList<>();
        Map<String, CodeInTransactie> perCode = new LinkedHashMap<>();
        for (Auditfile.Regel r : t.regels()) {
            for (Auditfile.Btw b : r.btw()) {
                CodeInTransactie c = perCode.computeIfAbsent(b.vatID(), k -> new CodeInTransactie(declared.get(k)));
                if (rol(r.accID()) == null) {
                    if (!c.kandidaten.contains(r)) {
                        c.kandidaten.add(r);
                    }
                } else if (b.bedrag().signum() != 0 && !c.btwRegels.contains(r)) {
                    c.btwRegels.add(r);
                }
            }
        }
        long style2 = 0;
        for (CodeInTransactie c : perCode.values()) {
            c.bepaal(t);
            if (c.kandidaten.isEmpty() && !c.btwRegels.isEmpty()) {
                style2++;
            }
        }
        BigDecimal resultaatZonderBtw = BigDecimal.ZERO;
        boolean hasResultaat = false;
        for (Auditfile.Regel r : t.regels()) {
            if (r.btw().isEmpty() && rol(r.accID()) == null && resultaatRekening(r.accID())) {
                resultaatZonderBtw = resultaatZonderBtw.add(r.bedrag());
                hasResultaat = true;
            }
        }
        for (Auditfile.Regel r : t.regels()) {
            Period periode = btw.periode(r.effDate());
            BtwRol rekening = rol(r.accID());
            if (r.btw().isEmpty()) {
                if (rekening != null) {
                    rows.add(new Boekingsregel(
                            t,
                            r,
                            null,
                            periode,
                            BigDecimal.ZERO,
                            BigDecimal.ZERO,
                            rekening,
                            true,
                            null,
                            Rol.BTW_REGEL));
                }
                continue;
            }
            boolean first = true;
            for (Auditfile.Btw b : r.btw()) {
                CodeInTransactie c = perCode.get(b.vatID());
                Auditfile.BtwCode code = c.code;
                BigDecimal bedrag = b.bedrag();
                BigDecimal grondslag;
                BigDecimal btwBedrag;
                Kant kant;
                Rol rolRegel = Rol.GRONDSLAG;
                if (rekening != null && !c.kandidaten.isEmpty()) {
                    if (!c.btwOpBtwRegel() || bedrag.signum() == 0) {
                        // The VAT account's own line: its btw is counted from the grondslag lines.
                        rows.add(new Boekingsregel(
                                t,
                                r,
                                b,
                                periode,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                rekening,
                                first,
                                null,
                                Rol.BTW_REGEL));
                        first = false;
                        continue;
                    }
                    grondslag = BigDecimal.ZERO;
                    btwBedrag = bedrag.abs().multiply(BigDecimal.valueOf(c.teken));
                    kant = c.kant;
                    rolRegel = Rol.BTW_REGEL;
                } else if (rekening == null && !c.basis.contains(r)) {
                    tegenregels++;
                    rows.add(new Boekingsregel(
                            t, r, b, periode, BigDecimal.ZERO, BigDecimal.ZERO, null, first, null, Rol.TEGENREGEL));
                    first = false;
                    continue;
                } else if (rekening == null) {
                    grondslag = first ? grondslagBedrag(r, code) : BigDecimal.ZERO;
                    if (omgekeerd(r, code)) {
                        rolRegel = Rol.GRONDSLAG_RELATIE;
                    }
                    if (!first) {
                        btw.meld(
                                r.xmlRegel(),
                                oms,
                                "regel " + r.nr() + " heeft meer btw-elementen; de grondslag is bij de" + " eerste ("
                                        + r.btw().get(0).vatID() + ") geteld");
                    }
                    if (b.vatPerc() != null && first && !c.btwOpBtwRegel()) {
                        BigDecimal verwacht = grondslag
                                .abs()
                                .multiply(b.vatPerc())
                                .divide(HUNDRED, MathContext.DECIMAL64)
                                .setScale(2, RoundingMode.HALF_UP);
                        if (verwacht.subtract(bedrag.abs()).abs().compareTo(CENT) > 0) {
                            btw.meld(
                                    r.xmlRegel(),
                                    oms,
                                    "btw " + bedrag.abs().toPlainString() + " wijkt af van grondslag × "
                                            + b.vatPerc().stripTrailingZeros().toPlainString() + "% = "
                                            + verwacht.toPlainString());
                        }
                    }
                    kant = c.kant;
                    // The btw takes the grondslag's direction; without a grondslag, its own (vatAmntTp).
                    btwBedrag = c.btwOpBtwRegel()
                            ? BigDecimal.ZERO
                            : grondslag.signum() != 0
                                    ? bedrag.abs().multiply(BigDecimal.valueOf(grondslag.signum()))
                                    : bedrag;
                } else {
                    // Style 2: the btw stands only on the VAT account's line.
                    if (c.verlegd
                            && code.vatToClaimAccID().map(r.accID()::equals).orElse(false)) {
                        // The claim half of reverse-charged btw booked on both accounts: counted through "ook in 5b".
                        rows.add(new Boekingsregel(
                                t,
                                r,
                                b,
                                periode,
                                BigDecimal.ZERO,
                                BigDecimal.ZERO,
                                rekening,
                                first,
                                null,
                                Rol.BTW_REGEL));
                        first = false;
                        continue;
                    }
                    kant = c.verlegd ? Kant.INKOOP : kantVanBtwRegel(t, rekening, b);
                    if (style2 == 1 && hasResultaat) {
                        grondslag = resultaatZonderBtw;
                    } else if (b.vatPerc() != null && b.vatPerc().signum() > 0) {
                        grondslag = bedrag.multiply(HUNDRED)
                                .divide(b.vatPerc(), MathContext.DECIMAL64)
                                .setScale(2, RoundingMode.HALF_UP);
                        btw.meld(
                                r.xmlRegel(),
                                oms,
                                "grondslag niet uit de transactie te halen ("
                                        + (style2 > 1 ? "meer btw-codes" : "geen winst-en-verliesregel zonder btw")
                                        + "); afgeleid als btw ÷ "
                                        + b.vatPerc().stripTrailingZeros().toPlainString() + "% = "
                                        + grondslag.abs().toPlainString());
                    } else {
                        grondslag = BigDecimal.ZERO;
                        btw.meld(
                                r.xmlRegel(),
                                oms,
                                "geen grondslag te vinden voor btw-code " + b.vatID() + " (btw op de"
                                        + " btw-rekening, geen eenduidige omzet- of kostenregel, geen percentage); als 0 geteld");
                    }
                    btwBedrag = grondslag.signum() != 0
                            ? bedrag.abs().multiply(BigDecimal.valueOf(grondslag.signum()))
                            : bedrag;
                }
                CodeTotalen ct = totalen(code, kant);
                if (b.vatPerc() != null && (rolRegel == Rol.GRONDSLAG || rolRegel == Rol.GRONDSLAG_RELATIE)) {
                    ct.percentages.merge(b.vatPerc().stripTrailingZeros(), 1L, Long::sum);
                }
                if (rolRegel == Rol.GRONDSLAG || rolRegel == Rol.GRONDSLAG_RELATIE) {
                    ct.regels++;
                    if (c.verlegd) {
                        ct.verlegdGeboekt++;
                    }
                    regelsMetBtw++;
                    btw.telRegel();
                }
                if (periode == null) {
                    btw.meld(
                            r.xmlRegel(),
                            oms,
                            "datum " + r.effDate() + " valt buiten " + btw.jaar() + "; niet meegeteld");
                } else {
                    BigDecimal[] s = ct.som(periode);
                    s[0] = s[0].add(grondslag);
                    s[1] = s[1].add(btwBedrag);
                }
                rows.add(new Boekingsregel(
                        t,
                        r,
                        b,
                        periode,
                        grondslag,
                        btwBedrag,
                        rekening,
                        first,
                        codeKey(code.vatID(), kant),
                        rolRegel));
                first = false;
            }
        }
        return rows;
    }

    /**
     * Of the lines (not on a VAT account) that carry a code, those that are its grondslag: the lines on result
     * accounts; without such lines, the only line; else those whose direction is that of their btw.
     */
    private Set<Auditfile.Regel> grondslagRegels(String vatID, List<Auditfile.Regel> lines) {
        Set<Auditfile.Regel> result = new LinkedHashSet<>();
        for (Auditfile.Regel r : lines) {
            if (resultaatRekening(r.accID())) {
                result.add(r);
            }
        }
        if (!result.isEmpty() || lines.size() == 1) {
            return result.isEmpty() ? new LinkedHashSet<>(lines) : result;
        }
        for (Auditfile.Regel r : lines) {
            for (Auditfile.Btw b : r.btw()) {
                if (b.vatID().equals(vatID)
                        && r.bedrag().signum() != 0
                        && r.bedrag().signum() == b.bedrag().signum()) {
                    result.add(r);
                }
            }
        }
        return result.isEmpty() ? new LinkedHashSet<>(lines) : result;
    }

    /**
     * The side of a grondslag line: a code that names privégebruik is a supply; then the VAT accounts the transaction
     * books on (only payable: a supply; only claimable: an acquisition); then a line on a revenue account is a supply
     * and one on another result account an acquisition; then a transaction on crediteuren only is an acquisition, on
     * debiteuren only a supply; then the code's description (voorbelasting, invoer, inkoop /
     * verkoop, levering, uitvoer); then the journal (sales or purchase book); else the line's direction (credit a
     * supply).
     */
    private Kant kant(Auditfile.Transactie t, Auditfile.Regel r, Auditfile.BtwCode code) {
        if (BtwCodes.prive(code.vatDesc())) {
            return Kant.VERKOOP;
        }
        // The VAT account the transaction books on: only payable accounts is a supply, only claimable ones an
        // acquisition (restricted to the code's own accounts where it names them).
        Set<String> eigen = new LinkedHashSet<>();
        code.vatToPayAccID().ifPresent(eigen::add);
        code.vatToClaimAccID().ifPresent(eigen::add);
        boolean pay = false;
        boolean claim = false;
        for (Auditfile.Regel l : t.regels()) {
            BtwRol rol = rol(l.accID());
            if (rol == null || l.bedrag().signum() == 0 || !eigen.isEmpty() && !eigen.contains(l.accID())) {
                continue;
            }
            pay |= rol == BtwRol.TE_BETALEN || rol == BtwRol.BEIDE;
            claim |= rol == BtwRol.TE_VORDEREN || rol == BtwRol.BEIDE;
        }
        if (pay != claim) {
            return pay ? Kant.VERKOOP : Kant.INKOOP;
        }
        if (resultaatRekening(r.accID())) {
            return omzetRekening(r.accID()) ? Kant.VERKOOP : Kant.INKOOP;
        }
        // A transaction that books on crediteuren only is a purchase, on debiteuren only a sale (Banana's reverse
        // charge: stock and creditor, no result account).
        boolean crediteur = false;
        boolean debiteur = false;
        for (Auditfile.Regel l : t.regels()) {
            Boolean relatie = l.bedrag().signum() == 0 ? null : relatie(l.accID());
            crediteur |= Boolean.TRUE.equals(relatie);
            debiteur |= Boolean.FALSE.equals(relatie);
        }
        if (crediteur != debiteur) {
            return crediteur ? Kant.INKOOP : Kant.VERKOOP;
        }
        Optional<Kant> woorden = BtwCodes.kant(code.vatDesc());
        if (woorden.isPresent()) {
            return woorden.get();
        }
        Optional<Boolean> boek = Auditfile.verkoopboek(t.journalTp());
        if (boek.isPresent()) {
            return boek.get() ? Kant.VERKOOP : Kant.INKOOP;
        }
        return r.bedrag().signum() >= 0 ? Kant.VERKOOP : Kant.INKOOP;
    }

    /** The side of btw that stands only on a VAT account's line: the account's role, else the journal, else its direction. */
    private Kant kantVanBtwRegel(Auditfile.Transactie t, BtwRol rekening, Auditfile.Btw b) {
        if (BtwCodes.prive(declared.get(b.vatID()).vatDesc())) {
            return Kant.VERKOOP;
        }
        Optional<Kant> woorden = BtwCodes.kant(declared.get(b.vatID()).vatDesc());
        if (rekening == BtwRol.BEIDE && woorden.isPresent()) {
            return woorden.get();
        }
        if (rekening == BtwRol.TE_BETALEN) {
            return Kant.VERKOOP;
        }
        if (rekening == BtwRol.TE_VORDEREN) {
            return Kant.INKOOP;
        }
        return Auditfile.verkoopboek(t.journalTp())
                .map(v -> v ? Kant.VERKOOP : Kant.INKOOP)
                .orElse(b.bedrag().signum() >= 0 ? Kant.VERKOOP : Kant.INKOOP);
    }

    /** Whether the transaction books the code's btw on both its payable and its claimable account: reverse charge. */
    private static boolean beideGeboekt(Auditfile.Transactie t, Auditfile.BtwCode code) {
        if (code.vatToPayAccID().isEmpty()
                || code.vatToClaimAccID().isEmpty()
                || code.vatToPayAccID().equals(code.vatToClaimAccID())) {
            return false;
        }
        int pay = 0;
        int claim = 0;
        for (Auditfile.Regel l : t.regels()) {
            if (l.accID().equals(code.vatToPayAccID().get()) && pay == 0) {
                pay = l.bedrag().signum();
            } else if (l.accID().equals(code.vatToClaimAccID().get()) && claim == 0) {
                claim = l.bedrag().signum();
            }
        }
        // Owed and claimable at once: the one account credited, the other debited.
        return pay != 0 && claim == -pay;
    }

    /**
     * Read per account (no usable VAT code in the file): in a transaction that books against something other than
     * cash, bank or another VAT account, each line on a VAT account is btw and each line on a revenue account is
     * grondslag, of the account's row; a VAT line in a transaction with only cash, bank or VAT accounts is a payment
     * or transfer (a correction). The side: a payable account is verkoop, a claimable one inkoop, one for both by the
     * transaction (a revenue line makes it verkoop).
     */
    private List<Boekingsregel> perRekening(Auditfile.Transactie t, String oms) {
        boolean boeking = false;
        boolean omzet = false;
        for (Auditfile.Regel r : t.regels()) {
            if (rol(r.accID()) == null
                    && !liquideRekening(r.accID())
                    && r.bedrag().signum() != 0) {
                boeking = true;
            }
            omzet |= omzetRekening(r.accID());
        }
        if (!boeking) {
            return correcties(t);
        }
        List<Boekingsregel> rows = new ArrayList<>();
        for (Auditfile.Regel r : t.regels()) {
            BtwRol rol = rol(r.accID());
            boolean isOmzet = rol == null && omzetRekening(r.accID());
            if (rol == null && !isOmzet) {
                continue;
            }
            Kant kant = rol == BtwRol.TE_BETALEN || isOmzet
                    ? Kant.VERKOOP
                    : rol == BtwRol.TE_VORDEREN ? Kant.INKOOP : omzet ? Kant.VERKOOP : Kant.INKOOP;
            Auditfile.Rekening acc = rekeningen.get(r.accID());
            CodeTotalen ct =
                    totalen(new Auditfile.BtwCode(r.accID(), acc.accDesc(), Optional.empty(), Optional.empty()), kant);
            ct.regels++;
            regelsMetBtw++;
            btw.telRegel();
            Period periode = btw.periode(r.effDate());
            BigDecimal grondslag = isOmzet ? r.bedrag() : BigDecimal.ZERO;
            BigDecimal btwBedrag = isOmzet ? BigDecimal.ZERO : r.bedrag();
            if (periode == null) {
                btw.meld(r.xmlRegel(), oms, "datum " + r.effDate() + " valt buiten " + btw.jaar() + "; niet meegeteld");
            } else {
                BigDecimal[] s = ct.som(periode);
                s[0] = s[0].add(grondslag);
                s[1] = s[1].add(btwBedrag);
            }
            rows.add(new Boekingsregel(
                    t, r, null, periode, grondslag, btwBedrag, rol, true, rekeningKey(r.accID(), kant), Rol.GROOTBOEK));
        }
        return rows;
    }

    /**
     * Gives every code and side its rubriek (from {@code mapping}: {@code code:kant} first, then {@code code}; else a
     * proposal) and adds the totals into the return per rubriek. A code used on lines that is neither mapped nor
     * placeable is an error naming it; all such codes are named at once.
     */
    public BtwBerekening sluit(Map<String, BtwCodes.Toewijzing> codeMapping, String bron) throws InvalidInputException {
        Map<String, BtwCodes.Toewijzing> mapping = perRekening ? rekeningMapping : codeMapping;
        String optie = perRekening ? "--rekeningen" : "--btwcodes";
        List<CodeRegel> result = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<CodeTotalen> all = new ArrayList<>(codes.values());
        if (!perRekening) {
            // Declared codes no line uses still get a row, with what they would be.
            for (Auditfile.BtwCode c : declared.values()) {
                if (codes.keySet().stream().noneMatch(k -> k.startsWith(c.vatID() + "\u0000"))) {
                    all.add(new CodeTotalen(c, Kant.VERKOOP));
                }
            }
        }
        Optional<Rubriek> standaard = perRekening ? standaardOmzetRubriek() : Optional.empty();
        for (CodeTotalen ct : all) {
            String id = ct.code.vatID();
            Optional<BtwCodes.Toewijzing> t = Optional.ofNullable(mapping.get(id + ":" + ct.kant.tekst()))
                    .or(() -> Optional.ofNullable(mapping.get(id)));
            if (t.isEmpty()) {
                boolean btwRekening = perRekening && rol(id) != null;
                t = BtwCodes.voorstel(new BtwCodes.Kenmerken(
                        ct.code.vatDesc(),
                        ct.percentage(),
                        ct.kant,
                        ct.regels > 0 && ct.verlegdGeboekt * 2 > ct.regels,
                        perRekening,
                        btwRekening));
                if (t.isEmpty() && perRekening && ct.kant == Kant.VERKOOP && standaard.isPresent()) {
                    t = Optional.of(new BtwCodes.Toewijzing(
                            standaard,
                            "aangenomen: " + (btwRekening ? "btw-rekening" : "omzet")
                                    + " zonder tarief in de omschrijving; de rubriek van de enige rekening voor te betalen btw die een"
                                    + " tarief noemt, of 1a; corrigeer met --rekeningen " + id + "=rubriek"));
                }
            }
            if (t.isEmpty()) {
                if (ct.regels > 0) {
                    problems.add(Problem.error(
                            bron,
                            (perRekening ? "grootboekrekening \"" : "btw-code \"") + id + "\" ("
                                    + ct.code.vatDesc() + ", " + ct.kant.tekst() + ") staat op " + ct.regels
                                    + (ct.regels == 1 ? " regel" : " regels")
                                    + " maar rekenblad kan er geen rubriek bij afleiden; geef hem op met " + optie
                                    + " ("
                                    + id + ":" + ct.kant.tekst() + "=rubriek, of =negeren)"));
                }
                t = Optional.of(new BtwCodes.Toewijzing(Optional.empty(), "niet gebruikt; geen rubriek af te leiden"));
            }
            BtwCodes.Toewijzing tw = t.get();
            int teken = tw.rubriek().map(BtwCodes::teken).orElse(1);
            boolean ook5b = tw.rubriek()
                    .map(r -> BtwCodes.ookVoorbelasting(
                            r, ct.code.vatToClaimAccID().isPresent()))
                    .orElse(false);
            Map<Period, BigDecimal> g = new LinkedHashMap<>();
            Map<Period, BigDecimal> b = new LinkedHashMap<>();
            for (Period p : btw.perioden()) {
                BigDecimal[] s = ct.sommen.getOrDefault(p, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                g.put(p, teken < 0 ? s[0].negate() : s[0]);
                b.put(p, teken < 0 ? s[1].negate() : s[1]);
            }
            result.add(new CodeRegel(ct.code, ct.kant, ct.percentage(), tw, ct.regels, g, b, ook5b, teken));
        }
        for (String mapped : mapping.keySet()) {
            String id = mapped.replaceFirst(":(verkoop|inkoop)$", "");
            if (perRekening ? !rekeningen.containsKey(id) : !declared.containsKey(id)) {
                problems.add(Problem.warning(
                        bron,
                        (perRekening ? "rekening \"" : "btw-code \"") + id + "\" uit " + optie
                                + " staat niet in de auditfile"));
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(
                    problems.stream().filter(Problem::isError).toList());
        }
        for (CodeRegel c : result) {
            if (c.toewijzing().rubriek().isEmpty()) {
                continue;
            }
            Rubriek r = c.toewijzing().rubriek().get();
            for (Period p : btw.perioden()) {
                btw.tel(p, r, c.grondslag().get(p), c.btw().get(p));
                if (r == Rubriek.R3B && !c.toewijzing().soort().isEmpty()) {
                    btw.telDiensten3b(
                            p, c.toewijzing().diensten() ? c.grondslag().get(p) : BigDecimal.ZERO);
                }
                if (c.ookVoorbelasting()) {
                    btw.tel(p, Rubriek.R5B, BigDecimal.ZERO, c.btw().get(p));
                }
            }
        }
        codeRegels = List.copyOf(result);
        warnings.addAll(problems);
        if (tegenregels > 0) {
            warnings.add(Problem.warning(
                    bron,
                    tegenregels + " regels dragen een btw-code op een debiteuren-, crediteuren-"
                            + " of kasrekening naast de omzet- of kostenregel van dezelfde code; die zijn niet als grondslag geteld"
                            + " (zie kolom \"gelezen als\" op Boekingen)"));
        }
        return btw;
    }

    /** Read per account: the rubriek for revenue and payable btw whose description names no rate. */
    private Optional<Rubriek> standaardOmzetRubriek() {
        Set<Rubriek> seen = new LinkedHashSet<>();
        for (Map.Entry<String, BtwRol> e : rollen().entrySet()) {
            if (e.getValue() == BtwRol.TE_VORDEREN) {
                continue;
            }
            Auditfile.Rekening r = rekeningen.get(e.getKey());
            BtwCodes.voorstel(new BtwCodes.Kenmerken(r.accDesc(), null, Kant.VERKOOP, false, true, true))
                    .flatMap(BtwCodes.Toewijzing::rubriek)
                    .ifPresent(seen::add);
        }
        return Optional.of(seen.size() == 1 ? seen.iterator().next() : Rubriek.R1A);
    }

    /** Warnings of {@link #sluit}: mapped codes the file does not have, tegenregels. */
    public List<Problem> waarschuwingen() {
        return Collections.unmodifiableList(warnings);
    }

    /** The codes (or accounts) per side with their rubriek and totals, in the order of the file; after {@link #sluit}. */
    public List<CodeRegel> codes() {
        if (codeRegels == null) {
            throw new IllegalStateException("sluit() first");
        }
        return codeRegels;
    }

    /** The mapping used, to write back as a file: {@code code:kant} for each side a code is used on. */
    public Map<String, BtwCodes.Toewijzing> toewijzingen() {
        Map<String, BtwCodes.Toewijzing> m = new LinkedHashMap<>();
        for (CodeRegel c : codes()) {
            m.put(c.regels() > 0 ? c.sleutel() : c.code().vatID(), c.toewijzing());
        }
        return m;
    }

    /** Per period: the return's 5a and 5b (to the cent) against the ledger. */
    public List<Aansluiting> aansluiting(BtwAangifte.Result aangifte) {
        boolean gescheiden = !rollen().containsValue(BtwRol.BEIDE);
        List<Aansluiting> list = new ArrayList<>();
        for (Period p : btw.perioden()) {
            BigDecimal[] g = grootboek.get(p);
            list.add(new Aansluiting(
                    p,
                    aangifte.exact(BtwAangifte.exact(p, BtwAangifte.VERSCHULDIGD)),
                    g[0].add(g[2]),
                    aangifte.exact(BtwAangifte.exact(p, BtwAangifte.VOORBELASTING)),
                    g[1],
                    g[3].add(g[5]),
                    g[4],
                    gescheiden));
        }
        return list;
    }

    /** Lines on a VAT account in transactions without any VAT code: manual corrections, payments, suppleties. */
    public List<Boekingsregel> correcties() {
        return Collections.unmodifiableList(correcties);
    }

    public long aantalCorrecties() {
        return aantalCorrecties;
    }

    /** The ledger accounts the aansluiting reads, with their role. */
    public Map<String, BtwRol> btwRekeningen() {
        return Collections.unmodifiableMap(rollen());
    }

    /** Why an account is a VAT account ("btw-code 2 (vatToPayAccID)", "RGS-code BSchBtwAtd, te vorderen"). */
    public String rolBron(String accID) {
        return rolBron.getOrDefault(accID, "");
    }

    public Optional<Auditfile.Rekening> rekening(String accID) {
        return Optional.ofNullable(rekeningen.get(accID));
    }

    /** The accounts whose role came from the ledger rather than from the codes or the bookkeeper. */
    public Map<String, String> afgeleideRekeningen() {
        Map<String, String> m = new TreeMap<>();
        for (Map.Entry<String, BtwRol> e : rollen().entrySet()) {
            String b = rolBron(e.getKey());
            if (!b.startsWith("btw-code") && !b.startsWith("--rekeningen")) {
                m.put(e.getKey(), e.getValue().tekst() + " (" + b + ")");
            }
        }
        return m;
    }
}
