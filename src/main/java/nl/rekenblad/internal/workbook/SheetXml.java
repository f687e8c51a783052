package nl.rekenblad.internal.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Puts a generated sheet's cells into the worksheet XML that POI wrote for it. The XML is parsed (StAX, no DTD):
 * the {@code <sheetData>} element and the {@code <dimension>} element are found as elements of the worksheet,
 * wherever and however POI or SXSSF write them, and replaced by their new text; everything else is kept byte for
 * byte.
 */
final class SheetXml {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private SheetXml() {}

    /** A span of the text, [start, end), in characters. */
    private record Span(int start, int end) {}

    /** {@code xml} with the sheet data (and the dimension) of {@code cells}, as one string (a small sheet). */
    static String withCells(String xml, SheetCells cells, String part) {
        java.io.ByteArrayOutputStream w = new java.io.ByteArrayOutputStream();
        try {
            withCells(xml, cells, part, w);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code xml} with the sheet data (and the dimension) of {@code cells} to {@code out}; {@code part} names
     * it in errors. The cells go straight to {@code out}: a sheet of millions of cells is never one string.
     */
    static void withCells(String xml, SheetCells cells, String part, OutputStream out) throws IOException {
        Span dimension = null;
        Span sheetData = null;
        try {
            XMLStreamReader r;
            synchronized (FACTORY) {
                r = FACTORY.createXMLStreamReader(new StringReader(xml));
            }
            try {
                int before = r.getLocation().getCharacterOffset();
                int depth = 0;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        // Children of <worksheet> only: a <sheetData> elsewhere (in an extension) is not ours.
                        if (depth == 2
                                && (r.getLocalName().equals("sheetData")
                                        || r.getLocalName().equals("dimension"))) {
                            String name = r.getLocalName();
                            int start = before;
                            skipElement(r);
                            depth--;
                            Span s = new Span(start, r.getLocation().getCharacterOffset());
                            if (name.equals("sheetData")) {
                                sheetData = s;
                            } else {
                                dimension = s;
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                    before = r.getLocation().getCharacterOffset();
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("worksheet XML of " + part + " is not readable: " + e.getMessage(), e);
        }
        if (sheetData == null) {
            throw new IllegalStateException("no sheetData in " + part);
        }
        int at = 0;
        if (dimension != null && cells.dimensionRef().isPresent()) {
            SheetCells.write(
                    out,
                    xml.substring(0, dimension.start()) + "<dimension ref=\""
                            + cells.dimensionRef().get() + "\"/>");
            at = dimension.end();
        }
        SheetCells.write(out, xml.substring(at, sheetData.start()));
        cells.writeSheetData(out);
        SheetCells.write(out, xml.substring(sheetData.end()));
    }

    /** From a start element to just after its end element. */
    private static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
