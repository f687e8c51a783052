package nl.rekenblad.internal.workbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cell styles of one workbook, each declared once and reused (an .xlsx holds at most 64,000 styles). What a
 * kind of cell looks like is defined once, as a {@link Look}; a workbook in POI's model makes POI styles of it, a
 * workbook written straight to the package writes its style table from the same looks. Number formats are stored
 * en-US; Excel shows them in the reader's locale, so a Dutch Excel shows {@code € 1.234,56}.
 */
public final class Styles {
    /** The kinds of cell on rekenblad's sheets. */
    public enum Kind {
        TITLE,
        SUBTITLE,
        SECTION,
        HEADER,
        HEADER_RIGHT,
        LABEL,
        LABEL_TOTAL,
        NOTE,
        WRAP,
        MONEY,
        MONEY_TOTAL,
        MONEY_INPUT,
        NUMBER,
        PERCENT,
        YEAR,
        DATE_INPUT,
        NUMBER_INPUT,
        INTEGER_INPUT,
        TEXT_INPUT,
        BOOL,
        TEXT,
        DISABLED
    }

    static final String MONEY_FORMAT = "\"€ \"#,##0.00;\"€ \"-#,##0.00";

    /** Indexed colours (the legacy palette both Excel and LibreOffice know). */
    static final int GREY_25 = 22;

    static final int GREY_40 = 55;
    static final int GREY_80 = 63;
    static final int LIGHT_YELLOW = 43;

    /** A font other than the workbook's default (Calibri 11); italic text is dark grey. */
    record Font(boolean bold, boolean italic, int points) {}

    /** The one border a style may have. */
    enum Border {
        NONE,
        BOTTOM_THIN,
        BOTTOM_HAIR,
        TOP_THIN
    }

    /** Horizontal alignment. */
    enum Align {
        GENERAL,
        LEFT,
        RIGHT
    }

    /**
     * What a style looks like.
     *
     * @param font null for the default font
     * @param fill an indexed colour filled solid, or 0 for no fill
     * @param format a number format code, or null for none ("General" without applying it)
     * @param top aligned to the top of the cell
     * @param unlocked an input cell, not locked when the sheet is protected
     * @param quoted the quote prefix: a text that looks like a formula stays text when the cell is edited
     */
    record Look(
            Font font,
            int fill,
            Border border,
            String format,
            Align align,
            boolean top,
            boolean wrap,
            boolean unlocked,
            boolean quoted) {
        static final Look DEFAULT = new Look(null, 0, Border.NONE, null, Align.GENERAL, false, false, false, false);

        Look withQuote() {
            return new Look(font, fill, border, format, align, top, wrap, unlocked, true);
        }

        /** The look of {@code kind}: every cell rekenblad writes is aligned to the top. */
        static Look of(Kind kind) {
            Font bold11 = new Font(true, false, 11);
            return switch (kind) {
                case TITLE -> top(new Font(true, false, 14), 0, Border.NONE, null, Align.GENERAL, false, false);
                case SUBTITLE, NOTE ->
                    top(new Font(false, true, 10), 0, Border.NONE, null, Align.GENERAL, false, false);
                case SECTION -> top(new Font(true, false, 12), 0, Border.NONE, null, Align.GENERAL, false, false);
                case HEADER -> top(bold11, GREY_25, Border.BOTTOM_THIN, null, Align.GENERAL, true, false);
                case HEADER_RIGHT -> top(bold11, GREY_25, Border.BOTTOM_THIN, null, Align.RIGHT, true, false);
                case LABEL, TEXT -> top(null, 0, Border.NONE, null, Align.GENERAL, false, false);
                case WRAP -> top(null, 0, Border.NONE, null, Align.GENERAL, true, false);
                case LABEL_TOTAL -> top(bold11, 0, Border.TOP_THIN, null, Align.GENERAL, false, false);
                case MONEY -> top(null, 0, Border.NONE, MONEY_FORMAT, Align.GENERAL, false, false);
                case MONEY_TOTAL -> top(bold11, 0, Border.TOP_THIN, MONEY_FORMAT, Align.GENERAL, false, false);
                case MONEY_INPUT -> input(MONEY_FORMAT, Align.GENERAL);
                // "General": 1225 and 0,95 as they are (a format with optional decimals shows "1.225," on whole
                // numbers).
                case NUMBER -> top(null, 0, Border.NONE, "General", Align.GENERAL, false, false);
                // Two decimals: 12,70%, 21,00%, 0,50% (six showed "12,700000%").
                case PERCENT -> top(null, 0, Border.NONE, "0.00%", Align.GENERAL, false, false);
                case YEAR -> top(null, 0, Border.NONE, "0", Align.GENERAL, false, false);
                case DATE_INPUT -> input("d-m-yyyy", Align.GENERAL);
                case NUMBER_INPUT -> input("General", Align.GENERAL);
                case INTEGER_INPUT -> input("0", Align.LEFT);
                case TEXT_INPUT -> input("@", Align.GENERAL);
                case BOOL -> top(null, 0, Border.NONE, null, Align.RIGHT, false, false);
                case DISABLED -> top(null, GREY_40, Border.NONE, null, Align.GENERAL, false, false);
            };
        }

        private static Look top(
                Font font, int fill, Border border, String format, Align align, boolean wrap, boolean u) {
            return new Look(font, fill, border, format, align, true, wrap, u, false);
        }

        /** Inputs are lightly shaded and unlocked, so a bookkeeper sees what to type. */
        private static Look input(String format, Align align) {
            return top(null, LIGHT_YELLOW, Border.BOTTOM_HAIR, format, align, false, true);
        }
    }

