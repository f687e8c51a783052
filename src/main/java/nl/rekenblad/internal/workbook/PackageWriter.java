package nl.rekenblad.internal.workbook;

import nl.rekenblad.core.Target;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a workbook rekenblad generates (from a CSV, a journal or an auditfile) straight to its package, every part
 * as text: content types, relationships, document properties, the workbook with its sheets and defined names, the
 * style table declared once from the {@link Styles.Look}s its cells use, and each sheet from its {@link SheetCells}
 * and {@link PackageSheet} settings. No object model: a small workbook costs what its XML costs to write.
 *
 * <p>Texts are inline strings (no shared-string table), formulas carry their cached values and the workbook asks to
 * be recalculated when opened, as the POI route writes it.
 */
final class PackageWriter {
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    /** Entries carry a fixed time, so the same workbook always has the same bytes. */
    private static final LocalDateTime FIXED = LocalDateTime.of(2026, 1, 1, 0, 0);
    /** From this many rows on a sheet is deflated with the fastest level (as the POI route does). */
    private static final int LARGE_SHEET = 10_000;

    private PackageWriter() {}

    /** What the workbook part holds besides its sheets. */
    record Book(
            List<PackageSheet> sheets,
            Map<String, String> names,
            Map<String, String> custom,
            int activeSheet,
            boolean recalculate,
            Styles styles) {}

    static void write(Book book, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        part(zip, "[Content_Types].xml", contentTypes(book));
        part(zip, "_rels/.rels", rootRels(book));
        part(
                zip,
                "docProps/app.xml",
                XML
                        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                        + "<Application>rekenblad</Application></Properties>");
        part(
                zip,
                "docProps/core.xml",
                XML
                        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                        + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:created>"
                        + "<dc:creator>rekenblad</dc:creator><dc:title>rekenblad</dc:title></cp:coreProperties>");
        if (!book.custom().isEmpty()) {
            part(zip, "docProps/custom.xml", custom(book.custom()));
        }
        part(zip, "xl/workbook.xml", workbook(book));
        part(zip, "xl/_rels/workbook.xml.rels", workbookRels(book));
        for (int i = 0; i < book.sheets().size(); i++) {
            PackageSheet sh = book.sheets().get(i);
            zip.setLevel(sh.cells.lastRow() >= LARGE_SHEET ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION);
            entry(zip, "xl/worksheets/sheet" + (i + 1) + ".xml");
            sheet(sh, i == book.activeSheet(), zip);
            zip.closeEntry();
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        }
        part(zip, "xl/styles.xml", styles(book.styles()));
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(FIXED);
        zip.putNextEntry(e);
    }

    private static void part(ZipOutputStream zip, String name, CharSequence text) throws IOException {
        entry(zip, name);
        SheetCells.write(zip, text);
        zip.closeEntry();
    }

