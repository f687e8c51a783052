package nl.rekenblad.internal.workbook;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellRangeAddress;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * A workbook rekenblad writes, in one of two shapes:
 *
 * <ul>
 *   <li><b>Straight to the package</b> ({@link #create()}): a workbook rekenblad makes itself (from a CSV, a journal,
 *       an auditfile). Its sheets are {@link SheetCells} with {@link SheetSettings}; {@link PackageWriter} writes
 *       every part as text. No POI object model is made (no XMLBeans): a small workbook costs what its XML costs.
 *   <li><b>In POI's model</b> ({@link #read}, {@link #createInObjectModel()}): a bookkeeper's own workbook, read and
 *       kept as it is, with rekenblad's result sheets added as {@link SheetCells}; or a template whose cells a test
 *       reads back through POI. Saving lets POI write the package with the generated sheets empty, then copies it
 *       entry by entry (compressed bytes as they are) and puts each generated sheet's cells in place of its
 *       {@code <sheetData>} element, found by parsing the sheet's XML ({@link SheetXml}).
 * </ul>
 *
 * <p>Both shapes are built through the same methods (sheets, settings, styles, defined names, markers), so a
 * template or writer has one code for both; {@link #poi()} is there only for the bookkeeper's workbook.
 *
 * <p>Not thread-safe. Close it to release the workbook (and a streamed sheet's temporary file).
 */
public final class OutputWorkbook implements Closeable {
    private static final ThreadLocal<Boolean> OBJECT_MODEL = ThreadLocal.withInitial(() -> false);

    /** POI's model, or null for a workbook written straight to the package. */
    private final XSSFWorkbook poi;

    private final Map<XSSFSheet, SheetCells> generated = new IdentityHashMap<>();
    /** The sheets of a workbook written straight to the package, in order. */
    private final List<PackageSheet> sheets = new ArrayList<>();

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> custom = new LinkedHashMap<>();
    private int activeSheet;
    private boolean recalculate;
    private final Styles styles;
    private SXSSFWorkbook streamed;

    private OutputWorkbook(XSSFWorkbook poi) {
        this.poi = poi;
        this.styles = poi == null ? Styles.forPackage() : Styles.of(poi);
    }

    /**
     * A new, empty workbook, written straight to the package; in POI's model instead while {@link
     * #inObjectModel} runs on this thread (to compare both shapes).
     */
    public static OutputWorkbook create() {
        return OBJECT_MODEL.get() ? createInObjectModel() : new OutputWorkbook(null);
    }

    /** A new, empty workbook in POI's model (its cells to be read or changed through POI before it is saved). */
    public static OutputWorkbook createInObjectModel() {
        OutputWorkbook wb = new OutputWorkbook(new XSSFWorkbook());
        SheetSetup.fixProperties(wb.poi);
        return wb;
    }

    /**
     * Runs {@code job} with every workbook {@link #create()} makes on this thread in POI's model: the route
     * rekenblad took before it wrote packages itself, kept to compare both.
     */
    public static <T> T inObjectModel(java.util.concurrent.Callable<T> job) throws Exception {
        boolean before = OBJECT_MODEL.get();
        OBJECT_MODEL.set(true);
        try {
            return job.call();
        } finally {
            OBJECT_MODEL.set(before);
        }
    }

    /** Reads a workbook (see {@link nl.rekenblad.internal.io.Workbooks#open} for the checks before this). */
    public static OutputWorkbook read(InputStream in) throws IOException {
        return new OutputWorkbook(new XSSFWorkbook(in));
    }

    /** Whether this workbook is in POI's model (a bookkeeper's workbook or a template to read back). */
    public boolean isObjectModel() {
        return poi != null;
    }

    /**
     * POI's model, to read and change a bookkeeper's sheets. Never write or close it directly: use {@link #save}
     * and {@link #close}.
     *
     * @throws IllegalStateException for a workbook written straight to the package, which has none
     */
    public XSSFWorkbook poi() {
        if (poi == null) {
            throw new IllegalStateException("a workbook written straight to the package has no POI model");
        }
        return poi;
    }

    /** The styles of this workbook, each declared once. */
    public Styles styles() {
        return styles;
    }

    /**
     * A streamed view of this workbook for a sheet too large for memory (rows kept on disk, 200 at a time), made
     * once; only for a workbook in POI's model. It writes with the fastest deflate level: a sheet of a million lines
     * spends most of its writing time compressing, and the file gets somewhat larger.
     */
    public SXSSFWorkbook streamed() {
        if (streamed == null) {
            streamed = new FastSxssf(poi());
        }
        return streamed;
    }

    /** Adds a sheet whose cells rekenblad writes itself, or takes an empty sheet of that name over. */
    public SheetCells createGeneratedSheet(String name) {
        if (poi == null) {
            PackageSheet sh = packageSheet(name);
            if (sh == null) {
                sh = new PackageSheet(name, styles);
                sheets.add(sh);
            }
            return sh.cells;
        }
        XSSFSheet sh = poi.getSheet(name) != null ? poi.getSheet(name) : poi.createSheet(name);
        if (sh.getPhysicalNumberOfRows() > 0) {
            throw new IllegalStateException("sheet " + name + " already has cells");
        }
        return generated.computeIfAbsent(sh, s -> new SheetCells(new PoiSheetSettings(s), styles));
    }

    /** Adds an empty sheet now, to be filled later: the sheets keep the order in which they were added. */
    public void reserveSheet(String name) {
        if (poi == null) {
            createGeneratedSheet(name);
        } else if (poi.getSheet(name) == null) {
            poi.createSheet(name);
        }
    }

    private PackageSheet packageSheet(String name) {
        for (PackageSheet sh : sheets) {
            if (sh.name().equalsIgnoreCase(name)) {
                return sh;
            }
        }
        return null;
    }

    /** The cells of a generated sheet, if {@code name} is one (its cells are not in POI's model). */
    public Optional<SheetCells> generated(String name) {
        if (poi == null) {
            PackageSheet sh = packageSheet(name);
            return sh == null ? Optional.empty() : Optional.of(sh.cells);
        }
        if (generated.isEmpty()) {
            return Optional.empty();
        }
        XSSFSheet sh = poi.getSheet(name);
        return sh == null ? Optional.empty() : Optional.ofNullable(generated.get(sh));
    }

    /** The settings of sheet {@code name}, generated or not; empty when there is no such sheet. */
    public Optional<SheetSettings> settings(String name) {
        if (poi == null) {
            return Optional.ofNullable(packageSheet(name));
        }
        XSSFSheet sh = poi.getSheet(name);
        return sh == null ? Optional.empty() : Optional.of(new PoiSheetSettings(sh));
    }

    /** The position of sheet {@code name} (any case), or -1. */
    public int sheetIndex(String name) {
        if (poi != null) {
            return poi.getSheetIndex(name);
        }
        PackageSheet sh = packageSheet(name);
        return sh == null ? -1 : sheets.indexOf(sh);
    }

    /** The names of the sheets, in order. */
    public List<String> sheetNames() {
        List<String> out = new ArrayList<>();
        if (poi == null) {
            sheets.forEach(s -> out.add(s.name()));
        } else {
            for (int i = 0; i < poi.getNumberOfSheets(); i++) {
                out.add(poi.getSheetName(i));
            }
        }
        return out;
    }

    /** Removes a sheet, generated or not. */
    public void removeSheet(String name) {
        if (poi == null) {
            PackageSheet sh = packageSheet(name);
            if (sh != null) {
                sh.cells.discard();
                sheets.remove(sh);
            }
            return;
        }
        int index = poi.getSheetIndex(name);
        if (index >= 0) {
            SheetCells cells = generated.remove(poi.getSheetAt(index));
            if (cells != null) {
                cells.discard();
            }
            poi.removeSheetAt(index);
        }
    }

    /** Defines (or redefines) the workbook-scoped {@code name} as {@code refersTo} (a formula without "="). */
    public void defineName(String name, String refersTo) {
        if (poi == null) {
            // Excel's names are case-insensitive: one differing only in case replaces the other.
            removeName(name);
            names.put(name, refersTo);
            return;
        }
        removeName(name);
        Name n = poi.createName();
        n.setNameName(name);
        n.setRefersToFormula(refersTo);
    }

    /** Defines (or redefines) {@code name} as an absolute reference to {@code range} on {@code sheet}. */
    public void defineName(String name, String sheet, CellRangeAddress range) {
        defineName(name, SheetSetup.reference(sheet, range));
    }

    /** What the workbook-scoped {@code name} refers to (a formula without "="), if it is defined. */
    public Optional<String> refersTo(String name) {
        if (poi == null) {
            return names.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
        Name n = poi.getName(name);
        return n == null ? Optional.empty() : Optional.ofNullable(n.getRefersToFormula());
    }

    /** The defined names of the workbook, in order. */
    public List<String> nameNames() {
        if (poi == null) {
            return new ArrayList<>(names.keySet());
        }
        List<String> out = new ArrayList<>();
        poi.getAllNames().forEach(n -> out.add(n.getNameName()));
        return out;
    }

    /** Removes the workbook-scoped {@code name} (nothing when it is not defined). */
    public void removeName(String name) {
        if (poi == null) {
            names.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            return;
        }
        Name n = poi.getName(name);
        if (n != null) {
            poi.removeName(n);
        }
    }

    /** Whether the document has the custom property {@code name} (rekenblad's marker of its own sheets). */
    public boolean hasMarker(String name) {
        return poi == null
                ? custom.containsKey(name)
                : poi.getProperties().getCustomProperties().contains(name);
    }

    /** Sets the custom property {@code name} to {@code value}, unless it is there already. */
    public void mark(String name, String value) {
        if (poi == null) {
            custom.putIfAbsent(name, value);
        } else if (!poi.getProperties().getCustomProperties().contains(name)) {
            poi.getProperties().getCustomProperties().addProperty(name, value);
        }
    }

    /** Opens the workbook on sheet {@code name}, the only one selected. */
    public void openOn(String name) {
        int idx = sheetIndex(name);
        if (idx < 0) {
            return;
        }
        if (poi == null) {
            activeSheet = idx;
            return;
        }
        for (int i = 0; i < poi.getNumberOfSheets(); i++) {
            poi.getSheetAt(i).setSelected(i == idx);
        }
        poi.setActiveSheet(idx);
    }

    /** Asks Excel and LibreOffice to recalculate every formula when the workbook is opened. */
    public void recalculateOnLoad() {
        if (poi == null) {
            recalculate = true;
        } else {
            poi.setForceFormulaRecalculation(true);
        }
    }

    /** Writes the workbook with its generated sheets to {@code out}; the stream is not closed. */
    public void save(OutputStream out) throws IOException {
        if (poi == null) {
            PackageWriter.write(
                    new PackageWriter.Book(sheets, names, custom, activeSheet, recalculate, styles), new NoClose(out));
        } else if (streamed != null) {
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
        sheets.forEach(s -> s.cells.discard());
        if (streamed != null) {
            streamed.dispose();
        }
        if (poi != null) {
            poi.getPackage().revert();
        }
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