    /** POI's model, or null: the looks are then written as the package's style table. */
    private final XSSFWorkbook poi;

    private final Map<Kind, Style> byKind = new EnumMap<>(Kind.class);
    private final Map<Look, Style> byLook = new HashMap<>();
    private final Map<Integer, Look> looks = new HashMap<>();
    /** A package's styles in index order (index 0, the default, not included). */
    private final List<Look> declared = new ArrayList<>();

    private Styles(XSSFWorkbook poi) {
        this.poi = poi;
    }

    /** The styles of a workbook in POI's model. */
    public static Styles of(XSSFWorkbook poi) {
        return new Styles(poi);
    }

    /** The styles of a workbook written straight to the package. */
    static Styles forPackage() {
        return new Styles(null);
    }

    public Style get(Kind kind) {
        return byKind.computeIfAbsent(kind, k -> style(Look.of(k)));
    }

    /** POI's style of {@code kind} (a cell in POI's model). */
    public XSSFCellStyle poi(Kind kind) {
        return poi(get(kind));
    }

    /** POI's style for {@code style}, made by this workbook in POI's model. */
    XSSFCellStyle poi(Style style) {
        if (poi == null) {
            throw new IllegalStateException("a workbook written straight to the package has no POI styles");
        }
        return poi.getCellStyleAt(style == null ? 0 : style.index());
    }

    /** {@code style} with the quote prefix. */
    Style quoted(Style style) {
        Look look = style == null ? Look.DEFAULT : looks.get(style.index());
        if (look == null) {
            throw new IllegalStateException("style " + style.index() + " is not of this workbook");
        }
        return style(look.withQuote());
    }

    private Style style(Look look) {
        Style s = byLook.get(look);
        if (s == null) {
            int index;
            if (poi == null) {
                declared.add(look);
                index = declared.size();
            } else {
                index = create(look).getIndex();
            }
            s = new Style(index, look.wrap());
            byLook.put(look, s);
            looks.put(index, look);
        }
        return s;
    }

    /** The looks of a package's styles, index 1 on. */
    List<Look> declared() {
        return Collections.unmodifiableList(declared);
    }

    private XSSFCellStyle create(Look look) {
        XSSFCellStyle s = poi.createCellStyle();
        if (look.top()) {
            s.setVerticalAlignment(VerticalAlignment.TOP);
        }
        if (look.font() != null) {
            s.setFont(font(look.font()));
        }
        switch (look.border()) {
            case NONE -> {}
            case BOTTOM_THIN -> s.setBorderBottom(BorderStyle.THIN);
            case BOTTOM_HAIR -> s.setBorderBottom(BorderStyle.HAIR);
            case TOP_THIN -> s.setBorderTop(BorderStyle.THIN);
        }
        if (look.fill() != 0) {
            s.setFillForegroundColor((short) look.fill());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        if (look.format() != null) {
            s.setDataFormat(poi.createDataFormat().getFormat(look.format()));
        }
        switch (look.align()) {
            case GENERAL -> {}
            case LEFT -> s.setAlignment(HorizontalAlignment.LEFT);
            case RIGHT -> s.setAlignment(HorizontalAlignment.RIGHT);
        }
        if (look.wrap()) {
            s.setWrapText(true);
        }
        if (look.unlocked()) {
            s.setLocked(false);
        }
        if (look.quoted()) {
            s.setQuotePrefixed(true);
        }
        return s;
    }

    private final Map<Font, XSSFFont> fonts = new HashMap<>();

    private XSSFFont font(Font font) {
        return fonts.computeIfAbsent(font, k -> {
            XSSFFont f = poi.createFont();
            f.setBold(k.bold());
            f.setItalic(k.italic());
            f.setFontHeightInPoints((short) k.points());
            if (k.italic()) {
                f.setColor((short) GREY_80);
            }
            return f;
        });
    }
}
