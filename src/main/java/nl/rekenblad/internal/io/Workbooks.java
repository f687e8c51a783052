package nl.rekenblad.internal.io;

import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens untrusted .xlsx files safely: the file is read into memory once (it is never opened for
 * writing), with limits on its size and on how far its zip entries may inflate, so a corrupt,
 * encrypted or zip-bomb file ends as one clear message.
 */
public final class Workbooks {
    /** Workbooks from bookkeepers are small; this is generous. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** A zip entry may inflate to at most this many bytes. */
    public static final long MAX_ENTRY_BYTES = PoiSettings.MAX_ENTRY_BYTES;

    private Workbooks() {}

    /** A workbook by its name, or by its content when the name says nothing. */
    public static boolean isWorkbook(Source source) throws IOException {
        String name = source.name().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".json")) {
            return false;
        }
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls") || looksLikeXlsx(source);
    }

    /** True when the bytes look like an OOXML (zip) container. */
    public static boolean looksLikeXlsx(Source source) throws IOException {
        byte[] head = source.head(8);
        return head.length >= 4 && FileMagic.valueOf(head) == FileMagic.OOXML;
    }

    /**
     * Opens {@code file} as an .xlsx workbook in memory.
     *
     * @throws InvalidInputException naming the file when it is too large, encrypted, an old .xls,
     *                               a zip bomb, or not a workbook at all
     */
    public static OutputWorkbook open(Path file) throws IOException, InvalidInputException {
        return open(Source.of(file));
    }

    /**
     * Opens {@code source} as an .xlsx workbook in memory.
     *
     * @throws InvalidInputException naming the source when it is too large, encrypted, an old .xls,
     *                               a zip bomb, or not a workbook at all
     */
    public static OutputWorkbook open(Source source) throws IOException, InvalidInputException {
        String bron = source.name();
        long size = source.size();
        if (size > MAX_BYTES) {
            throw InvalidInputException.of(
                    bron, "werkboek is te groot (" + size + " bytes; ten hoogste " + MAX_BYTES + ")");
        }
        byte[] bytes = source.readAllBytes();
        if (bytes.length == 0) {
            throw InvalidInputException.of(bron, "leeg bestand; verwacht een .xlsx-werkboek");
        }
        FileMagic magic = FileMagic.valueOf(bytes);
        if (magic == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                encrypted =
                        fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
            } catch (IOException | RuntimeException e) {
                throw InvalidInputException.of(bron, "beschadigd bestand: geen geldig Excel-werkboek");
            }
            throw InvalidInputException.of(
                    bron,
                    encrypted
                            ? "werkboek is versleuteld met een wachtwoord; sla het op zonder wachtwoord en probeer opnieuw"
                            : "oud Excel-formaat (.xls); sla het werkboek op als .xlsx en probeer opnieuw");
        }
        if (magic != FileMagic.OOXML) {
            throw InvalidInputException.of(bron, "geen Excel-werkboek (.xlsx): de inhoud is " + describe(magic));
        }
        refuseDoctypes(bron, bytes);
        OutputWorkbook wb = null;
        try {
            PoiSettings.beforeReading();
            wb = OutputWorkbook.read(new ByteArrayInputStream(bytes));
            check(bron, wb.poi());
            if (wb.poi().getWorkbookType() == org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSM) {
                withoutMacros(wb.poi());
            }
            return wb;
        } catch (InvalidInputException e) {
            wb.close();
            throw e;
        } catch (StackOverflowError e) {
            throw InvalidInputException.of(bron, "beschadigd werkboek: een onderdeel is te diep genest om te lezen");
        } catch (EncryptedDocumentException e) {
            throw InvalidInputException.of(bron, "werkboek is versleuteld; sla het op zonder wachtwoord");
        } catch (IOException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Zip bomb")
                    || msg.contains("zip bomb")
                    || msg.contains("MaxEntrySize")
                    || msg.contains("max entry size")) {
                throw InvalidInputException.of(
                        bron,
                        "verdacht werkboek (zip-bom): een onderdeel pakt veel groter uit"
                                + " dan toegestaan; niet verwerkt");
            }
            if (msg.contains("DOCTYPE")) {
                throw InvalidInputException.of(bron, DOCTYPE_REFUSED);
            }
            throw InvalidInputException.of(
                    bron,
                    "beschadigd of geen geldig .xlsx-werkboek: een onderdeel klopt niet met"
                            + " het formaat van Excel");
        }
    }

    private static final String DOCTYPE_REFUSED = "werkboek met een DOCTYPE (entiteiten of een verwijzing naar buiten):"
            + " zo schrijft Excel nooit; niet verwerkt";

    /**
     * Refuses a package any of whose XML parts declares a DOCTYPE (entity expansion, external entities): Excel never
     * writes one. POI refuses most such parts itself, but not all in the same clean way (docProps/core.xml).
     */
    static void refuseDoctypes(String bron, byte[] bytes) throws InvalidInputException {
        long cells = 0;
        // The central directory, as POI reads it: a streamed zip (data descriptors, as SXSSF writes) reads the same.
        try (org.apache.commons.compress.archivers.zip.ZipFile zip =
                org.apache.commons.compress.archivers.zip.ZipFile.builder()
                        .setSeekableByteChannel(
                                new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(bytes))
                        .get()) {
            for (var e : java.util.Collections.list(zip.getEntries())) {
                String name = e.getName().toLowerCase(java.util.Locale.ROOT);
                if (!(name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml"))) {
                    continue;
                }
                try (java.io.InputStream in = zip.getInputStream(e)) {
                    // A DOCTYPE stands before the root element: the start of the part is enough.
                    byte[] start = in.readNBytes(8192);
                    String head = new String(start, java.nio.charset.StandardCharsets.ISO_8859_1);
                    if (head.toUpperCase(java.util.Locale.ROOT).contains("<!DOCTYPE")) {
                        throw InvalidInputException.of(bron + " › " + e.getName(), DOCTYPE_REFUSED);
                    }
                    if (name.startsWith("xl/worksheets/")) {
                        CellCounter counter = new CellCounter();
                        counter.feed(start, start.length);
                        byte[] buf = new byte[64 * 1024];
                        long read = start.length;
                        for (int n; read <= MAX_ENTRY_BYTES && (n = in.read(buf)) > 0; read += n) {
                            counter.feed(buf, n);
                        }
                        cells += counter.cells;
                        if (cells > MAX_CELLS) {
                            throw InvalidInputException.of(
                                    bron,
                                    "werkboek heeft meer dan "
                                            + String.format(java.util.Locale.ROOT, "%,d", MAX_CELLS)
                                                    .replace(',', '.') + " cellen; zo groot leest"
                                            + " rekenblad een werkboek niet in (het geheugen); lever een groot register of journaal"
                                            + " aan als CSV");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not readable as a zip here: POI's own open decides, with its own message.
        }
    }

    /**
     * Cells per workbook at most. A workbook is read whole into POI's model, some hundreds of bytes a cell: a KIA
     * register of 20.000 assets (240.000 cells) ran in 384 MB of heap, one of 60.000 (720.000 cells) not in 512 MB.
     * A CSV has no such limit (its lines are read as text; a register of 60.000 assets runs in 256 MB).
     */
    public static final long MAX_CELLS = 300_000;

    /**
     * Counts {@code <c} start tags (bare or with a namespace prefix, {@code <x:c}) in a worksheet part, fed in
     * pieces. A comment holding such a tag counts too: the count is an upper bound, which is what a limit needs.
     */
    static final class CellCounter {
        long cells;
        /** Whether the bytes since the last {@code '<'} are a tag name still being read. */
        private boolean inName;
        /** Name characters since the {@code '<'} or the last {@code ':'}. */
        private int sinceSeparator;

        private boolean isC;

        void feed(byte[] b, int n) {
            for (int i = 0; i < n; i++) {
                byte ch = b[i];
                if (ch == '<') {
                    inName = true;
                    sinceSeparator = 0;
                    isC = false;
                } else if (inName) {
                    if (ch == ' ' || ch == '>' || ch == '/' || ch == '\t' || ch == '\n' || ch == '\r') {
                        if (isC) {
                            cells++;
                        }
                        inName = false;
                    } else if (ch == ':') {
                        sinceSeparator = 0;
                        isC = false;
                    } else {
                        sinceSeparator++;
                        isC = sinceSeparator == 1 && ch == 'c';
                    }
                }
            }
        }
    }

    /** The content types of a workbook rekenblad reads (.xlsx, .xlsm). */
    private static final Set<String> WORKBOOK_TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml");

    /**
     * Refuses what POI opens but Excel would not, rather than writing it back broken: another Office file (a .docx
     * renamed), a sheet name Excel does not allow, a text cell pointing past the shared-string table.
     */
    static void check(String bron, XSSFWorkbook wb) throws InvalidInputException {
        // The document properties are parsed only when first asked for (when the output is written): parse them now,
        // so a broken docProps part is refused here (found by fuzzing korWorkbook).
        try {
            var props = wb.getProperties();
            props.getCoreProperties();
            props.getExtendedProperties();
            props.getCustomProperties();
        } catch (RuntimeException e) {
            throw InvalidInputException.of(
                    bron, "beschadigd werkboek: de documenteigenschappen (docProps) zijn geen" + " geldige XML");
        }
        // A core-properties part POI could not read (bad XML, a bad checksum) stays a plain part, and POI then fails
        // to save the package (found by fuzzing korWorkbook and kiaWorkbook).
        for (var part :
                wb.getPackage().getPartsByContentType(org.apache.poi.openxml4j.opc.ContentTypes.CORE_PROPERTIES_PART)) {
            if (!(part instanceof org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart)) {
                throw InvalidInputException.of(
                        bron + " › " + part.getPartName().getName().substring(1),
                        "beschadigd werkboek: de documenteigenschappen zijn niet te lezen");
            }
        }
        String type = wb.getPackagePart().getContentType();
        if (!WORKBOOK_TYPES.contains(type)) {
            throw InvalidInputException.of(bron, "geen Excel-werkboek maar een ander Office-bestand (" + type + ")");
        }
        int strings = wb.getSharedStringSource() == null
                ? 0
                : wb.getSharedStringSource().getUniqueCount();
        long styles = wb.getStylesSource() == null ? 0 : wb.getStylesSource().getNumCellStyles();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            String name = wb.getSheetName(i);
            if (name.isBlank()
                    || name.length() > 31
                    || name.matches(".*[\\[\\]:*?/\\\\].*")
                    || name.startsWith("'")
                    || name.endsWith("'")) {
                throw InvalidInputException.of(
                        bron,
                        "het werkblad \"" + name + "\" heeft een naam die Excel niet toestaat"
                                + " (ten hoogste 31 tekens, geen [ ] : * ? / \\ en geen ' aan begin of eind)");
            }
            for (org.apache.poi.ss.usermodel.Row row : wb.getSheetAt(i)) {
                if (row.getRowNum() < 0
                        || row.getRowNum() > org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getLastRowIndex()) {
                    throw InvalidInputException.of(
                            bron + " › " + name,
                            "beschadigd werkboek: een rij met het nummer " + (row.getRowNum() + 1)
                                    + " (een werkblad heeft de rijen 1 tot en met 1.048.576)");
                }
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    var ct = ((org.apache.poi.xssf.usermodel.XSSFCell) cell).getCTCell();
                    // POI reads a cell's style index only when it writes the sheet (found by fuzzing kiaWorkbook).
                    if (ct.isSetS()) {
                        long style;
                        try {
                            style = ct.getS();
                        } catch (RuntimeException e) {
                            style = -1;
                        }
                        if (style < 0 || style >= styles) {
                            throw InvalidInputException.of(
                                    bron + " › " + name + "!"
                                            + cell.getAddress().formatAsString(),
                                    "beschadigd werkboek: de cel verwijst naar een opmaak die er niet is");
                        }
                    }
                    if (ct.isSetT() && ct.getT() == org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.S) {
                        int index;
                        try {
                            index = Integer.parseInt(ct.getV().trim());
                        } catch (RuntimeException e) {
                            index = -1;
                        }
                        if (index < 0 || index >= strings) {
                            throw InvalidInputException.of(
                                    bron + " › " + name + "!"
                                            + cell.getAddress().formatAsString(),
                                    "beschadigd werkboek: de cel verwijst naar tekst " + index + " die er niet is"
                                            + " (de teksttabel heeft er " + strings + ")");
                        }
                    }
                }
            }
        }
    }

    /**
     * Macros are never run and never passed on: the workbook becomes a plain .xlsx, its VBA project
     * is dropped.
     */
    static void withoutMacros(XSSFWorkbook wb) {
        wb.setWorkbookType(org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSX);
        try {
            var part = wb.getPackagePart();
            for (var rel :
                    part.getRelationshipsByType("http://schemas.microsoft.com/office/2006/relationships/vbaProject")) {
                var vba = part.getRelatedPart(rel);
                part.removeRelationship(rel.getId());
                wb.getPackage().removePart(vba);
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            // The content type is already plain .xlsx: Excel ignores an unreferenced part.
        }
    }

    private static String describe(FileMagic magic) {
        return switch (magic) {
            case PDF -> "een PDF";
            case HTML -> "HTML";
            case XML -> "XML";
            case UNKNOWN -> "onbekend (tekst of iets anders)";
            default -> magic.name();
        };
    }

    private static String firstLine(String msg) {
        int nl = msg.indexOf('\n');
        String s = nl < 0 ? msg : msg.substring(0, nl);
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    /**
     * The defined names in {@code xl/workbook.xml}, read without opening the workbook (StAX, no DTD, at most 1 MB);
     * empty when the source is not a zip with such a part of modest size (then a full, guarded open decides, with
     * its own messages).
     */
    public static Optional<Set<String>> definedNames(Source source) {
        try {
            if (source.size() > MAX_BYTES) {
                return Optional.empty();
            }
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(source.open())) {
                for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (!e.getName().equals("xl/workbook.xml")) {
                        continue;
                    }
                    byte[] b = zip.readNBytes(1_000_001);
                    return b.length > 1_000_000 ? Optional.empty() : Optional.of(definedNames(b));
                }
            }
        } catch (IOException | RuntimeException | XMLStreamException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Set<String> definedNames(byte[] workbookXml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Set<String> names = new HashSet<>();
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(workbookXml));
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT
                        && r.getLocalName().equals("definedName")) {
                    String n = r.getAttributeValue(null, "name");
                    if (n != null) {
                        names.add(n);
                    }
                }
            }
        } finally {
            r.close();
        }
        return names;
    }
}
