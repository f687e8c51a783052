package nl.rekenblad.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The tax parameters of one rule family, read from a tab-separated table in
 * {@code nl/rekenblad/rules/<family>.tsv}. Each row holds one value for a span of years with its
 * source; a year outside every span is an error that names the year. Immutable and thread-safe.
 *
 * <p>Columns: {@code naam, jaren (2002-2019 or 2025), waarde, eenheid, omschrijving, bron,
 * zekerheid}. Lines starting with {@code #} are comments.
 */
public final class RuleBook {
    private final String family;
    private final Map<String, List<Parameter>> byName;

    private RuleBook(String family, Map<String, List<Parameter>> byName) {
        this.family = family;
        this.byName = byName;
    }

    private static final java.util.concurrent.ConcurrentMap<String, RuleBook> BUNDLED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A family bundled with rekenblad, such as {@code "kor"}; read once (rule books are immutable). */
    public static RuleBook load(String family) {
        return BUNDLED.computeIfAbsent(family, RuleBook::read);
    }

    private static RuleBook read(String family) {
        return parse(family, bundledText(family));
    }

    /**
     * A rule book from the text of a rules file ({@code naam, jaren, waarde, eenheid, omschrijving, bron, zekerheid},
     * tab-separated): to check a changed table before it is bundled, or to test that texts follow the rules.
     */
    public static RuleBook of(String family, String tsv) {
        return parse(family, tsv);
    }

    /** The text of a bundled rules file, to start a changed one from. */
    public static String bundledText(String family) {
        String resource = "/nl/rekenblad/rules/" + family + ".tsv";
        try (InputStream in = RuleBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing rules resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleBook parse(String family, String text) {
        Map<String, List<Parameter>> byName = new LinkedHashMap<>();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    throw new IllegalStateException(
                            family + ".tsv line " + lineNo + ": 7 columns expected, found " + f.length);
                }
                String[] span = f[1].split("-");
                int from = Integer.parseInt(span[0].trim());
                int to = span.length > 1 ? Integer.parseInt(span[1].trim()) : from;
                Object value =
                        f[3].equals("ja/nee") || f[3].equals("tekst") ? f[2].trim() : new BigDecimal(f[2].trim());
                Parameter p =
                        new Parameter(f[0].trim(), from, to, value, f[3].trim(), f[4].trim(), f[5].trim(), f[6].trim());
                List<Parameter> rows = byName.computeIfAbsent(p.name(), k -> new ArrayList<>());
                for (Parameter q : rows) {
                    if (q.fromYear() <= to && from <= q.toYear()) {
                        throw new IllegalStateException(
                                family + ".tsv line " + lineNo + ": " + p.name() + " overlaps years " + q.years());
                    }
                }
                rows.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleBook(family, byName);
    }

    /**
     * The parameter {@code name} for {@code year}.
     *
     * @throws MissingRuleException when no row covers the year
     */
    public Parameter get(String name, int year, String description) {
        return find(name, year).orElseThrow(() -> new MissingRuleException(name, description, year, knownYears(name)));
    }

    public Optional<Parameter> find(String name, int year) {
        return byName.getOrDefault(name, List.of()).stream()
                .filter(p -> p.covers(year))
                .findFirst();
    }

    public boolean covers(String name, int year) {
        return find(name, year).isPresent();
    }

    /** The spans of years known for {@code name}, for messages: "2002–2019". */
    public String knownYears(String name) {
        List<Parameter> rows = byName.getOrDefault(name, List.of());
        if (rows.isEmpty()) {
            return "geen";
        }
        int min = rows.stream().mapToInt(Parameter::fromYear).min().orElseThrow();
        int max = rows.stream().mapToInt(Parameter::toYear).max().orElseThrow();
        return min == max ? Integer.toString(min) : min + "–" + max;
    }

    /** The first year any row of {@code name} covers. */
    public Optional<Integer> firstYear(String name) {
        return byName.getOrDefault(name, List.of()).stream()
                .map(Parameter::fromYear)
                .min(Integer::compare);
    }

    /** The first year in which {@code name} has {@code value} ("ja", or a number as text). */
    public Optional<Integer> firstYearWith(String name, String value) {
        return byName.getOrDefault(name, List.of()).stream()
                .filter(p -> p.value() instanceof BigDecimal d
                        ? d.toPlainString().equals(value)
                                || d.stripTrailingZeros().toPlainString().equals(value)
                        : p.value().equals(value))
                .map(Parameter::fromYear)
                .min(Integer::compare);
    }

    public String family() {
        return family;
    }

    @Override
    public String toString() {
        return family + byName.keySet().stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
