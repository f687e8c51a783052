package nl.rekenblad.btw;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.auditfile.Auditfile;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Period;
import nl.rekenblad.core.Problem;
import nl.rekenblad.rules.RuleBook;

/**
 * An auditfile's transactions worked out for the btw-opstelling: per VAT code and period the grondslag and btw,
 * read from each line with a {@code vat} element, and per period the movement of the VAT accounts in the ledger
 * for the aansluiting. Once every transaction is in, {@link #sluit} gives each code its rubriek (the bookkeeper's
 * mapping, else a proposal) and adds the codes' totals into a {@link BtwBerekening} per rubriek. Pure; not
 * thread-safe.
 *
 * <p>How a line is read, signed credit positive (a code's rubriek turns the sign afterwards, see
 * {@link BtwCodes#teken}):
 * <ul>
 * <li>a {@code vat} element on a line that is not on a VAT account: the line's amount is the grondslag and
 * {@code vatAmnt} the btw, taking the grondslag's direction (so reverse-charged btw counts with its purchase,
 * whichever side the package put it on);</li>
 * <li>a {@code vat} element on a line on a VAT account (the code's {@code vatToPayAccID} or
 * {@code vatToClaimAccID}): that line carries the btw; the grondslag is the transaction's lines on
 * winst-en-verliesrekeningen ({@code accTp} P) without a {@code vat} element, when the transaction has one code;
 * else btw ÷ percentage, flagged on Controle; without a percentage it stays 0, flagged. Of a reverse-charge
 * code booked on both its accounts, the line on the claim account is not counted again (it is the 5b part).</li>
 * </ul>
 */
public final class XafBerekening {
    /** At most this many lines without a VAT code on a VAT account are listed on the Aansluiting sheet. */
    public static final int MAX_CORRECTIES = 1_000;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /** Where a line on a VAT account goes in the aansluiting. */
    public enum BtwRekening {
        TE_BETALEN("te betalen"), TE_VORDEREN("te vorderen");

        private final String tekst;

        BtwRekening(String tekst) {
            this.tekst = tekst;
        }

        public String tekst() {
            return tekst;
        }
    }

    /**
     * One row of the Boekingen sheet: a line (once per {@code vat} element, the amount on the first only) with what
     * rekenblad read from it.
     */
    public record Boekingsregel(Auditfile.Transactie transactie, Auditfile.Regel regel, Auditfile.Btw btw,
            Period periode, BigDecimal grondslag, BigDecimal btwBedrag, BtwRekening btwRekening, boolean eerste) {
    }

    /** A code with what its lines add up to, per period: signed credit positive until it has a rubriek. */
    static final class CodeTotalen {
        final Auditfile.BtwCode code;
        long regels;
        final Map<Period, BigDecimal[]> sommen = new HashMap<>();
        final Map<BigDecimal, Long> percentages = new TreeMap<>();
        BigDecimal btwCredit = BigDecimal.ZERO;
        BigDecimal grondslagCredit = BigDecimal.ZERO;

        /** +1 when the code's btw (or, at 0%, its grondslag) is mostly credit: a sale; −1 a purchase; 0 unknown. */
        int richting() {
            return btwCredit.signum() != 0 ? btwCredit.signum() : grondslagCredit.signum();
        }

        CodeTotalen(Auditfile.BtwCode code) {
            this.code = code;
        }

