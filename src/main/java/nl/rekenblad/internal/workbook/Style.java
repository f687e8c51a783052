package nl.rekenblad.internal.workbook;

/**
 * A cell style of one workbook, as its cells refer to it: the index in the workbook's style table (0 is the
 * default style) and whether its text wraps (a row's height follows from it). Made by {@link Styles}; the same
 * look has the same index everywhere in a workbook.
 */
public record Style(int index, boolean wrap) {}
