/**
 * The workbook engine: {@code OutputWorkbook} (owns the POI workbook; its only way out is {@code save}), result
 * sheets placed from a calculation's layout ({@code ResultSheets}) as generated cells ({@code SheetCells}) put into
 * the package by parsing the sheet XML ({@code SheetXml}), styles, page setup, defined names, and template cells
 * that go to POI or to generated cells alike ({@code Grid}).
 *
 * <p>May use: {@code core}, {@code rules}, POI, Commons Compress. Internal: no compatibility promise.
 */
package nl.rekenblad.internal.workbook;
