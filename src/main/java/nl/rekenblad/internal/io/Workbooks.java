package nl.rekenblad.internal.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import nl.rekenblad.api.Source;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.internal.workbook.OutputWorkbook;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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

    private Workbooks() {
    }

    /** A workbook by its name, or by its content when the name says nothing. */
    public static boolean isWorkbookFile(Path file) throws IOException {
        return isWorkbook(Source.of(file));
    }

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
            throw InvalidInputException.of(bron, "werkboek is te groot (" + size + " bytes; ten hoogste " + MAX_BYTES + ")");
        }
        byte[] bytes = source.readAllBytes();
        if (bytes.length == 0) {
            throw InvalidInputException.of(bron, "leeg bestand; verwacht een .xlsx-werkboek");
        }
        FileMagic magic = FileMagic.valueOf(bytes);
        if (magic == FileMagic.OLE2) {
            boolean encrypted;
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                encrypted = fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage");
            } catch (IOException | RuntimeException e) {
                throw InvalidInputException.of(bron, "beschadigd bestand: geen geldig Excel-werkboek");
            }
            throw InvalidInputException.of(bron, encrypted
                    ? "werkboek is versleuteld met een wachtwoord; sla het op zonder wachtwoord en probeer opnieuw"
                    : "oud Excel-formaat (.xls); sla het werkboek op als .xlsx en probeer opnieuw");
        }
        if (magic != FileMagic.OOXML) {
            throw InvalidInputException.of(bron, "geen Excel-werkboek (.xlsx): de inhoud is " + describe(magic));
        }
        try {
            OutputWorkbook wb = OutputWorkbook.read(new ByteArrayInputStream(bytes));
            if (wb.poi().getWorkbookType() == org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSM) {
                withoutMacros(wb.poi());
            }
            return wb;
        } catch (EncryptedDocumentException e) {
            throw InvalidInputException.of(bron, "werkboek is versleuteld; sla het op zonder wachtwoord");
        } catch (IOException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("Zip bomb") || msg.contains("zip bomb") || msg.contains("MaxEntrySize")
                    || msg.contains("max entry size")) {
                throw InvalidInputException.of(bron, "verdacht werkboek (zip-bom): een onderdeel pakt veel groter uit"
                        + " dan toegestaan; niet verwerkt");
            }
            throw InvalidInputException.of(bron, "beschadigd of geen geldig .xlsx-werkboek (" + firstLine(msg) + ")");
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
            for (var rel : part.getRelationshipsByType("http://schemas.microsoft.com/office/2006/relationships/vbaProject")) {
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
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Set<String> names = new HashSet<>();
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(workbookXml));
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("definedName")) {
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
