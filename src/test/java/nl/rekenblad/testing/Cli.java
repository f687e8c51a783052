package nl.rekenblad.testing;

import nl.rekenblad.cli.Main;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line as a user would (through {@link CommandLine#execute}) and reads what it wrote. */
public final class Cli {
    private Cli() {}

    /** What one run gave: the exit code and what it printed. */
    public record Run(int exit, String out, String err) {}

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    public static XSSFWorkbook open(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The number in the cell a defined name points at. */
    public static double named(XSSFWorkbook wb, String name) {
        CellReference r = new CellReference(wb.getName(name).getRefersToFormula());
        return wb.getSheet(r.getSheetName())
                .getRow(r.getRow())
                .getCell(r.getCol())
                .getNumericCellValue();
    }
}
