package nl.rekenblad.core;

/** Resolves step, input and parameter keys to spreadsheet targets while a formula is written. */
public interface Refs {
    /** The target of {@code key}; throws {@link IllegalStateException} for an unknown key. */
    Target target(String key);

    /** The sheet the formula is written on, so that local references stay short. */
    String currentSheet();
}
