package nl.rekenblad.auditfile;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.stax.WstxInputFactory;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XAF 3.2 auditfile as a stream (Woodstox StAX): no DTD, no entities, bounded text and depth, so that a
 * file of any size reads in bounded memory and a hostile one fails with one Dutch line naming the file and the line
 * in it. The header, the ledger accounts and the VAT codes are handed over as they come; each transaction once it
 * is complete, after its accounts and VAT codes have been checked against the ledger and the code table. At the end
 * the file's control totals ({@code linesCount}, {@code totalDebit}, {@code totalCredit}) must equal what was read.
 * Not thread-safe: one reader per file.
 */
public final class AuditfileReader {
    /** The longest text of one element (a description may be long; a 2 GB text node is refused early). */
    public static final int MAX_TEXT = 100_000;
    /** The deepest nesting accepted: XAF needs seven levels. */
    public static final int MAX_DEPTH = 32;
    /** Lines of one transaction at most (it is held in memory until it is complete). */
    public static final int MAX_LINES_PER_TRANSACTION = 100_000;
    /** Ledger accounts and VAT codes at most (they are held in memory for the checks). */
    public static final int MAX_ACCOUNTS = 100_000;

    private static final Map<String, String> OTHER_VERSIONS = Map.of(
            "http://www.auditfiles.nl/XAF/3.0", "XAF 3.0",
            "", "XAF 2.0 (CLAIR) of een auditfile zonder namespace");
    private static final String SUPPORTED = "rekenblad leest XAF 3.1, 3.2, 3.2.1 en 4.0; exporteer de auditfile in een"
            + " van die versies (bij voorkeur XAF 4.0, dat de Belastingdienst vanaf 2027 vraagt)";
    /** At most this many reference problems (unknown accounts and codes) are collected before the reading stops. */
    public static final int MAX_PROBLEMS = 100;
    /** The shape of an RGS code: B or W and at least one capitalised part of three letters ("BSchBtw", "WOmzNop"). */
    private static final Pattern RGS = Pattern.compile("[BW](?:[A-Z][a-z]{2}){1,6}[A-Za-z0-9]*");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(Z|[+-]\\d{2}:\\d{2})?");

    /** What the caller does with each part, in the order of the file. */
    public interface Handler {
        void header(Auditfile.Header header) throws InvalidInputException, IOException;

        /**
         * Whether a VAT code that the file's {@code vatCodes} does not declare is an error. A caller that reads only
         * the ledger (the profit) says no: such a code says nothing about its figures.
         */
        default boolean btwCodesNodig() {
            return true;
        }

        /** Something the reader read in a way the file did not say outright; reported, the reading goes on. */
        default void waarschuwing(Problem warning) {}

        default void rekening(Auditfile.Rekening rekening) throws InvalidInputException {}

        default void btwCode(Auditfile.BtwCode code) throws InvalidInputException {}

        void transactie(Auditfile.Transactie transactie) throws InvalidInputException, IOException;
    }

    private static final XMLInputFactory FACTORY = factory();

    private final String name;
    private final XMLStreamReader xml;
    private final Handler handler;
    private final Map<String, Auditfile.Rekening> rekeningen = new HashMap<>();
    private final Map<String, Auditfile.BtwCode> codes = new HashMap<>();
    private Auditfile.Header header;
    private long lines;
    private long transactions;
    private BigDecimal debit = BigDecimal.ZERO;
    private BigDecimal credit = BigDecimal.ZERO;
    private Long statedLines;
    private BigDecimal statedDebit;
    private BigDecimal statedCredit;
    private String journal = "";
    private String journalTp = "";
    private final Map<String, LocalDate> dates = new HashMap<>();
    private String namespace = Auditfile.NAMESPACE;
    private Versie versie = Versie.XAF_3_2;
    private final nl.rekenblad.core.ProblemList problems = nl.rekenblad.core.ProblemList.tracking(MAX_PROBLEMS);
    private final Map<String, long[]> signedCodes = new LinkedHashMap<>();