    private static String contentTypes(Book book) {
        StringBuilder w = new StringBuilder(XML);
        w.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        w.append(
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
        w.append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (int i = 0; i < book.sheets().size(); i++) {
            override(
                    w,
                    "/xl/worksheets/sheet" + (i + 1) + ".xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }
        override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        override(w, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        override(w, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        if (!book.custom().isEmpty()) {
            override(w, "/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml");
        }
        return w.append("</Types>").toString();
    }

    private static void override(StringBuilder w, String part, String type) {
        w.append("<Override PartName=\"")
                .append(part)
                .append("\" ContentType=\"")
                .append(type)
                .append("\"/>");
    }

    private static String rootRels(Book book) {
        StringBuilder w = new StringBuilder(XML);
        w.append("<Relationships xmlns=\"").append(PKG_REL).append("\">");
        rel(w, 1, REL + "/officeDocument", "xl/workbook.xml");
        rel(
                w,
                2,
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml");
        rel(w, 3, REL + "/extended-properties", "docProps/app.xml");
        if (!book.custom().isEmpty()) {
            rel(w, 4, REL + "/custom-properties", "docProps/custom.xml");
        }
        return w.append("</Relationships>").toString();
    }

    private static void rel(StringBuilder w, int id, String type, String target) {
        w.append("<Relationship Id=\"rId").append(id).append("\" Type=\"").append(type);
        w.append("\" Target=\"").append(target).append("\"/>");
    }

    private static String custom(Map<String, String> custom) {
        StringBuilder w = new StringBuilder(XML);
        w.append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\"");
        w.append(" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">");
        int pid = 2;
        for (Map.Entry<String, String> e : custom.entrySet()) {
            w.append("<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"")
                    .append(pid++);
            w.append("\" name=\"");
            SheetCells.escape(e.getKey(), w);
            w.append("\"><vt:lpwstr>");
            SheetCells.escape(e.getValue(), w);
            w.append("</vt:lpwstr></property>");
        }
        return w.append("</Properties>").toString();
    }

    private static String workbook(Book book) {
        StringBuilder w = new StringBuilder(XML);
        w.append("<workbook xmlns=\"")
                .append(MAIN)
                .append("\" xmlns:r=\"")
                .append(REL)
                .append("\">");
        w.append("<workbookPr/><bookViews><workbookView activeTab=\"")
                .append(book.activeSheet())
                .append("\"/></bookViews><sheets>");
        List<PackageSheet> sheets = book.sheets();
        for (int i = 0; i < sheets.size(); i++) {
            w.append("<sheet name=\"");
            SheetCells.escape(sheets.get(i).name(), w);
            w.append("\" sheetId=\"")
                    .append(i + 1)
                    .append("\" r:id=\"rId")
                    .append(i + 1)
                    .append("\"/>");
        }
        w.append("</sheets>");
        Map<String, String> local = new LinkedHashMap<>();
        StringBuilder names = new StringBuilder();
        for (Map.Entry<String, String> e : book.names().entrySet()) {
            definedName(names, e.getKey(), -1, e.getValue());
        }
        for (int i = 0; i < sheets.size(); i++) {
            PackageSheet sh = sheets.get(i);
            if (sh.printLastCol >= 0) {
                definedName(
                        names,
                        "_xlnm.Print_Area",
                        i,
                        SheetSetup.reference(sh.name(), new CellRangeAddress(0, sh.printLastRow, 0, sh.printLastCol)));
            }
            if (sh.pageSetup && !sh.fitted()) {
                definedName(names, "_xlnm.Print_Titles", i, Target.quoteSheet(sh.name()) + "!$A:$A");
            }
        }
        if (!names.isEmpty()) {
            w.append("<definedNames>").append(names).append("</definedNames>");
        }
        if (book.recalculate()) {
            w.append("<calcPr fullCalcOnLoad=\"1\"/>");
        }
        return w.append("</workbook>").toString();
    }

    private static void definedName(StringBuilder w, String name, int localSheet, String refersTo) {
        w.append("<definedName name=\"");
        SheetCells.escape(name, w);
        w.append('"');
        if (localSheet >= 0) {
            w.append(" localSheetId=\"").append(localSheet).append('"');
        }
        w.append('>');
        SheetCells.escape(refersTo, w);
        w.append("</definedName>");
    }

    private static String workbookRels(Book book) {
        StringBuilder w = new StringBuilder(XML);
        w.append("<Relationships xmlns=\"").append(PKG_REL).append("\">");
        int n = book.sheets().size();
        for (int i = 0; i < n; i++) {
            rel(w, i + 1, REL + "/worksheet", "worksheets/sheet" + (i + 1) + ".xml");
        }
        rel(w, n + 1, REL + "/styles", "styles.xml");
        return w.append("</Relationships>").toString();
    }

    /** A worksheet part, its elements in the order the schema wants them. */
    private static void sheet(PackageSheet sh, boolean selected, OutputStream out) throws IOException {
        StringBuilder w = new StringBuilder(XML);
        w.append("<worksheet xmlns=\"")
                .append(MAIN)
                .append("\" xmlns:r=\"")
                .append(REL)
                .append("\">");
        if (sh.fitted()) {
            w.append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
        }
        w.append("<dimension ref=\"")
                .append(sh.cells.dimensionRef().orElse("A1"))
                .append("\"/>");
        w.append("<sheetViews><sheetView workbookViewId=\"0\"");
        if (selected) {
            w.append(" tabSelected=\"1\"");
        }
        w.append('>');
        pane(w, sh.freezeCols, sh.freezeRows);
        w.append("</sheetView></sheetViews>");
        w.append("<sheetFormatPr defaultRowHeight=\"15\"/>");
        sh.writeCols(w);
        SheetCells.write(out, w);
        sh.cells.writeSheetData(out);
        w.setLength(0);
        if (!sh.merges.isEmpty()) {
            w.append("<mergeCells count=\"").append(sh.merges.size()).append("\">");
            sh.merges.forEach(m -> w.append("<mergeCell ref=\"").append(m).append("\"/>"));
            w.append("</mergeCells>");
        }
        if (!sh.choices.isEmpty()) {
            w.append("<dataValidations count=\"").append(sh.choices.size()).append("\">");
            for (PackageSheet.Choices c : sh.choices) {
                w.append("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"");
                w.append(c.sqref()).append("\"><formula1>");
                SheetCells.escape("\"" + String.join(",", c.words()) + "\"", w);
                w.append("</formula1></dataValidation>");
            }
            w.append("</dataValidations>");
        }
        w.append(
                "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        if (sh.pageSetup) {
            w.append("<pageSetup paperSize=\"9\"");
            if (!sh.fitted()) {
                w.append(" scale=\"100\"");
            }
            w.append(" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"/>");
            // Account numbers, VAT codes and postcodes are text on purpose: no "number stored as text" triangles.
            w.append("<ignoredErrors><ignoredError sqref=\"A1:XFD1048576\" numberStoredAsText=\"1\"/></ignoredErrors>");
        }
        w.append("</worksheet>");
        SheetCells.write(out, w);
    }

    private static void pane(StringBuilder w, int cols, int rows) {
        if (cols == 0 && rows == 0) {
            return;
        }
        String active = cols > 0 && rows > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
        w.append("<pane");
        if (cols > 0) {
            w.append(" xSplit=\"").append(cols).append('"');
        }
        if (rows > 0) {
            w.append(" ySplit=\"").append(rows).append('"');
        }
        w.append(" topLeftCell=\"")
                .append(CellReference.convertNumToColString(cols))
                .append(rows + 1);
        w.append("\" activePane=\"").append(active).append("\" state=\"frozen\"/>");
        w.append("<selection pane=\"").append(active).append("\"/>");
    }

    /** The style table: the default style, then every look the workbook's cells use, in the order they were made. */
    static String styles(Styles styles) {
        List<Styles.Look> looks = styles.declared();
        Map<String, Integer> formats = new LinkedHashMap<>();
        Map<Styles.Font, Integer> fonts = new LinkedHashMap<>();
        Map<Integer, Integer> fills = new LinkedHashMap<>();
        Map<Styles.Border, Integer> borders = new LinkedHashMap<>();
        borders.put(Styles.Border.NONE, 0);
        for (Styles.Look l : looks) {
            if (l.format() != null && builtin(l.format()) < 0) {
                formats.putIfAbsent(l.format(), 164 + formats.size());
            }
            if (l.font() != null) {
                fonts.putIfAbsent(l.font(), 1 + fonts.size());
            }
            if (l.fill() != 0) {
                fills.putIfAbsent(l.fill(), 2 + fills.size());
            }
            borders.putIfAbsent(l.border(), borders.size());
        }
        StringBuilder w = new StringBuilder(XML);
        w.append("<styleSheet xmlns=\"").append(MAIN).append("\">");
        if (!formats.isEmpty()) {
            w.append("<numFmts count=\"").append(formats.size()).append("\">");
            formats.forEach((code, id) -> {
                w.append("<numFmt numFmtId=\"").append(id).append("\" formatCode=\"");
                SheetCells.escape(code, w);
                w.append("\"/>");
            });
            w.append("</numFmts>");
        }
        w.append("<fonts count=\"").append(fonts.size() + 1).append("\">");
        w.append("<font><sz val=\"11\"/><color indexed=\"8\"/><name val=\"Calibri\"/><family val=\"2\"/>");
        w.append("<scheme val=\"minor\"/></font>");
        for (Styles.Font f : fonts.keySet()) {
            w.append("<font>");
            if (f.bold()) {
                w.append("<b/>");
            }
            if (f.italic()) {
                w.append("<i/>");
            }
            w.append("<sz val=\"").append(f.points()).append("\"/>");
            if (f.italic()) {
                w.append("<color indexed=\"").append(Styles.GREY_80).append("\"/>");
            }
            w.append("<name val=\"Calibri\"/><family val=\"2\"/></font>");
        }
        w.append("</fonts>");
        w.append("<fills count=\"").append(fills.size() + 2).append("\">");
        w.append("<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>");
        for (int color : fills.keySet()) {
            w.append("<fill><patternFill patternType=\"solid\"><fgColor indexed=\"")
                    .append(color);
            w.append("\"/><bgColor indexed=\"64\"/></patternFill></fill>");
        }
        w.append("</fills>");
        w.append("<borders count=\"").append(borders.size()).append("\">");
        for (Styles.Border b : borders.keySet()) {
            w.append("<border><left/><right/>");
            w.append(b == Styles.Border.TOP_THIN ? "<top style=\"thin\"/>" : "<top/>");
            w.append(
                    b == Styles.Border.BOTTOM_THIN
                            ? "<bottom style=\"thin\"/>"
                            : b == Styles.Border.BOTTOM_HAIR ? "<bottom style=\"hair\"/>" : "<bottom/>");
            w.append("<diagonal/></border>");
        }
        w.append("</borders>");
        w.append(
                "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        w.append("<cellXfs count=\"").append(looks.size() + 1).append("\">");
        w.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        for (Styles.Look l : looks) {
            int format =
                    l.format() == null ? 0 : builtin(l.format()) >= 0 ? builtin(l.format()) : formats.get(l.format());
            w.append("<xf numFmtId=\"").append(format);
            w.append("\" fontId=\"").append(l.font() == null ? 0 : fonts.get(l.font()));
            w.append("\" fillId=\"").append(l.fill() == 0 ? 0 : fills.get(l.fill()));
            w.append("\" borderId=\"").append(borders.get(l.border()));
            w.append("\" xfId=\"0\"");
            if (l.format() != null) {
                w.append(" applyNumberFormat=\"1\"");
            }
            if (l.font() != null) {
                w.append(" applyFont=\"1\"");
            }
            if (l.fill() != 0) {
                w.append(" applyFill=\"1\"");
            }
            if (l.border() != Styles.Border.NONE) {
                w.append(" applyBorder=\"1\"");
            }
            boolean aligned = l.top() || l.wrap() || l.align() != Styles.Align.GENERAL;
            if (aligned) {
                w.append(" applyAlignment=\"1\"");
            }
            if (l.unlocked()) {
                w.append(" applyProtection=\"1\"");
            }
            if (l.quoted()) {
                w.append(" quotePrefix=\"1\"");
            }
            if (!aligned && !l.unlocked()) {
                w.append("/>");
                continue;
            }
            w.append('>');
            if (aligned) {
                w.append("<alignment");
                if (l.align() != Styles.Align.GENERAL) {
                    w.append(" horizontal=\"")
                            .append(l.align() == Styles.Align.LEFT ? "left" : "right")
                            .append('"');
                }
                if (l.top()) {
                    w.append(" vertical=\"top\"");
                }
                if (l.wrap()) {
                    w.append(" wrapText=\"1\"");
                }
                w.append("/>");
            }
            if (l.unlocked()) {
                w.append("<protection locked=\"0\"/>");
            }
            w.append("</xf>");
        }
        w.append("</cellXfs>");
        w.append("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
        return w.append("</styleSheet>").toString();
    }

    /** The built-in number format of {@code code}, or -1. */
    private static int builtin(String code) {
        return switch (code) {
            case "General" -> 0;
            case "0" -> 1;
            case "0.00" -> 2;
            case "0%" -> 9;
            case "0.00%" -> 10;
            case "@" -> 49;
            default -> -1;
        };
    }

    /** {@code value / unit} as a plain decimal (a column width of 9 × 256 is "9"). */
    static String decimal(int value, int unit) {
        return new BigDecimal(value)
                .divide(new BigDecimal(unit))
                .stripTrailingZeros()
                .toPlainString();
    }
}
