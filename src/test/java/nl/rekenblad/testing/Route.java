package nl.rekenblad.testing;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.internal.workbook.OutputWorkbook;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The two ways rekenblad writes a workbook it generates: straight to the package (what it does), or through POI's
 * object model (what it did before, and still does for a bookkeeper's own workbook). Tests that check outputs run
 * over both.
 */
public enum Route {
    PACKAGE,
    OBJECT_MODEL;

    /** Runs {@code job} with workbooks made on this route. */
    public <T> T run(Callable<T> job) throws Exception {
        return this == OBJECT_MODEL ? OutputWorkbook.inObjectModel(job) : job.call();
    }

    /** The workbook of {@code kind} over {@code sample} with {@code options}, made and written on this route. */
    public byte[] workbook(String kind, Path sample, Options options) throws Exception {
        return run(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Outcome<?> o = Rekenblad.run(kind, Source.of(sample), options)) {
                o.writeWorkbook(out);
            }
            return out.toByteArray();
        });
    }
}
