package nl.rekenblad.kia;

import nl.rekenblad.internal.workbook.OutputWorkbook;

import java.nio.file.Path;
import java.util.Optional;

/** The KIA package's reader and template for tests in other packages (they are package-private in the product). */
public final class KiaFiles {
    private KiaFiles() {}

    public static KiaInput read(Path csv) throws Exception {
        return new KiaCsvReader().read(csv, Optional.empty());
    }

    public static OutputWorkbook template() {
        return KiaTemplate.create();
    }

    public static OutputWorkbook filled(KiaInput in) {
        return KiaTemplate.filled(in);
    }

    public static OutputWorkbook forOutput(KiaInput in) {
        return KiaTemplate.forOutput(in);
    }

    public static final String REGISTER = KiaTemplate.SHEET;
}
