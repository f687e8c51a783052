package nl.rekenblad.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Target;
import nl.rekenblad.kia.KiaBerekening;
import nl.rekenblad.kia.KiaResult;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Adds the KIA result sheets to a workbook holding the register: "KIA" (per year and per asset),
 * "Desinvesteringen", "Afschrijvingen", "Parameters" and "Toelichting", every figure a live
 * formula with its cached value. The register and the bookkeeper's own sheets are left as they are.
 */
public final class KiaWorkbookWriter {
    public static final String PARAMETERS = "Parameters";
    public static final String TOELICHTING = "Toelichting";
    static final String MARKER = "rekenblad-kia";
    static final List<String> SHEETS = List.of(KiaBerekening.KIA, KiaBerekening.DESINVESTERINGEN,
            KiaBerekening.AFSCHRIJVINGEN, PARAMETERS, TOELICHTING);

    public void write(XSSFWorkbook wb, KiaResult result) throws InvalidInputException {
        String bron = result.input().bron();
        ResultSheets.removeEarlierOutput(wb, MARKER, SHEETS, List.of("KIA_", "EIA_", "MIA_", "AFS_"),
                List.of(KiaTemplate.N_REGISTER), bron);
        List<Problem> problems = new ArrayList<>();
        KiaTemplate.Located loc = KiaTemplate.locate(wb, problems, bron).orElseThrow(() -> new InvalidInputException(problems));
        List<Integer> rows = loc.assetRows(wb);
        if (rows.size() != result.input().activa().size()) {
            throw new IllegalStateException("register rows changed while writing");
        }
        Map<String, Target> targets = new HashMap<>(loc.inputCells(rows));
        ResultSheets out = new ResultSheets(wb, targets);
        List<String> layoutSheets = List.of(KiaBerekening.KIA, KiaBerekening.DESINVESTERINGEN, KiaBerekening.AFSCHRIJVINGEN);
        for (String sheet : layoutSheets) {
            out.place(sheet, result.layouts().get(sheet));
            wb.createSheet(sheet);
        }
        out.checkPlaced(result.calculation());
        out.parameters(PARAMETERS, "Parameters investeringsaftrek en afschrijving",
                "De tabellen van de jaren in dit register, met hun bron. Elk bedrag heeft een eigen naam (bijv. KIA_A_2025).",
                result.parameters());
        String from = " · invoer: " + bron + " · alle bedragen zijn formules; zie het blad " + TOELICHTING;
        out.write(KiaBerekening.KIA, "Kleinschaligheidsinvesteringsaftrek", "KIA per jaar uit de tabel van dat jaar,"
                + " verdeeld over de bedrijfsmiddelen naar rato" + from, result.layouts().get(KiaBerekening.KIA),
                result.calculation(), 40);
        out.write(KiaBerekening.DESINVESTERINGEN, "Desinvesteringsbijtelling", "Verkopen binnen 5 jaar van bedrijfsmiddelen"
                + " met KIA" + from, result.layouts().get(KiaBerekening.DESINVESTERINGEN), result.calculation(), 40);
        out.write(KiaBerekening.AFSCHRIJVINGEN, "Afschrijvingsstaat", "Lineair, naar rato per maand, ten hoogste 20% per jaar"
                + " (goodwill 10%)" + from, result.layouts().get(KiaBerekening.AFSCHRIJVINGEN), result.calculation(), 44);
        out.toelichting(TOELICHTING, "Toelichting investeringsaftrek", result.calculation(), result.warnings());
        out.finish(KiaBerekening.KIA, MARKER, SHEETS);
    }
}
