package nl.rekenblad.internal.workbook;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import java.util.List;

/** The settings of a sheet in POI's model, made at once. */
record PoiSheetSettings(XSSFSheet sheet) implements SheetSettings {
    @Override
    public String name() {
        return sheet.getSheetName();
    }

    @Override
    public void width(int col, int characters) {
        sheet.setColumnWidth(col, characters * 256);
    }

    @Override
    public int width(int col) {
        return sheet.getColumnWidth(col);
    }

    @Override
    public float defaultRowHeight() {
        return sheet.getDefaultRowHeightInPoints();
    }

    @Override
    public void freeze(int cols, int rows) {
        sheet.createFreezePane(cols, rows);
    }

    @Override
    public void merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
    }

    @Override
    public void choices(int firstRow, int lastRow, int firstCol, int lastCol, List<String> words) {
        DataValidationHelper dvh = sheet.getDataValidationHelper();
        DataValidation dv = dvh.createValidation(
                dvh.createExplicitListConstraint(words.toArray(String[]::new)),
                new CellRangeAddressList(firstRow, lastRow, firstCol, lastCol));
        dv.setShowErrorBox(true);
        sheet.addValidationData(dv);
    }

    @Override
    public void pageSetup(int columns) {
        SheetSetup.pageSetup(sheet, columns);
    }

    @Override
    public void printArea(int lastCol, int lastRow) {
        var wb = sheet.getWorkbook();
        wb.setPrintArea(wb.getSheetIndex(sheet), 0, lastCol, 0, lastRow);
    }
}
