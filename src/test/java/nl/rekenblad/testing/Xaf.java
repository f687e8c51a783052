package nl.rekenblad.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an XAF 3.2 auditfile for tests and samples, element for element as the schema orders them: header,
 * company (generalLedger, customersSuppliers, vatCodes, periods, transactions with control totals). Amounts:
 * positive is credit, negative debit.
 */
public final class Xaf {
    private final int year;
    private final String company;
    private final StringBuilder accounts = new StringBuilder();
    private final StringBuilder codes = new StringBuilder();
    private final Map<String, String> journals = new LinkedHashMap<>();
    private final Map<String, StringBuilder> transactions = new LinkedHashMap<>();
    private long lines;
    private BigDecimal debit = BigDecimal.ZERO;
    private BigDecimal credit = BigDecimal.ZERO;

    public Xaf(int year, String company) {
        this.year = year;
        this.company = company;
    }

    /** A VAT element on a line: {@code amount} positive credit, negative debit. */
    public record Vat(String code, String perc, BigDecimal amount) {}

    /** A transaction line: {@code amount} positive credit, negative debit. */
    public record Line(String account, BigDecimal amount, String desc, List<Vat> vat, String date) {
        public Line vat(String code, String perc, String amount) {
            List<Vat> v = new ArrayList<>(vat);
            v.add(new Vat(code, perc, new BigDecimal(amount)));
            return new Line(account, this.amount, desc, v, date);
        }

        public Line on(String isoDate) {
            return new Line(account, amount, desc, vat, isoDate);
        }
    }

    public static Line line(String account, String amount, String desc) {
        return new Line(account, new BigDecimal(amount), desc, List.of(), null);
    }

    public Xaf account(String id, String desc, String type) {
        accounts.append("      <ledgerAccount><accID>")
                .append(esc(id))
                .append("</accID><accDesc>")
                .append(esc(desc))
                .append("</accDesc><accTp>")
                .append(type)
                .append("</accTp></ledgerAccount>\n");
        return this;
    }

    public Xaf code(String id, String desc, String payAccount, String claimAccount) {
        codes.append("      <vatCode><vatID>")
                .append(esc(id))
                .append("</vatID><vatDesc>")
                .append(esc(desc))
                .append("</vatDesc>");
        if (payAccount != null) {
            codes.append("<vatToPayAccID>").append(payAccount).append("</vatToPayAccID>");
        }
        if (claimAccount != null) {
            codes.append("<vatToClaimAccID>").append(claimAccount).append("</vatToClaimAccID>");
        }
        codes.append("</vatCode>\n");
        return this;
    }

    public Xaf journal(String id, String desc) {
        journals.put(id, desc);
        transactions.put(id, new StringBuilder());
        return this;
    }

    /** Adds a transaction; every line takes {@code date} as its effDate unless it has its own. */
    public Xaf tx(String journal, String nr, String date, String desc, Line... ls) {
        StringBuilder sb = transactions.get(journal);
        sb.append("        <transaction><nr>")
                .append(esc(nr))
                .append("</nr><desc>")
                .append(esc(desc))
                .append("</desc><periodNumber>")
                .append(Integer.parseInt(date.substring(5, 7)))
                .append("</periodNumber><trDt>")
                .append(date)
                .append("</trDt>\n");
        int n = 1;
        for (Line l : ls) {
            BigDecimal a = l.amount();
            sb.append("          <trLine><nr>")
                    .append(n++)
                    .append("</nr><accID>")
                    .append(esc(l.account()))
                    .append("</accID><docRef>")
                    .append(esc(nr))
                    .append("</docRef><effDate>")
                    .append(l.date() == null ? date : l.date())
                    .append("</effDate><desc>")
                    .append(esc(l.desc()))
                    .append("</desc><amnt>")
                    .append(a.abs().toPlainString())
                    .append("</amnt><amntTp>")
                    .append(a.signum() < 0 ? "D" : "C")
                    .append("</amntTp>");
            for (Vat v : l.vat()) {
                sb.append("<vat><vatID>")
                        .append(esc(v.code()))
                        .append("</vatID><vatPerc>")
                        .append(v.perc())
                        .append("</vatPerc><vatAmnt>")
                        .append(v.amount().abs().toPlainString())
                        .append("</vatAmnt><vatAmntTp>")
                        .append(v.amount().signum() < 0 ? "D" : "C")
                        .append("</vatAmntTp></vat>");
            }
            sb.append("</trLine>\n");
            lines++;
            if (a.signum() < 0) {
                debit = debit.add(a.abs());
            } else {
                credit = credit.add(a);
            }
        }
        sb.append("        </transaction>\n");
        return this;
    }

    public String build() {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<auditfile xmlns=\"http://www.auditfiles.nl/XAF/3.2\">\n");
        sb.append("  <header><fiscalYear>")
                .append(year)
                .append("</fiscalYear><startDate>")
                .append(year)
                .append("-01-01</startDate><endDate>")
                .append(year)
                .append("-12-31</endDate><curCode>EUR</curCode><dateCreated>")
                .append(year + 1)
                .append("-01-15</dateCreated><softwareDesc>rekenblad testgenerator</softwareDesc>"
                        + "<softwareVersion>1</softwareVersion></header>\n");
        sb.append("  <company><companyIdent>1</companyIdent><companyName>")
                .append(esc(company))
                .append(
                        "</companyName><taxRegistrationCountry>NL</taxRegistrationCountry><taxRegIdent>NL001234567B01</taxRegIdent>\n");
        sb.append("    <generalLedger>\n").append(accounts).append("    </generalLedger>\n");
        sb.append("    <vatCodes>\n").append(codes).append("    </vatCodes>\n");
        sb.append("    <periods>\n");
        for (int m = 1; m <= 12; m++) {
            java.time.YearMonth ym = java.time.YearMonth.of(year, m);
            sb.append("      <period><periodNumber>")
                    .append(m)
                    .append("</periodNumber><startDatePeriod>")
                    .append(ym.atDay(1))
                    .append("</startDatePeriod><endDatePeriod>")
                    .append(ym.atEndOfMonth())
                    .append("</endDatePeriod></period>\n");
        }
        sb.append("    </periods>\n");
        sb.append("    <transactions><linesCount>")
                .append(lines)
                .append("</linesCount><totalDebit>")
                .append(debit.toPlainString())
                .append("</totalDebit><totalCredit>")
                .append(credit.toPlainString())
                .append("</totalCredit>\n");
        for (Map.Entry<String, String> j : journals.entrySet()) {
            sb.append("      <journal><jrnID>")
                    .append(esc(j.getKey()))
                    .append("</jrnID><desc>")
                    .append(esc(j.getValue()))
                    .append("</desc>\n")
                    .append(transactions.get(j.getKey()))
                    .append("      </journal>\n");
        }
        sb.append("    </transactions>\n  </company>\n</auditfile>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
