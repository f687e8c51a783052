package nl.rekenblad.internal.workbook;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.testing.Route;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 25: every formula rekenblad writes opens in Excel: at most 8.192 characters, at most 255 arguments per
 * function, at most 64 levels of nested functions, and only functions Excel 2007 has. Checked over the output of every
 * sample and of large generated inputs (a VU list of 3.000 alternating cost lines, a journal of 20.000 lines).
 */
@Tag("langzaam")
class ExcelLimitsTest {
    /** Excel 2007's functions that a calculation could reasonably use; anything else fails the test. */
    private static final Set<String> EXCEL_2007 = Set.of(
            "SUM",
            "SUMIF",
            "SUMIFS",
            "SUMPRODUCT",
            "IF",
            "IFERROR",
            "AND",
            "OR",
            "NOT",
            "MIN",
            "MAX",
            "ROUND",
            "ROUNDUP",
            "ROUNDDOWN",
            "FLOOR",
            "CEILING",
            "INT",
            "ABS",
            "ISBLANK",
            "ISNUMBER",
            "ISTEXT",
            "YEAR",
            "MONTH",
            "DAY",
            "DATE",
            "EDATE",
            "EOMONTH",
            "LOWER",
            "UPPER",
            "TRIM",
            "LEN",
            "EXACT",
            "TEXT",
            "VALUE",
            "COUNT",
            "COUNTA",
            "COUNTIF",
            "COUNTIFS",
            "INDEX",
            "MATCH",
            "VLOOKUP",
            "CHOOSE",
            "MOD",
            "AVERAGE",
            "MROUND",
            "TRUNC",
            "CONCATENATE",
            "LEFT",
            "RIGHT",
            "MID",
            "SIGN",
            "POWER");

    private static final Pattern FORMULA = Pattern.compile("<f(?:\\s[^>]*)?>([^<]*)</f>");

    @ParameterizedTest
    @EnumSource(Route.class)
    void everyFormulaOfEveryOutputIsWithinExcelsLimits(Route route) throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        int formulas = 0;
        List<Source> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".xaf")) && !n.contains("wagens")) {
                    inputs.add(Source.of(p));
                }
            }
        }
        inputs.add(Source.of("vu-groot.csv", vu(3000)));
        inputs.add(Source.of("journaal-groot.csv", journal(20_000)));
        for (Source in : inputs) {
            String name = in.name();
            String kind = name.startsWith("winst")
                    ? "winst"
                    : Rekenblad.recognise(in).map(r -> r.name()).orElse(null);
            if (kind == null) {
                continue;
            }
            Options o = kind.equals("btw")
                    ? Options.builder()
                            .set(nl.rekenblad.btw.BtwRegulation.KOR, true)
                            .build()
                    : Options.defaults();
            byte[] xlsx = route.run(() -> {
                try (Outcome<?> out = Rekenblad.run(kind, in, o)) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    out.writeWorkbook(b);
                    return b.toByteArray();
                }
            });
            try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    if (!e.getName().startsWith("xl/worksheets/")) {
                        continue;
                    }
                    Matcher m = FORMULA.matcher(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        formulas++;
                        String f = unescape(m.group(1));
                        check(name + " " + e.getName(), f, problems, used);
                    }
                }
            }
        }
        assertTrue(formulas > 1000, "formulas checked: " + formulas);
        assertTrue(
                problems.isEmpty(),
                problems.size() + " formulas Excel refuses, e.g. "
                        + problems.stream().limit(5).toList());
        for (String f : used) {
            assertTrue(EXCEL_2007.contains(f), "function " + f + " is not one of Excel 2007's (used: " + used + ")");
        }
    }

    /** The check itself finds what Excel refuses (the VU formula of the issue: 256 arguments). */
    @Test
    void theCheckFindsTooManyArgumentsTooLongAndTooDeep() {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        StringBuilder args = new StringBuilder("SUM(C26");
        for (int i = 0; i < 255; i++) {
            args.append(",C").append(28 + 2 * i);
        }
        check("a", args.append(")").toString(), problems, used);
        check("b", "SUM(" + "A1+".repeat(3000) + "A1)", problems, used);
        check("c", "ABS(".repeat(65) + "1" + ")".repeat(65), problems, used);
        check("d", "IF(A1=\"a,b(c\",SUM(A1,A2),0)", problems, used);
        assertTrue(
                problems.size() == 3
                        && problems.get(0).contains("256 arguments")
                        && problems.get(1).contains("characters")
                        && problems.get(2).contains("64"),
                problems.toString());
    }

    /** Length, arguments per function call and nesting of one formula. */
    private static void check(String where, String f, List<String> problems, Set<String> used) {
        if (f.length() > 8192) {
            problems.add(where + ": " + f.length() + " characters");
        }
        List<int[]> stack = new ArrayList<>(); // per open parenthesis: {is a function, arguments}
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '"') {
                inString = !inString;
            } else if (inString) {
                continue;
            } else if (c == '(') {
                int j = i;
                while (j > 0
                        && (Character.isLetterOrDigit(f.charAt(j - 1))
                                || f.charAt(j - 1) == '.'
                                || f.charAt(j - 1) == '_')) {
                    j--;
                }
                boolean fn = j < i && Character.isLetter(f.charAt(j));
                if (fn) {
                    used.add(f.substring(j, i).toUpperCase(java.util.Locale.ROOT));
                    depth++;
                    if (depth > 64) {
                        problems.add(where + ": more than 64 nested functions");
                    }
                }
                stack.add(new int[] {fn ? 1 : 0, 1});
            } else if (c == ',' && !stack.isEmpty()) {
                stack.get(stack.size() - 1)[1]++;
            } else if (c == ')' && !stack.isEmpty()) {
                int[] top = stack.remove(stack.size() - 1);
                if (top[0] == 1) {
                    depth--;
                    if (top[1] > 255) {
                        problems.add(where + ": a function with " + top[1] + " arguments");
                    }
                }
            }
        }
    }

    private static String unescape(String xml) {
        return xml.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** The case, larger: cost lines alternating restaurant and aftrekbaar. */
    private static byte[] vu(int lines) {
        StringBuilder sb = new StringBuilder("aanslagjaar,2026\nrekening,omschrijving,bedrag,soort\n");
        for (int i = 0; i < lines; i++) {
            sb.append(600000 + i)
                    .append(",Kost ")
                    .append(i)
                    .append(",")
                    .append(100 + i % 50)
                    .append(",")
                    .append(i % 2 == 0 ? "restaurant" : "aftrekbaar")
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] journal(int lines) {
        StringBuilder sb = new StringBuilder("datum,omschrijving,rubriek,grondslag,btw\n");
        for (int i = 0; i < lines; i++) {
            sb.append(String.format(
                    "2025-%02d-%02d,Boeking %d,%s,100.00,%n", 1 + i % 12, 1 + i % 28, i, i % 3 == 0 ? "5b" : "1a"));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