    private static XMLInputFactory factory() {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 10_000);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 100);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
        return f;
    }

    private AuditfileReader(String name, XMLStreamReader xml, Handler handler) {
        this.name = name;
        this.xml = xml;
        this.handler = handler;
    }

    /**
     * Reads the whole file, handing each part to {@code handler}. Does not close {@code in}.
     *
     * @param name the file's name, for messages
     * @return what was read, once the control totals agree
     */
    public static Auditfile.Totalen read(InputStream in, String name, Handler handler)
            throws IOException, InvalidInputException {
        XMLStreamReader xml;
        java.io.PushbackInputStream head = new java.io.PushbackInputStream(in, 512);
        byte[] first = head.readNBytes(512);
        head.unread(first);
        Utf8Lezer utf8 = utf8(first) ? new Utf8Lezer(head) : null;
        try {
            if (utf8 != null) {
                if (first.length >= 3
                        && (first[0] & 0xff) == 0xEF
                        && (first[1] & 0xff) == 0xBB
                        && (first[2] & 0xff) == 0xBF) {
                    head.skipNBytes(3);
                }
                xml = FACTORY.createXMLStreamReader(utf8);
            } else {
                xml = FACTORY.createXMLStreamReader(head);
            }
        } catch (XMLStreamException e) {
            throw new AuditfileReader(name, null, handler).xmlError(e);
        }
        AuditfileReader r = new AuditfileReader(name, xml, handler);
        try {
            Auditfile.Totalen totalen = r.document();
            if (utf8 != null && utf8.ongeldig() > 0) {
                handler.waarschuwing(Problem.warning(
                        name + " › regel " + utf8.eersteRegel(),
                        "het bestand zegt UTF-8 te zijn,"
                                + " maar byte " + utf8.eersteByte() + String.format(" (0x%02X)", utf8.eersteWaarde())
                                + " is geen UTF-8;"
                                + " " + utf8.ongeldig() + (utf8.ongeldig() == 1 ? " byte is" : " bytes zijn")
                                + " gelezen als"
                                + " Windows-1252 (een naam of omschrijving kan een verkeerd teken tonen; bedragen en codes staan in"
                                + " gewone tekens en zijn goed gelezen)"));
            }
            return totalen;
        } catch (XMLStreamException e) {
            throw r.xmlError(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing held beyond the stream, which the caller closes
            }
        }
    }

    /** Whether the file is UTF-8 by its declaration (or the lack of one), and not UTF-16. */
    private static boolean utf8(byte[] head) {
        if (head.length >= 2
                && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                        || head[0] == 0
                        || head[1] == 0)) {
            return false;
        }
        String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = Pattern.compile("<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']")
                .matcher(s);
        return !m.find() || m.group(1).equalsIgnoreCase("utf-8") || m.group(1).equalsIgnoreCase("utf8");
    }

    /** Whether {@code head} (the first bytes of a file) looks like an auditfile: an {@code auditfile} root element. */
    public static boolean looksLikeAuditfile(byte[] head) {
        String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i >= 0 && i < s.length()) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= s.length()) {
                return false;
            }
            char c = s.charAt(lt + 1);
            if (c == '?' || c == '!') {
                i = s.indexOf('>', lt) < 0 ? -1 : s.indexOf('>', lt) + 1;
                continue;
            }
            String rest = s.substring(lt + 1);
            return rest.matches("(?s)([A-Za-z_][\\w.-]*:)?auditfile[\\s>/].*");
        }
        return false;
    }

    private Auditfile.Totalen document() throws XMLStreamException, InvalidInputException, IOException {
        int event = next();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error(0, "geen XML-elementen; verwacht een auditfile (XAF 3.2)");
            }
            event = next();
        }
        if (!"auditfile".equals(xml.getLocalName())) {
            throw error(
                    line(),
                    "geen auditfile: het hoofdelement is <" + xml.getLocalName() + ">, verwacht <auditfile>"
                            + " (XML Auditfile Financieel, XAF 3.2)");
        }
        String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        Optional<Versie> v = Versie.of(ns);
        if (v.isEmpty()) {
            String version = OTHER_VERSIONS.getOrDefault(ns, "een onbekende versie (namespace " + shorten(ns) + ")");
            throw error(line(), "dit is " + version + "; " + SUPPORTED);
        }
        versie = v.get();
        namespace = ns;
        children("auditfile", this::auditfileChild);
        if (header == null) {
            throw error(line(), "de auditfile heeft geen <header>");
        }
        for (Map.Entry<String, long[]> e : signedCodes.entrySet()) {
            handler.waarschuwing(Problem.warning(
                    name + " › regel " + e.getValue()[1],
                    "btw-code \"" + e.getKey()
                            + "\" staat niet in de btw-codes (vatCodes) maar is de gedeclareerde code \""
                            + e.getKey().substring(1)
                            + "\" met een minteken (zo schrijven sommige pakketten creditnota's); gelezen als \""
                            + e.getKey().substring(1) + "\" op " + e.getValue()[0]
                            + (e.getValue()[0] == 1 ? " regel" : " regels")
                            + ", het bedrag met zijn eigen debet of credit"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.all(name, "zulke fouten"));
        }
        checkTotals();
        return new Auditfile.Totalen(lines, debit, credit, transactions);
    }

    @FunctionalInterface
    private interface Child {
        void start(String local) throws XMLStreamException, InvalidInputException, IOException;
    }

    /** Calls {@code child} for each child element of the current element, until its end tag. */
    private void children(String parent, Child child) throws XMLStreamException, InvalidInputException, IOException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!namespace.equals(xml.getNamespaceURI())) {
                    skip();
                    continue;
                }
                child.start(xml.getLocalName());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error(line(), "het bestand houdt op binnen <" + parent + ">; is het afgebroken?");
            }
        }
    }

    private int next() throws XMLStreamException, InvalidInputException {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
            throw error(line(), "een DOCTYPE (DTD) is niet toegestaan in een auditfile");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw error(
                    line(), "een entiteit (&" + shorten(xml.getLocalName()) + ";) is niet toegestaan in een auditfile");
        }
        return event;
    }

    /** Skips the current element and everything in it. */
    private void skip() throws XMLStreamException, InvalidInputException {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw error(line(), "het bestand houdt halverwege op; is het afgebroken?");
            }
        }
    }

    /** The text of the current element, which must hold no elements. */
    private String text() throws XMLStreamException, InvalidInputException {
        StringBuilder sb = new StringBuilder();
        String element = xml.getLocalName();
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (sb.length() + xml.getTextLength() > MAX_TEXT) {
                        throw error(line(), "de tekst van <" + element + "> is langer dan " + MAX_TEXT + " tekens");
                    }
                    sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return sb.toString().strip();
                }
                case XMLStreamConstants.START_ELEMENT ->
                    throw error(
                            line(),
                            "<" + element + "> bevat een element <" + xml.getLocalName() + ">; verwacht alleen tekst");
                case XMLStreamConstants.END_DOCUMENT ->
                    throw error(line(), "het bestand houdt op binnen <" + element + ">");
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
    }

    private void auditfileChild(String local) throws XMLStreamException, InvalidInputException, IOException {
        switch (local) {
            case "header" -> header();
            case "company" -> children("company", this::companyChild);
            default -> skip();
        }
    }

    private void header() throws XMLStreamException, InvalidInputException, IOException {
        long at = line();
        if (header != null) {
            throw error(at, "de auditfile heeft meer dan één <header>");
        }
        Map<String, String> f = new HashMap<>();
        children("header", local -> f.put(local, text()));
        String fiscalYear = f.getOrDefault("fiscalYear", "");
        LocalDate start = date(required(f, "startDate", "header", at), "startDate", at);
        LocalDate end = date(required(f, "endDate", "header", at), "endDate", at);
        String cur = required(f, "curCode", "header", at);
        if (!"EUR".equalsIgnoreCase(cur)) {
            throw error(
                    at,
                    "de administratie is in " + shorten(cur) + "; rekenblad rekent alleen met een auditfile in euro's"
                            + " (curCode EUR)");
        }
        if (end.isBefore(start)) {
            throw error(at, "endDate " + end + " ligt vóór startDate " + start);
        }
        header = new Auditfile.Header(
                fiscalYear,
                start,
                end,
                cur,
                f.getOrDefault("softwareDesc", "")
                        + (f.containsKey("softwareVersion") ? " " + f.get("softwareVersion") : ""),
                versie);
        handler.header(header);
    }

    private void companyChild(String local) throws XMLStreamException, InvalidInputException, IOException {
        switch (local) {
            case "generalLedger" ->
                children("generalLedger", l -> {
                    if (l.equals("ledgerAccount")) {
                        ledgerAccount();
                    } else {
                        skip();
                    }
                });
            case "vatCodes" ->
                children("vatCodes", l -> {
                    if (l.equals("vatCode")) {
                        vatCode();
                    } else {
                        skip();
                    }
                });
            case "transactions" -> {
                requireHeader();
                children("transactions", this::transactionsChild);
            }
            default -> skip();
        }
    }

    private void requireHeader() throws InvalidInputException {
        if (header == null) {
            throw error(line(), "de <header> ontbreekt of staat niet vóór de transacties");
        }
    }

    private void ledgerAccount() throws XMLStreamException, InvalidInputException, IOException {
        long at = line();
        Map<String, String> f = new HashMap<>();
        children("ledgerAccount", local -> {
            if (List.of("accID", "accDesc", "accTp", "RGScode", "leadReference", "leadCode", "leadDescription")
                    .contains(local)) {
                f.put(local, text());
            } else {
                skip();
            }
        });
        String id = id(required(f, "accID", "ledgerAccount", at), "accID", at);
        if (rekeningen.size() >= MAX_ACCOUNTS) {
            throw error(at, "meer dan " + MAX_ACCOUNTS + " grootboekrekeningen");
        }
        Auditfile.Rekening r = new Auditfile.Rekening(
                id, f.getOrDefault("accDesc", ""), f.getOrDefault("accTp", ""), rgs(f), groep(f));
        rekeningen.put(id, r);
        handler.rekening(r);
    }

    /** The RGS code of an account: 4.0's RGScode, else a lead reference or lead code that has an RGS code's shape. */
    private static String rgs(Map<String, String> f) {
        for (String k : List.of("RGScode", "leadReference", "leadCode")) {
            String v = f.getOrDefault(k, "").strip();
            if (!v.isEmpty() && (k.equals("RGScode") || RGS.matcher(v).matches())) {
                return shorten(v);
            }
        }
        return "";
    }

    /** The group a package files the account under when it is not an RGS code: Banana's {@code leadCode} "CRE". */
    private static String groep(Map<String, String> f) {
        String code = f.getOrDefault("leadCode", "").strip();
        String desc = f.getOrDefault("leadDescription", "").strip();
        return RGS.matcher(code).matches() ? desc : (code + " " + desc).strip();
    }

    private void vatCode() throws XMLStreamException, InvalidInputException, IOException {
        long at = line();
        Map<String, String> f = new HashMap<>();
        children("vatCode", local -> f.put(local, text()));
        String id = id(required(f, "vatID", "vatCode", at), "vatID", at);
        if (codes.size() >= MAX_ACCOUNTS) {
            throw error(at, "meer dan " + MAX_ACCOUNTS + " btw-codes");
        }
        Optional<String> pay = Optional.ofNullable(f.get("vatToPayAccID")).filter(s -> !s.isEmpty());
        Optional<String> claim = Optional.ofNullable(f.get("vatToClaimAccID")).filter(s -> !s.isEmpty());
        Auditfile.BtwCode c = new Auditfile.BtwCode(id, f.getOrDefault("vatDesc", ""), pay, claim);
        codes.put(id, c);
        handler.btwCode(c);
    }

    private void transactionsChild(String local) throws XMLStreamException, InvalidInputException, IOException {
        switch (local) {
            case "linesCount" -> {
                long at = line();
                String t = text();
                if (!t.matches("\\d{1,18}")) {
                    throw error(at, "linesCount \"" + shorten(t) + "\" is geen aantal");
                }
                statedLines = Long.parseLong(t);
            }
            case "totalDebit" -> statedDebit = amount(text(), "totalDebit", line());
            case "totalCredit" -> statedCredit = amount(text(), "totalCredit", line());
            case "journal" -> {
                journal = "";
                journalTp = "";
                children("journal", this::journalChild);
            }
            default -> skip();
        }
    }

    private void journalChild(String local) throws XMLStreamException, InvalidInputException, IOException {
        switch (local) {
            case "jrnID" -> journal = shorten(text());
            case "jrnTp" -> journalTp = shorten(text()).toUpperCase(java.util.Locale.ROOT);
            case "transaction" -> transaction();
            default -> skip();
        }
    }

    private void transaction() throws XMLStreamException, InvalidInputException, IOException {
        long at = line();
        Map<String, String> f = new HashMap<>();
        List<Auditfile.Regel> regels = new ArrayList<>();
        Child lines = new Child() {
            @Override
            public void start(String local) throws XMLStreamException, InvalidInputException, IOException {
                switch (local) {
                    case "nr", "desc", "trDt" -> f.put(local, text());
                    case "trLines" -> children("trLines", this);
                    case "trLine" -> {
                        if (regels.size() >= MAX_LINES_PER_TRANSACTION) {
                            throw error(
                                    line(),
                                    "transactie " + journal + " " + f.getOrDefault("nr", "?") + " heeft meer" + " dan "
                                            + MAX_LINES_PER_TRANSACTION + " regels");
                        }
                        regels.add(trLine(journal + " " + f.getOrDefault("nr", "?")));
                    }
                    default -> skip();
                }
            }
        };
        children("transaction", lines);
        String nr = shorten(f.getOrDefault("nr", ""));
        LocalDate trDt = f.containsKey("trDt") ? date(f.get("trDt"), "trDt", at) : null;
        boolean ok = true;
        List<Auditfile.Regel> read = new ArrayList<>(regels.size());
        for (Auditfile.Regel r : regels) {
            String where = plaats(nr, r);
            if (!rekeningen.containsKey(r.accID())) {
                ok = problem(
                        r.xmlRegel(),
                        where + ": grootboekrekening \"" + r.accID() + "\" staat niet in het grootboek"
                                + " (generalLedger) van de auditfile");
            }
            List<Auditfile.Btw> btw = new ArrayList<>(r.btw().size());
            for (Auditfile.Btw b : r.btw()) {
                if (codes.containsKey(b.vatID())) {
                    btw.add(b);
                } else if (b.vatID().startsWith("-")
                        && codes.containsKey(b.vatID().substring(1))) {
                    signedCodes.computeIfAbsent(b.vatID(), k -> new long[] {0, r.xmlRegel()})[0]++;
                    btw.add(new Auditfile.Btw(b.vatID().substring(1), b.vatPerc(), b.bedrag()));
                } else if (handler.btwCodesNodig()) {
                    ok = problem(
                            r.xmlRegel(),
                            where + ": btw-code \"" + b.vatID() + "\" staat niet in de btw-codes"
                                    + " (vatCodes) van de auditfile");
                }
            }
            read.add(
                    btw.equals(r.btw())
                            ? r
                            : new Auditfile.Regel(
                                    r.nr(),
                                    r.accID(),
                                    r.docRef(),
                                    r.effDate(),
                                    r.desc(),
                                    r.bedrag(),
                                    r.custSupID(),
                                    btw,
                                    r.xmlRegel()));
        }
        transactions++;
        if (ok && problems.isEmpty()) {
            handler.transactie(
                    new Auditfile.Transactie(journal, nr, f.getOrDefault("desc", ""), trDt, read, at, journalTp));
        }
    }

    private Auditfile.Regel trLine(String transactie) throws XMLStreamException, InvalidInputException, IOException {
        long at = line();
        Map<String, String> f = new HashMap<>();
        List<Auditfile.Btw> btw = new ArrayList<>();
        children("trLine", local -> {
            switch (local) {
                case "nr", "accID", "docRef", "effDate", "desc", "amnt", "amntTp", "custSupID" -> f.put(local, text());
                case "vat" -> {
                    if (btw.size() >= 99) {
                        throw error(line(), "meer dan 99 btw-elementen op één regel");
                    }
                    btw.add(vat(transactie));
                }
                default -> skip();
            }
        });
        String where = "trLine (transactie " + transactie + ")";
        String nr = shorten(f.getOrDefault("nr", ""));
        String acc = id(required(f, "accID", where, at), "accID", at);
        BigDecimal amnt = amount(required(f, "amnt", where, at), "amnt", at);
        boolean isCredit = side(required(f, "amntTp", where, at), "amntTp", at);
        LocalDate eff = date(required(f, "effDate", where, at), "effDate", at);
        lines++;
        if (isCredit) {
            credit = credit.add(amnt);
        } else {
            debit = debit.add(amnt);
        }
        return new Auditfile.Regel(
                nr,
                acc,
                f.getOrDefault("docRef", ""),
                eff,
                f.getOrDefault("desc", ""),
                isCredit ? amnt : amnt.negate(),
                f.getOrDefault("custSupID", ""),
                btw,
                at);
    }

    private Auditfile.Btw vat(String transactie) throws XMLStreamException, InvalidInputException, IOException {
        long at = line();
        Map<String, String> f = new HashMap<>();
        children("vat", local -> f.put(local, text()));
        String where = "vat (transactie " + transactie + ")";
        String id = id(required(f, "vatID", where, at), "vatID", at);
        BigDecimal perc = f.containsKey("vatPerc") && !f.get("vatPerc").isEmpty()
                ? number(f.get("vatPerc"), "vatPerc", at)
                : null;
        if (perc != null && (perc.signum() < 0 || perc.compareTo(new BigDecimal(100)) > 0)) {
            throw error(at, "vatPerc " + perc.toPlainString() + " ligt niet tussen 0 en 100");
        }
        BigDecimal amnt = amount(required(f, "vatAmnt", where, at), "vatAmnt", at);
        boolean isCredit = side(required(f, "vatAmntTp", where, at), "vatAmntTp", at);
        return new Auditfile.Btw(id, perc, isCredit ? amnt : amnt.negate());
    }

    /** "dagboek VRK, transactie 2025-0012, transactieregel 3": the three numbers apart, as the package shows them. */
    private String plaats(String transactie, Auditfile.Regel r) {
        return "dagboek " + journal + ", transactie " + transactie
                + (r.nr().isEmpty() ? "" : ", transactieregel " + r.nr());
    }

    /** Collects a reference problem (at most {@link #MAX_PROBLEMS}); returns false for the caller's "ok". */
    private boolean problem(long at, String message) {
        problems.add(Problem.error(name + " › regel " + at, message));
        return false;
    }

    private void checkTotals() throws InvalidInputException {
        boolean amountsAgree = (statedDebit == null || statedDebit.compareTo(debit) == 0)
                && (statedCredit == null || statedCredit.compareTo(credit) == 0);
        if (statedLines != null
                && statedLines != lines
                && statedLines == transactions
                && amountsAgree
                && (statedDebit != null || statedCredit != null)) {
            handler.waarschuwing(Problem.warning(
                    name,
                    "linesCount is " + statedLines + ": het aantal transacties, niet het"
                            + " aantal transactieregels (" + lines
                            + "); de totalen debet en credit kloppen wel, dus het bestand is"
                            + " als volledig gelezen (sommige pakketten schrijven zo het aantal transacties)"));
            statedLines = null;
        }
        if (statedLines != null && statedLines != lines) {
            throw error(
                    0,
                    "de auditfile zegt " + statedLines + " transactieregels te bevatten (linesCount), maar er staan er "
                            + lines + " in; het bestand is onvolledig of aangepast");
        }
        if (statedDebit != null && statedDebit.compareTo(debit) != 0) {
            throw error(
                    0,
                    "het totaal debet van de regels is " + debit.toPlainString() + ", de auditfile zegt "
                            + statedDebit.toPlainString() + " (totalDebit); het bestand is onvolledig of aangepast");
        }
        if (statedCredit != null && statedCredit.compareTo(credit) != 0) {
            throw error(
                    0,
                    "het totaal credit van de regels is " + credit.toPlainString() + ", de auditfile zegt "
                            + statedCredit.toPlainString() + " (totalCredit); het bestand is onvolledig of aangepast");
        }
    }

    private String required(Map<String, String> f, String field, String where, long at) throws InvalidInputException {
        String v = f.get(field);
        if (v == null || v.isEmpty()) {
            throw error(at, "<" + field + "> ontbreekt in <" + where + ">");
        }
        return v;
    }

    private String id(String v, String field, long at) throws InvalidInputException {
        if (v.length() > 35) {
            throw error(at, field + " \"" + shorten(v) + "\" is langer dan 35 tekens (de grens van XAF 3.2)");
        }
        return v;
    }

    private boolean side(String v, String field, long at) throws InvalidInputException {
        return switch (v) {
            case "C", "c" -> true;
            case "D", "d" -> false;
            default -> throw error(at, field + " \"" + shorten(v) + "\" is geen D (debet) of C (credit)");
        };
    }

    /** An xsd:decimal: an optional sign, digits, an optional point with digits (at most 20 on each side). */
    private static boolean isDecimal(String v) {
        int i = 0;
        int n = v.length();
        if (n > 0 && (v.charAt(0) == '+' || v.charAt(0) == '-')) {
            i++;
        }
        int before = 0;
        int after = -1;
        for (; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                if (after < 0) {
                    before++;
                } else {
                    after++;
                }
            } else if (c == '.' && after < 0) {
                after = 0;
            } else {
                return false;
            }
        }
        return before <= 20 && after <= 20 && (before > 0 || after > 0);
    }

    private BigDecimal number(String v, String field, long at) throws InvalidInputException {
        if (!isDecimal(v)) {
            throw error(
                    at, field + " \"" + shorten(v) + "\" is geen getal (verwacht bijvoorbeeld 1234.56, met een punt)");
        }
        return new BigDecimal(v.startsWith("+") ? v.substring(1) : v);
    }

    private BigDecimal amount(String v, String field, long at) throws InvalidInputException {
        BigDecimal b = number(v, field, at);
        if (b.stripTrailingZeros().scale() > 2) {
            throw error(at, field + " " + shorten(v) + " heeft meer dan 2 decimalen");
        }
        if (b.abs().compareTo(Money.MAX_AMOUNT) > 0) {
            throw error(
                    at,
                    field + " " + shorten(v) + " is groter dan het grootste bedrag dat rekenblad leest ("
                            + Money.MAX_AMOUNT.toPlainString() + ")");
        }
        return b.setScale(2);
    }

    private LocalDate date(String v, String field, long at) throws InvalidInputException {
        // The lines of a file share few dates: parse each once.
        LocalDate known = dates.get(v);
        if (known != null) {
            return known;
        }
        if (dates.size() > 10_000) {
            dates.clear();
        }
        LocalDate d = parseDate(v, field, at);
        dates.put(v, d);
        return d;
    }

    private LocalDate parseDate(String v, String field, long at) throws InvalidInputException {
        if (!DATE.matcher(v).matches()) {
            throw error(at, field + " \"" + shorten(v) + "\" is geen datum (verwacht JJJJ-MM-DD)");
        }
        try {
            return LocalDate.parse(v.substring(0, 10));
        } catch (DateTimeException e) {
            throw error(at, field + " \"" + shorten(v) + "\" is geen bestaande datum");
        }
    }

    private long line() {
        return xml == null ? 0 : xml.getLocation().getLineNumber();
    }

    private InvalidInputException error(long at, String message) {
        return InvalidInputException.of(at > 0 ? name + " › regel " + at : name, message);
    }

    private InvalidInputException xmlError(XMLStreamException e) {
        long at = e.getLocation() != null && e.getLocation().getLineNumber() > 0
                ? e.getLocation().getLineNumber()
                : line();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof java.io.CharConversionException
                || msg.contains("Invalid UTF-8")
                || msg.contains("Invalid UTF8")) {
            String all = msg + " " + (cause == null || cause.getMessage() == null ? "" : cause.getMessage());
            java.util.regex.Matcher m = Pattern.compile("0x[0-9a-fA-F]{1,2}").matcher(all);
            java.util.regex.Matcher b = Pattern.compile("byte #(\\d+)").matcher(all);
            return error(
                    at,
                    "geen geldige UTF-8: de byte " + (m.find() ? m.group() : "")
                            + (b.find() ? " (byte " + (Long.parseLong(b.group(1)) + 1) + " van het bestand)" : "")
                            + " past niet in de tekenset van het"
                            + " bestand; sla de auditfile opnieuw op als UTF-8, of zet de juiste encoding in de XML-declaratie");
        }
        if (e instanceof WstxEOFException) {
            return error(at, "het bestand houdt halverwege de XML op; is het afgebroken?");
        }
        if (msg.contains("size limit") || msg.contains("length limit") || msg.contains("Maximum")) {
            return error(
                    at,
                    "het bestand overschrijdt een grens van de lezer (ten hoogste " + MAX_TEXT + " tekens tekst per"
                            + " element, " + MAX_DEPTH + " niveaus diep)");
        }
        if (msg.contains("DOCTYPE") || msg.contains("DTD")) {
            return error(at, "een DOCTYPE (DTD) is niet toegestaan in een auditfile");
        }
        if (msg.contains("entity")) {
            return error(at, "een entiteit is niet toegestaan in een auditfile");
        }
        if (msg.contains("encoding") || msg.contains("Invalid UTF-8") || msg.contains("character")) {
            return error(at, "geen geldige XML: een teken klopt niet met de tekenset van het bestand");
        }
        return error(at, "geen geldige XML (geen auditfile, of een beschadigd bestand)");
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
