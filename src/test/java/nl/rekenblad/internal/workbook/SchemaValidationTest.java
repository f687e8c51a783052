package nl.rekenblad.internal.workbook;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.testing.Route;
import org.apache.xmlbeans.SchemaType;
import org.apache.xmlbeans.SchemaTypeLoader;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every workbook rekenblad writes opens in Excel without a repair prompt: each XML part of every sample's output,
 * and of every template, is valid against the ECMA-376 schema (POI's poi-ooxml-full XmlBeans types). The one
 * thing tolerated is {@code xml:space="preserve"} on a {@code <t>} element: not in the schema, but what Excel
 * itself writes.
 */
class SchemaValidationTest {
    /** The full ECMA-376 type system of poi-ooxml-full, which finds a part's document type by its root element. */
    private static final SchemaTypeLoader OOXML = XmlBeans.typeLoaderUnion(
            org.apache.poi.schemas.ooxml.system.ooxml.TypeSystemHolder.typeSystem, XmlBeans.getContextTypeLoader());

    /** Every sample with the options its README command uses, and the btw journal with {@code --kor} as well. */
    static Stream<Arguments> outputs() throws Exception {
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!(n.endsWith(".csv") || n.endsWith(".xlsx") || n.endsWith(".xaf")) || n.contains("-wagens")) {
                    continue;
                }
                String kind = n.endsWith(".xaf") ? "btw" : n.substring(0, n.indexOf('-'));
                all.add(Arguments.of(kind, p, Options.defaults()));
                if (kind.equals("btw")) {
                    all.add(Arguments.of(
                            kind,
                            p,
                            Options.builder()
                                    .set(nl.rekenblad.btw.BtwRegulation.KOR, true)
                                    .set(Options.PERIODE, nl.rekenblad.core.Period.Kind.MAAND)
                                    .build()));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputs")
    void everyPartOfEveryOutputIsValidEcma376(String kind, Path sample, Options options) throws Exception {
        for (Route route : Route.values()) {
            assertValid(route.workbook(kind, sample, options), sample + " (" + route + ")");
        }
    }

    static Stream<Regulation> templates() {
        return Rekenblad.regulations().stream().filter(r -> r.templateName().isPresent());
    }

    @ParameterizedTest(name = "template {0}")
    @MethodSource("templates")
    void everyTemplateIsValidEcma376(Regulation r) throws Exception {
        for (nl.rekenblad.core.Period.Kind k : nl.rekenblad.core.Period.Kind.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.writeTemplate(
                    out,
                    Options.builder()
                            .set(Options.PERIODE, k)
                            .set(Options.JAAR, 2025)
                            .build());
            assertValid(out.toByteArray(), r.name() + " " + k);
        }
    }

    /** Validates every XML part; the workbook, its sheets and styles must be among those with a schema. */
    static void assertValid(byte[] xlsx, String what) throws Exception {
        List<String> errors = new ArrayList<>();
        List<String> validated = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                String name = e.getName();
                if (!(name.endsWith(".xml") || name.endsWith(".rels"))) {
                    continue;
                }
                byte[] part = z.readAllBytes();
                XmlObject doc =
                        OOXML.parse(new ByteArrayInputStream(part), null, new XmlOptions().setLoadLineNumbers());
                SchemaType type = doc.schemaType();
                if (type == null || type.isNoType() || type == XmlObject.type) {
                    continue;
                }
                validated.add(name);
                List<XmlError> found = new ArrayList<>();
                doc.validate(new XmlOptions().setErrorListener(found));
                for (XmlError err : found) {
                    if (err.getMessage().contains("space@http://www.w3.org/XML/1998/namespace in element t@")) {
                        continue; // xml:space="preserve" on <t>: what Excel itself writes
                    }
                    errors.add(what + " › " + name + ":" + err.getLine() + ": " + err.getMessage());
                }
            }
        }
        assertTrue(validated.contains("xl/workbook.xml"), what + ": " + validated);
        assertTrue(validated.contains("xl/styles.xml"), what + ": " + validated);
        assertTrue(validated.stream().anyMatch(n -> n.startsWith("xl/worksheets/")), what + ": " + validated);
        assertEquals(List.of(), errors, what);
    }
}
