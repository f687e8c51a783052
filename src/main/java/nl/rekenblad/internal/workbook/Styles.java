package nl.rekenblad.internal.workbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.EnumMap;
import java.util.Map;

/**
 * The cell styles rekenblad uses, created once per workbook and reused (an .xlsx holds at most
 * 64,000 styles). Number formats are stored en-US; Excel shows them in the reader's locale, so a
 * Dutch Excel shows {@code € 1.234,56}.
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

    private final XSSFWorkbook wb;
    private final Map<Kind, XSSFCellStyle> styles = new EnumMap<>(Kind.class);

    public Styles(XSSFWorkbook wb) {
        this.wb = wb;
    }

    public XSSFCellStyle get(Kind kind) {
        return styles.computeIfAbsent(kind, this::create);
    }

    private XSSFCellStyle create(Kind kind) {
        XSSFCellStyle s = wb.createCellStyle();
        s.setVerticalAlignment(VerticalAlignment.TOP);
        switch (kind) {
            case TITLE -> s.setFont(font(true, false, 14));
            case SUBTITLE, NOTE -> {
                s.setFont(font(false, true, 10));
            }
            case SECTION -> s.setFont(font(true, false, 12));
            case HEADER, HEADER_RIGHT -> {
                s.setFont(font(true, false, 11));
                s.setBorderBottom(BorderStyle.THIN);
                s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                s.setWrapText(true);
                if (kind == Kind.HEADER_RIGHT) {
                    s.setAlignment(HorizontalAlignment.RIGHT);
                }
            }
            case LABEL, TEXT -> {}
            case WRAP -> s.setWrapText(true);
            case LABEL_TOTAL -> {
                s.setFont(font(true, false, 11));
                s.setBorderTop(BorderStyle.THIN);
            }
            case MONEY -> s.setDataFormat(format(MONEY_FORMAT));
            case MONEY_TOTAL -> {
                s.setDataFormat(format(MONEY_FORMAT));
                s.setFont(font(true, false, 11));
                s.setBorderTop(BorderStyle.THIN);
            }
            case MONEY_INPUT -> {
                s.setDataFormat(format(MONEY_FORMAT));
                input(s);
            }
            // "General": 1225 and 0,95 as they are (a format with optional decimals shows "1.225," on whole numbers).
            case NUMBER -> s.setDataFormat(format("General"));
            // Two decimals: 12,70%, 21,00%, 0,50% (six showed "12,700000%").
            case PERCENT -> s.setDataFormat(format("0.00%"));
            case YEAR -> s.setDataFormat(format("0"));
            case DATE_INPUT -> {
                s.setDataFormat(format("d-m-yyyy"));
                input(s);
            }
            case NUMBER_INPUT -> {
                s.setDataFormat(format("General"));
                input(s);
            }
            case INTEGER_INPUT -> {
                s.setDataFormat(format("0"));
                s.setAlignment(HorizontalAlignment.LEFT);
                input(s);
            }
            case TEXT_INPUT -> {
                s.setDataFormat(format("@"));
                input(s);
            }
            case BOOL -> s.setAlignment(HorizontalAlignment.RIGHT);
            case DISABLED -> {
                s.setFillForegroundColor(IndexedColors.GREY_40_PERCENT.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return s;
    }

    /** Inputs are lightly shaded and unlocked, so a bookkeeper sees what to type. */
    private void input(XSSFCellStyle s) {
        s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setBorderBottom(BorderStyle.HAIR);
        s.setLocked(false);
    }

    private short format(String code) {
        return wb.createDataFormat().getFormat(code);
    }

    private final Map<String, XSSFFont> fonts = new java.util.HashMap<>();

    private XSSFFont font(boolean bold, boolean italic, int points) {
        return fonts.computeIfAbsent(bold + "/" + italic + "/" + points, k -> {
            XSSFFont f = wb.createFont();
            f.setBold(bold);
            f.setItalic(italic);
            f.setFontHeightInPoints((short) points);
            if (italic) {
                f.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
            }
            return f;
        });
    }
}
