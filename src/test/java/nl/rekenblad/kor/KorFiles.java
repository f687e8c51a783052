package nl.rekenblad.kor;

import nl.rekenblad.core.Period;
import nl.rekenblad.internal.workbook.OutputWorkbook;

import java.nio.file.Path;

/** The KOR package's readers and template for tests in other packages (they are package-private in the product). */
public final class KorFiles {
    private KorFiles() {}

    public static KorInput read(Path csv) throws Exception {
        return new KorCsvReader().read(csv);
    }

    public static OutputWorkbook template(Period.Kind kind, Integer year) {
        return KorTemplate.create(kind, year);
    }

    public static OutputWorkbook filled(KorInput in) {
        return KorTemplate.filled(in);
    }

    public static OutputWorkbook forOutput(KorInput in) {
        return KorTemplate.forOutput(in);
    }

    public static final String INVOER = KorTemplate.SHEET;
    public static final String JAAROPSTELLING = KorWorkbookWriter.JAAROPSTELLING;
}
