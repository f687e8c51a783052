package nl.rekenblad.btw;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Auditfiles for tests in other packages (batch, postbus), built from the bundled sample. */
public final class Auditfiles {
    private Auditfiles() {}

    /**
     * The sample with a return the ledger does not explain: sale V1 books 42,50 on the VAT account 1500 where its vat
     * element says 52,50 (and the debtor 10 less, so the file still balances). 2025-Q1: € 10,00 niet verklaard.
     */
    public static byte[] onverklaard() throws Exception {
        String xaf = Files.readString(Path.of("samples/auditfile-2025.xaf"), StandardCharsets.UTF_8);
        String v1 = "<desc>Debiteur</desc><amnt>302.50</amnt>";
        String btw = "<desc>Btw hoog</desc><amnt>52.50</amnt>";
        int at = xaf.indexOf(v1);
        int b = xaf.indexOf(btw, at);
        if (at < 0 || b < 0) {
            throw new IllegalStateException("the sample's sale V1 changed: adjust Auditfiles.onverklaard");
        }
        xaf = xaf.substring(0, at) + "<desc>Debiteur</desc><amnt>292.50</amnt>" + xaf.substring(at + v1.length(), b)
                + "<desc>Btw hoog</desc><amnt>42.50</amnt>" + xaf.substring(b + btw.length());
        xaf = xaf.replace("<totalDebit>436804.50</totalDebit>", "<totalDebit>436794.50</totalDebit>")
                .replace("<totalCredit>436804.50</totalCredit>", "<totalCredit>436794.50</totalCredit>");
        return xaf.getBytes(StandardCharsets.UTF_8);
    }
}
