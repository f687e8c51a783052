package nl.rekenblad.internal.io;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The process-wide POI settings rekenblad relies on for untrusted workbooks. POI keeps these in static fields, so
 * the library never changes them behind an embedding application's back: the command line asks for them when it
 * starts ({@link #applyBeforeReading()}: set just before the first workbook is read, so a run that reads none, a KOR
 * CSV, loads neither POI's package classes nor its logging), and an application that embeds rekenblad calls {@link
 * #apply()} once (or sets its own limits).
 */
public final class PoiSettings {
    /** A zip entry may inflate to at most this many bytes (POI's default is 4 GB). */
    public static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;
    /** Compressed size divided by inflated size must stay above this (POI's default, kept explicit). */
    public static final double MIN_INFLATE_RATIO = 0.01;

    private static volatile boolean requested;
    private static volatile boolean applied;

    private PoiSettings() {}

    /** Applies the limits just before rekenblad first reads a workbook (the command line's choice). */
    public static void applyBeforeReading() {
        requested = true;
    }

    /** Called before a workbook is read: applies the limits when they were asked for and are not yet set. */
    public static void beforeReading() {
        if (requested && !applied) {
            apply();
        }
    }

    /** Sets POI's zip-bomb limits: entries of at most {@link #MAX_ENTRY_BYTES}, inflate ratio at least 1%. */
    public static void apply() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        applied = true;
    }
}
