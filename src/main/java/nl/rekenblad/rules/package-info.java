/**
 * The rules data: every threshold, percentage and amount, per span of years, with its source and a confidence
 * mark, read from {@code rules/*.tsv} ({@link nl.rekenblad.rules.RuleBook}). A year the data does not cover is an
 * error that names it.
 *
 * <p>May use: {@code core}. API.
 */
package nl.rekenblad.rules;