        BigDecimal[] som(Period p) {
            return sommen.computeIfAbsent(p, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }

        /** The percentage most lines have, or null. */
        BigDecimal percentage() {
            return percentages.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
    }

    /** A code as it goes on the Btw-codes sheet and into JSON: amounts in the rubriek's direction. */
    public record CodeRegel(Auditfile.BtwCode code, BigDecimal percentage, BtwCodes.Toewijzing toewijzing, long regels,
            Map<Period, BigDecimal> grondslag, Map<Period, BigDecimal> btw, boolean ookVoorbelasting, int teken) {
    }

    /** A period's aansluiting: the return's 5a and 5b against the VAT accounts' movement. */
    public record Aansluiting(Period periode, BigDecimal aangifte5a, BigDecimal grootboek5a, BigDecimal aangifte5b,
            BigDecimal grootboek5b) {
        /** (5a − 5b) of the return minus the same of the ledger. */
        public BigDecimal verschil() {
            return aangifte5a.subtract(aangifte5b).subtract(grootboek5a.subtract(grootboek5b));
        }
    }

    private final BtwBerekening btw;
    private final LocalDate start;
    private final LocalDate end;
    private final Map<String, Auditfile.Rekening> rekeningen = new HashMap<>();
    private final Map<String, CodeTotalen> codes = new LinkedHashMap<>();
    private final Set<String> payAccounts = new HashSet<>();
    private final Set<String> claimAccounts = new HashSet<>();
    private final Map<Period, BigDecimal[]> grootboek = new HashMap<>();
    private final List<Boekingsregel> correcties = new ArrayList<>();
    private long aantalCorrecties;
    private List<CodeRegel> codeRegels;

    public XafBerekening(RuleBook rules, int jaar, Period.Kind kind, Auditfile.Header header) {
        this.btw = new BtwBerekening(rules, jaar, kind);
        this.start = header.startDate();
        this.end = header.endDate();
        for (Period p : btw.perioden()) {
            grootboek.put(p, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
    }

    public void rekening(Auditfile.Rekening r) {
        rekeningen.put(r.accID(), r);
    }

    public void code(Auditfile.BtwCode c) {
        codes.put(c.vatID(), new CodeTotalen(c));
        c.vatToPayAccID().ifPresent(payAccounts::add);
        c.vatToClaimAccID().ifPresent(claimAccounts::add);
    }

    public int jaar() {
        return btw.jaar();
    }

    public List<Period> perioden() {
        return btw.perioden();
    }

    private BtwRekening btwRekening(String accID) {
        return payAccounts.contains(accID) ? BtwRekening.TE_BETALEN
                : claimAccounts.contains(accID) ? BtwRekening.TE_VORDEREN : null;
    }

    /** Works out one transaction; returns its rows for the Boekingen sheet (lines with btw or on a VAT account). */
    public List<Boekingsregel> transactie(Auditfile.Transactie t) {
        List<Boekingsregel> rows = new ArrayList<>();
        String oms = "transactie " + t.naam() + (t.desc().isEmpty() ? "" : ": " + t.desc());
        if (!t.sluitend()) {
            btw.meld(t.xmlRegel(), oms, "debet en credit sluiten niet: het verschil is " + t.saldo().abs().toPlainString());
        }
        boolean anyVat = t.regels().stream().anyMatch(r -> !r.btw().isEmpty());
        // Style 2 (btw on the VAT account's line): the codes so booked in this transaction, and their grondslag.
        Set<String> style2Codes = new HashSet<>();
        Set<String> paidInTransaction = new HashSet<>();
        for (Auditfile.Regel r : t.regels()) {
            for (Auditfile.Btw b : r.btw()) {
                if (btwRekening(r.accID()) != null) {
                    style2Codes.add(b.vatID());
                    if (codes.get(b.vatID()).code.vatToPayAccID().map(r.accID()::equals).orElse(false)) {
                        paidInTransaction.add(b.vatID());
                    }
                }
            }
        }
        BigDecimal resultaatZonderBtw = BigDecimal.ZERO;
        boolean hasResultaat = false;
        for (Auditfile.Regel r : t.regels()) {
            Auditfile.Rekening acc = rekeningen.get(r.accID());
            if (r.btw().isEmpty() && acc != null && acc.resultaat()) {
                resultaatZonderBtw = resultaatZonderBtw.add(r.bedrag());
                hasResultaat = true;
            }
        }
        for (Auditfile.Regel r : t.regels()) {
            if (r.effDate().isBefore(start) || r.effDate().isAfter(end)) {
                btw.meld(r.xmlRegel(), oms, "datum " + r.effDate() + " valt buiten het boekjaar van de auditfile (" + start
                        + " t/m " + end + ")");
            }
            Period periode = btw.periode(r.effDate());
            BtwRekening rekening = btwRekening(r.accID());
            if (rekening != null && periode != null) {
                BigDecimal[] g = grootboek.get(periode);
                // 5a side: credit − debit of the accounts btw is owed on; 5b side: debit − credit of the claim accounts.
                if (rekening == BtwRekening.TE_BETALEN) {
                    g[0] = g[0].add(r.bedrag());
                } else {
                    g[1] = g[1].subtract(r.bedrag());
                }
            }
            if (r.btw().isEmpty()) {
                if (rekening != null) {
                    Boekingsregel row = new Boekingsregel(t, r, null, periode, BigDecimal.ZERO, BigDecimal.ZERO, rekening, true);
                    rows.add(row);
                    if (!anyVat) {
                        aantalCorrecties++;
                        if (correcties.size() < MAX_CORRECTIES) {
                            correcties.add(row);
                        }
                    }
                }
                continue;
            }
            boolean first = true;
            for (Auditfile.Btw b : r.btw()) {
                CodeTotalen ct = codes.get(b.vatID());
                BigDecimal grondslag;
                BigDecimal bedrag = b.bedrag();
                if (rekening == null) {
                    grondslag = first ? r.bedrag() : BigDecimal.ZERO;
                    if (r.btw().size() > 1 && !first) {
                        btw.meld(r.xmlRegel(), oms, "regel " + r.nr() + " heeft meer btw-elementen; de grondslag is bij de"
                                + " eerste (" + r.btw().get(0).vatID() + ") geteld");
                    }
                    if (b.vatPerc() != null && first) {
                        BigDecimal verwacht = grondslag.abs().multiply(b.vatPerc()).divide(HUNDRED, MathContext.DECIMAL64)
                                .setScale(2, RoundingMode.HALF_UP);
                        if (verwacht.subtract(bedrag.abs()).abs().compareTo(CENT) > 0) {
                            btw.meld(r.xmlRegel(), oms, "btw " + bedrag.abs().toPlainString() + " wijkt af van grondslag × "
                                    + b.vatPerc().stripTrailingZeros().toPlainString() + "% = " + verwacht.toPlainString());
                        }
                    }
                } else if (ct.code.vatToPayAccID().isPresent() && ct.code.vatToClaimAccID().isPresent()
                        && ct.code.vatToClaimAccID().get().equals(r.accID()) && paidInTransaction.contains(b.vatID())) {
                    // The claim half of reverse-charged btw booked on both accounts: counted through "ook in 5b".
                    rows.add(new Boekingsregel(t, r, b, periode, BigDecimal.ZERO, BigDecimal.ZERO, rekening, first));
                    first = false;
                    continue;
                } else if (style2Codes.size() == 1 && hasResultaat) {
                    grondslag = resultaatZonderBtw;
                } else if (b.vatPerc() != null && b.vatPerc().signum() > 0) {
                    grondslag = bedrag.multiply(HUNDRED).divide(b.vatPerc(), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
                    btw.meld(r.xmlRegel(), oms, "grondslag niet uit de transactie te halen ("
                            + (style2Codes.size() > 1 ? "meer btw-codes" : "geen winst-en-verliesregel zonder btw")
                            + "); afgeleid als btw ÷ " + b.vatPerc().stripTrailingZeros().toPlainString() + "% = "
                            + grondslag.abs().toPlainString());
                } else {
                    grondslag = BigDecimal.ZERO;
                    btw.meld(r.xmlRegel(), oms, "geen grondslag te vinden voor btw-code " + b.vatID() + " (btw op de"
                            + " btw-rekening, geen eenduidige omzet- of kostenregel, geen percentage); als 0 geteld");
                }
                // The btw takes the grondslag's direction; without a grondslag, its own (vatAmntTp).
                BigDecimal btwBedrag = grondslag.signum() != 0 ? bedrag.abs().multiply(BigDecimal.valueOf(grondslag.signum()))
                        : bedrag;
                if (b.vatPerc() != null) {
                    ct.percentages.merge(b.vatPerc().stripTrailingZeros(), 1L, Long::sum);
                }
                ct.regels++;
                ct.btwCredit = ct.btwCredit.add(bedrag);
                ct.grondslagCredit = ct.grondslagCredit.add(grondslag);
                btw.telRegel();
                if (periode == null) {
                    btw.meld(r.xmlRegel(), oms, "datum " + r.effDate() + " valt buiten " + btw.jaar() + "; niet meegeteld");
                } else {
                    BigDecimal[] s = ct.som(periode);
                    s[0] = s[0].add(grondslag);
                    s[1] = s[1].add(btwBedrag);
                }
                rows.add(new Boekingsregel(t, r, b, periode, grondslag, btwBedrag, rekening, first));
                first = false;
            }
        }
        return rows;
    }

    /**
     * Gives every code its rubriek (from {@code mapping}, else a proposal) and adds the codes' totals into the
     * return per rubriek. A code used on lines that is neither mapped nor placeable is an error naming it.
     */
    public BtwBerekening sluit(Map<String, BtwCodes.Toewijzing> mapping, String bron) throws InvalidInputException {
        List<CodeRegel> result = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (CodeTotalen ct : codes.values()) {
            Optional<BtwCodes.Toewijzing> t = Optional.ofNullable(mapping.get(ct.code.vatID()));
            if (t.isEmpty()) {
                t = BtwCodes.voorstel(new BtwCodes.Kenmerken(ct.code.vatDesc(), ct.percentage(),
                        ct.code.vatToPayAccID().isPresent(), ct.code.vatToClaimAccID().isPresent(), ct.richting()));
            }
            if (t.isEmpty()) {
                if (ct.regels > 0) {
                    problems.add(Problem.error(bron, "btw-code \"" + ct.code.vatID() + "\" (" + ct.code.vatDesc() + ") staat op "
                            + ct.regels + (ct.regels == 1 ? " regel" : " regels") + " maar rekenblad kan er geen rubriek bij"
                            + " afleiden; geef hem op met --btwcodes (" + ct.code.vatID() + "=rubriek, of =negeren)"));
                }
                t = Optional.of(new BtwCodes.Toewijzing(Optional.empty(), "niet gebruikt; geen rubriek af te leiden"));
            }
            BtwCodes.Toewijzing tw = t.get();
            int teken = tw.rubriek().map(BtwCodes::teken).orElse(1);
            boolean ook5b = tw.rubriek().map(r -> BtwCodes.ookVoorbelasting(r, ct.code.vatToClaimAccID().isPresent()))
                    .orElse(false);
            Map<Period, BigDecimal> g = new LinkedHashMap<>();
            Map<Period, BigDecimal> b = new LinkedHashMap<>();
            for (Period p : btw.perioden()) {
                BigDecimal[] s = ct.sommen.getOrDefault(p, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                g.put(p, teken < 0 ? s[0].negate() : s[0]);
                b.put(p, teken < 0 ? s[1].negate() : s[1]);
            }
            result.add(new CodeRegel(ct.code, ct.percentage(), tw, ct.regels, g, b, ook5b, teken));
        }
        for (String mapped : mapping.keySet()) {
            if (!codes.containsKey(mapped)) {
                problems.add(Problem.warning(bron, "btw-code \"" + mapped + "\" uit --btwcodes staat niet in de auditfile"));
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidInputException(problems.stream().filter(Problem::isError).toList());
        }
        for (CodeRegel c : result) {
            if (c.toewijzing().rubriek().isEmpty()) {
                continue;
            }
            Rubriek r = c.toewijzing().rubriek().get();
            for (Period p : btw.perioden()) {
                btw.tel(p, r, c.grondslag().get(p), c.btw().get(p));
                if (r == Rubriek.R3B && !c.toewijzing().soort().isEmpty()) {
                    btw.telDiensten3b(p, c.toewijzing().diensten() ? c.grondslag().get(p) : BigDecimal.ZERO);
                }
                if (c.ookVoorbelasting()) {
                    btw.tel(p, Rubriek.R5B, BigDecimal.ZERO, c.btw().get(p));
                }
            }
        }
        codeRegels = List.copyOf(result);
        warnings = problems;
        return btw;
    }

    private List<Problem> warnings = List.of();

    /** Warnings of {@link #sluit}: mapped codes the file does not have. */
    public List<Problem> waarschuwingen() {
        return Collections.unmodifiableList(warnings);
    }

    /** The codes with their rubriek and totals, in the order of the file; after {@link #sluit}. */
    public List<CodeRegel> codes() {
        if (codeRegels == null) {
            throw new IllegalStateException("sluit() first");
        }
        return codeRegels;
    }

    /** The mapping used, to write back as a file. */
    public Map<String, BtwCodes.Toewijzing> toewijzingen() {
        Map<String, BtwCodes.Toewijzing> m = new LinkedHashMap<>();
        for (CodeRegel c : codes()) {
            m.put(c.code().vatID(), c.toewijzing());
        }
        return m;
    }

    /** Per period: the return's 5a and 5b (to the cent) against the ledger. */
    public List<Aansluiting> aansluiting(BtwAangifte.Result aangifte) {
        List<Aansluiting> list = new ArrayList<>();
        for (Period p : btw.perioden()) {
            BigDecimal[] g = grootboek.get(p);
            list.add(new Aansluiting(p, aangifte.exact(BtwAangifte.exact(p, BtwAangifte.VERSCHULDIGD)), g[0],
                    aangifte.exact(BtwAangifte.exact(p, BtwAangifte.VOORBELASTING)), g[1]));
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

    /** The ledger accounts the aansluiting reads, with their side. */
    public Map<String, BtwRekening> btwRekeningen() {
        Map<String, BtwRekening> m = new TreeMap<>();
        claimAccounts.forEach(a -> m.put(a, BtwRekening.TE_VORDEREN));
        payAccounts.forEach(a -> m.put(a, BtwRekening.TE_BETALEN));
        return m;
    }

    public Optional<Auditfile.Rekening> rekening(String accID) {
        return Optional.ofNullable(rekeningen.get(accID));
    }
}
