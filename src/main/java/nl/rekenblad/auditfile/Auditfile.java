package nl.rekenblad.auditfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The parts of an auditfile that rekenblad reads, as immutable records. Amounts are signed: credit positive. */
public final class Auditfile {
    /** The namespace of XAF 3.2, the version rekenblad writes its own sample in. */
    public static final String NAMESPACE = "http://www.auditfiles.nl/XAF/3.2";

    private Auditfile() {}

    /** The file's header: the fiscal year and its dates, the currency and the package that wrote it. */
    public record Header(
            String fiscalYear, LocalDate startDate, LocalDate endDate, String curCode, String software, Versie versie) {
        /** The calendar year the auditfile is about: the year of its start date. */
        public int jaar() {
            return startDate.getYear();
        }
    }

    /**
     * A ledger account: {@code accTp} B (balans), P (winst-en-verlies) or M (gemengd), and its RGS code where the
     * file gives one (XAF 4.0 {@code RGScode}; in 3.x {@code leadReference} or {@code leadCode} when it has the
     * shape of an RGS code, such as {@code BSchBtwAtd} or {@code WOmzNop}), else empty; {@code groep} the package's own
     * {@code leadCode} and {@code leadDescription} when they are not RGS (Banana: "CRE Totaal"), else empty.
     */
    public record Rekening(String accID, String accDesc, String accTp, String rgs, String groep) {
        public Rekening(String accID, String accDesc, String accTp) {
            this(accID, accDesc, accTp, "", "");
        }

        public Rekening(String accID, String accDesc, String accTp, String rgs) {
            this(accID, accDesc, accTp, rgs, "");
        }
    }

    /** A VAT code with the accounts its btw is booked on. */
    public record BtwCode(
            String vatID, String vatDesc, Optional<String> vatToPayAccID, Optional<String> vatToClaimAccID) {}

    /** The {@code vat} element of a transaction line; {@code bedrag} signed credit positive. */
    public record Btw(String vatID, BigDecimal vatPerc, BigDecimal bedrag) {}

    /**
     * One transaction line. {@code bedrag} is signed credit positive ({@code amntTp} C positive, D negative).
     *
     * @param xmlRegel the line of the {@code trLine} element in the file, for messages
     */
    public record Regel(
            String nr,
            String accID,
            String docRef,
            LocalDate effDate,
            String desc,
            BigDecimal bedrag,
            String custSupID,
            List<Btw> btw,
            long xmlRegel) {
        public Regel {
            btw = List.copyOf(btw);
        }
    }

    /** One transaction with its lines, in the order of the file. */
    public record Transactie(
            String journal,
            String nr,
            String desc,
            LocalDate trDt,
            List<Regel> regels,
            long xmlRegel,
            String journalTp) {
        public Transactie(String journal, String nr, String desc, LocalDate trDt, List<Regel> regels, long xmlRegel) {
            this(journal, nr, desc, trDt, regels, xmlRegel, "");
        }

        public Transactie {
            regels = List.copyOf(regels);
        }

        /** Debit equals credit: the lines add up to zero. */
        public boolean sluitend() {
            return saldo().signum() == 0;
        }

        /** Credit minus debit over the lines. */
        public BigDecimal saldo() {
            BigDecimal s = BigDecimal.ZERO;
            for (Regel r : regels) {
                s = s.add(r.bedrag());
            }
            return s;
        }

        /** "VRK 2025-0012": journal and number, as the bookkeeper finds it in the package. */
        public String naam() {
            return journal + " " + nr;
        }
    }

    /** Whether the journal is a sales ({@code jrnTp} S) or purchase (P) book; empty when the file says neither. */
    public static Optional<Boolean> verkoopboek(String jrnTp) {
        return switch (jrnTp) {
            case "S" -> Optional.of(true);
            case "P" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** What the file's control totals said and what was read. */
    public record Totalen(long regels, BigDecimal debet, BigDecimal credit, long transacties) {}
}
