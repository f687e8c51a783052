package nl.rekenblad.internal.workbook;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
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
import java.util.zip.Deflater;

/**
 * A workbook rekenblad writes. It owns a POI workbook (the bookkeeper's sheets or a template, in POI's model),
 * result sheets whose cells are kept as {@link SheetCells}, and optionally a streamed (SXSSF) view for a large
 * sheet. Its only way out is {@link #save(OutputStream)}: sheets are built through {@link #poi()}, but never
 * written through it, since POI alone would leave the generated sheets empty.
 *
 * <p>Saving lets POI write the package with the generated sheets empty, then copies it entry by entry
 * (compressed bytes as they are) and puts each generated sheet's cells in place of its {@code <sheetData>}
 * element, found by parsing the sheet's XML ({@link SheetXml}).
 *
 * <p>Not thread-safe. Close it to release the workbook (and a streamed sheet's temporary file).
 */
public final class OutputWorkbook implements Closeable {
    private final XSSFWorkbook poi;
    private final Map<XSSFSheet, SheetCells> generated = new IdentityHashMap<>();
    private SXSSFWorkbook streamed;

    private OutputWorkbook(XSSFWorkbook poi) {
        this.poi = poi;
    }

    /** A new, empty workbook. */
    public static OutputWorkbook create() {
        return new OutputWorkbook(new XSSFWorkbook());
    }

    /** Reads a workbook (see {@link nl.rekenblad.internal.io.Workbooks#open} for the checks before this). */
    public static OutputWorkbook read(InputStream in) throws IOException {
        return new OutputWorkbook(new XSSFWorkbook(in));
    }

    /** POI's model, to build and read sheets with. Never write or close it directly: use {@link #save} and {@link #close}. */
    public XSSFWorkbook poi() {
        return poi;
    }

    /**
     * A streamed view of this workbook for a sheet too large for memory (rows kept on disk, 200 at a time), made
     * once. It writes with the fastest deflate level: a sheet of a million lines spends most of its writing time
     * compressing, and the file gets somewhat larger.
     */
    public SXSSFWorkbook streamed() {
        if (streamed == null) {
            streamed = new FastSxssf(poi);
        }
        return streamed;
    }

    /** Adds a sheet whose cells rekenblad writes itself, or takes an empty sheet of that name over. */
    public SheetCells createGeneratedSheet(String name) {
        XSSFSheet sh = poi.getSheet(name) != null ? poi.getSheet(name) : poi.createSheet(name);
        if (sh.getPhysicalNumberOfRows() > 0) {
            throw new IllegalStateException("sheet " + name + " already has cells");
        }
        return generated.computeIfAbsent(sh, SheetCells::new);
    }

    /** The cells of a generated sheet, if {@code name} is one (its cells are not in POI's model). */
    public Optional<SheetCells> generated(String name) {
        if (generated.isEmpty()) {
            return Optional.empty();
        }
        XSSFSheet sh = poi.getSheet(name);
        return sh == null ? Optional.empty() : Optional.ofNullable(generated.get(sh));
    }

    /** Removes a sheet, generated or not. */
    public void removeSheet(String name) {
        int index = poi.getSheetIndex(name);
        if (index >= 0) {
            SheetCells cells = generated.remove(poi.getSheetAt(index));
            if (cells != null) {
                cells.discard();
            }
            poi.removeSheetAt(index);
        }
    }

    /** Writes the workbook with its generated sheets to {@code out}; the stream is not closed. */
    public void save(OutputStream out) throws IOException {
        if (streamed != null) {
            saveStreamed(out);
        } else if (generated.isEmpty()) {
            poi.write(new NoClose(out));
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
            poi.write(bytes);
            fill(new SeekableInMemoryByteChannel(bytes.toByteArray()), out);
        }
    }

    /** A streamed journal can be large: it goes through a temporary file rather than memory. */
    private void saveStreamed(OutputStream out) throws IOException {
        if (generated.isEmpty()) {
            streamed.write(new NoClose(out));
            return;
        }
        Path tmp = Files.createTempFile("rekenblad", ".xlsx");
        try {
            try (OutputStream f = Files.newOutputStream(tmp)) {
                streamed.write(f);
            }
            try (SeekableByteChannel ch = Files.newByteChannel(tmp)) {
                fill(ch, out);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Releases the workbook without saving it anywhere: POI's {@code close} would first write a new workbook's
     * whole package once more into memory, only to drop it.
     */
    @Override
    @SuppressWarnings("deprecation") // SXSSF's dispose removes its temporary files without writing the workbook
    public void close() throws IOException {
        generated.values().forEach(SheetCells::discard);
        if (streamed != null) {
            streamed.dispose();
        }
        poi.getPackage().revert();
    }

    /**
     * From this many rows on a generated sheet is deflated with the fastest level: writing a register of tens of
     * thousands of assets spends most of its time compressing, and the file gets only somewhat larger.
     */
    private static final int LARGE_SHEET = 10_000;

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
                zos.setLevel(cells.lastRow() >= LARGE_SHEET ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION);
                zos.putArchiveEntry(new ZipArchiveEntry(e.getName()));
                SheetXml.withCells(xml, cells, e.getName(), new NoClose(zos));
                zos.closeArchiveEntry();
            }
            zos.finish();
            zos.close();
        }
        if (!byEntry.isEmpty()) {
            throw new IllegalStateException("generated sheets not in the package: " + byEntry.keySet());
        }
    }

    /** SXSSF that deflates with {@link java.util.zip.Deflater#BEST_SPEED}. */
    private static final class FastSxssf extends SXSSFWorkbook {
        FastSxssf(XSSFWorkbook template) {
            super(template, 200);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zos = super.createArchiveOutputStream(out);
            zos.setLevel(java.util.zip.Deflater.BEST_SPEED);
            return zos;
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
