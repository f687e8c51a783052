package nl.rekenblad.auditfile;

import java.util.Optional;

/**
 * The versions of the XML Auditfile Financieel that rekenblad reads, by the namespace of the root element.
 *
 * <p>What differs between them, as far as rekenblad reads it (sources: the XSDs of XAF 3.1 and 3.2 at
 * auditfiles.nl; "XMLAuditfile Financieel 4.0.3", functionele hiërarchie and the revision document against 3.2,
 * Belastingdienst/ODB; ODB notice of 22 April 2026 that only XAF 4.0 is accepted from 1 January 2027):
 * <ul>
 * <li>3.1 and 3.2 share header, generalLedger, vatCodes and transactions/journal/transaction/trLine with vat;
 * 3.1 lacks fields rekenblad does not read (subledgers, some address parts).</li>
 * <li>3.2.1 is 3.2 under the ODB namespace.</li>
 * <li>4.0 gives the RGS code of an account directly ({@code RGScode}); {@code effDate} is the invoice date;
 * several exporters put a transaction's lines in a {@code trLines} container, which is read as if the lines stood
 * in the transaction. Some exporters write the namespace {@code http://www.auditfiles.nl/XAF/4.0}, for which no
 * schema exists; it is read as 4.0.</li>
 * </ul>
 */
public enum Versie {
    XAF_3_1("XAF 3.1", "http://www.auditfiles.nl/XAF/3.1"),
    XAF_3_2("XAF 3.2", Auditfile.NAMESPACE),
    XAF_3_2_1(
            "XAF 3.2.1",
            "http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.0/structures/XmlAuditfileFinancieel3.2.1"),
    XAF_4_0("XAF 4.0", "http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.1/structures/XmlauditfileXAF_4.0"),
    XAF_4_0_AUDITFILES("XAF 4.0 (namespace van auditfiles.nl)", "http://www.auditfiles.nl/XAF/4.0");

    private final String naam;
    private final String namespace;

    Versie(String naam, String namespace) {
        this.naam = naam;
        this.namespace = namespace;
    }

    /** "XAF 3.2", for messages and the sheet. */
    public String naam() {
        return naam;
    }

    public String namespace() {
        return namespace;
    }

    public static Optional<Versie> of(String namespace) {
        for (Versie v : values()) {
            if (v.namespace.equals(namespace)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
