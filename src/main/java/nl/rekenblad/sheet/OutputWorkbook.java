package nl.rekenblad.sheet;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook rekenblad writes: the bookkeeper's sheets (or a template) in POI's model, plus
 * result sheets whose cells are kept as {@link SheetCells} and written as XML when saved. Save
 * it with {@link #save(Workbook, OutputStream)}: POI's own {@code write} would leave the result
 * sheets empty.
 *
 * <p>Saving writes the workbook through POI with empty result sheets, then copies that package
 * entry by entry (compressed bytes as they are), putting each result sheet's cells into its
 * {@code <sheetData/>}.
 */
public final class OutputWorkbook extends XSSFWorkbook {
    private static final Pattern EMPTY_SHEET_DATA = Pattern.compile(
            "<sheetData\\s*/>|<sheetData>\\s*</sheetData>");
    private final Map<XSSFSheet, SheetCells> generated = new IdentityHashMap<>();
    private boolean saving;

    public OutputWorkbook() {
        super();
    }

    /** Reads a workbook (see {@link nl.rekenblad.io.Workbooks#open} for the checks before this). */
    public OutputWorkbook(InputStream in) throws IOException {
        super(in);
    }

    /** Adds a sheet whose cells rekenblad writes itself. */
    public SheetCells createGeneratedSheet(String name) {
        XSSFSheet sh = getSheet(name) != null ? getSheet(name) : createSheet(name);
        if (sh.getPhysicalNumberOfRows() > 0) {
            throw new IllegalStateException("sheet " + name + " already has cells");
        }
        return generated.computeIfAbsent(sh, SheetCells::new);
    }

    /** The cells of a generated sheet, if {@code name} is one (its cells are not in POI's model). */
    public static Optional<SheetCells> generated(Workbook wb, String name) {
        if (!(wb instanceof OutputWorkbook o) || o.generated.isEmpty()) {
            return Optional.empty();
        }
        XSSFSheet sh = o.getSheet(name);
        return sh == null ? Optional.empty() : Optional.ofNullable(o.generated.get(sh));
    }

    /** Refuses POI's own {@code write} of a workbook with generated sheets: it would leave them empty. */
    @Override
    protected void commit() throws IOException {
        if (!generated.isEmpty() && !saving) {
            throw new IllegalStateException("a workbook with generated sheets is saved with OutputWorkbook.save, not write");
        }
        super.commit();
    }

    /**
     * Releases the workbook without saving it anywhere: POI's {@code close} would first write a new
     * workbook's whole package once more into memory, only to drop it.
     */
    @Override
    public void close() throws IOException {
        getPackage().revert();
    }

    @Override
    public void removeSheetAt(int index) {
        generated.remove(getSheetAt(index));
        super.removeSheetAt(index);
    }

    /** Saves {@code wb}: an {@link OutputWorkbook} (also inside a streamed one) with its generated sheets, any other as POI writes it. */
    public static void save(Workbook wb, OutputStream out) throws IOException {
        if (wb instanceof OutputWorkbook o) {
            o.save(out);
        } else if (wb instanceof SXSSFWorkbook s && s.getXSSFWorkbook() instanceof OutputWorkbook o && !o.generated.isEmpty()) {
            // A streamed journal can be large: go through a temporary file rather than memory.
            Path tmp = Files.createTempFile("rekenblad", ".xlsx");
            try {
                try (OutputStream f = Files.newOutputStream(tmp)) {
                    o.saving = true;
                    s.write(f);
                } finally {
                    o.saving = false;
                }
                try (SeekableByteChannel ch = Files.newByteChannel(tmp)) {
                    o.fill(ch, out);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } else {
            wb.write(out);
        }
    }

    /** Writes the workbook with its generated sheets. */
    public void save(OutputStream out) throws IOException {
        if (generated.isEmpty()) {
            write(out);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        saving = true;
        try {
            write(bytes);
        } finally {
            saving = false;
        }
        fill(new SeekableInMemoryByteChannel(bytes.toByteArray()), out);
    }

    /** Copies the package POI wrote, each generated sheet with its cells. */
    private void fill(SeekableByteChannel written, OutputStream out) throws IOException {
        Map<String, SheetCells> byEntry = new HashMap<>();
        for (Map.Entry<XSSFSheet, SheetCells> e : generated.entrySet()) {
            byEntry.put(e.getKey().getPackagePart().getPartName().getName().substring(1), e.getValue());
        }
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(written).get()) {
            ZipArchiveOutputStream zos = new ZipArchiveOutputStream(new NoClose(out));
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            for (ZipArchiveEntry e : Collections.list(entries)) {
                SheetCells cells = byEntry.remove(e.getName());
                if (cells == null) {
                    zos.addRawArchiveEntry(e, zip.getRawInputStream(e));
                    continue;
                }
                String xml;
                try (InputStream in = zip.getInputStream(e)) {
                    xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                // POI writes an empty sheet's data as <sheetData/>; a streamed (SXSSF) one as <sheetData>\n</sheetData>.
                Matcher m = EMPTY_SHEET_DATA.matcher(xml);
                if (!m.find()) {
                    throw new IllegalStateException("no empty sheetData in " + e.getName());
                }
                StringBuilder sheet = new StringBuilder(xml.length() + 64 * 1024);
                sheet.append(cells.dimension(xml.substring(0, m.start())));
                cells.writeSheetData(sheet);
                sheet.append(xml, m.end(), xml.length());
                zos.putArchiveEntry(new ZipArchiveEntry(e.getName()));
                zos.write(sheet.toString().getBytes(StandardCharsets.UTF_8));
                zos.closeArchiveEntry();
            }
            zos.finish();
            zos.close();
        }
        if (!byEntry.isEmpty()) {
            throw new IllegalStateException("generated sheets not in the package: " + byEntry.keySet());
        }
    }

    /** Keeps the caller's stream open when a wrapper is closed. */
    private static final class NoClose extends FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
