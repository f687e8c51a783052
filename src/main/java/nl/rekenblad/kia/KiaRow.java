package nl.rekenblad.kia;

import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.internal.io.DateNotation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One register row as text fields by column name, and its validation into an {@link Activum}:
 * shared by the CSV reader (text fields) and the rules that apply whatever the source.
 */
record KiaRow(String where, Map<String, String> fields, Map<String, String> cellWhere) {

    KiaRow(String where, Map<String, String> fields) {
        this(where, fields, Map.of());
    }

    /** Where a column's value stands: its cell in a workbook, the line in a CSV. */
    String where(String column) {
        return cellWhere.getOrDefault(column, where);
    }

    String get(String column) {
        return fields.getOrDefault(column, "").trim();
    }

    static KiaInput toInput(
            String bron,
            List<KiaRow> rows,
            Function<String, BigDecimal> amounts,
            Optional<BigDecimal> aandeel,
            List<Problem> problems,
            List<Problem> warnings)
            throws InvalidInputException {
        List<Activum> activa = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (KiaRow row : rows) {
            Activum a = row.toActivum(amounts, problems);
            if (a != null) {
                String earlier = ids.putIfAbsent(a.id(), row.where());
                if (earlier != null) {
                    problems.add(Problem.error(
                            row.where(),
                            "id \"" + a.id() + "\" staat er al (" + earlier + ");"
                                    + " geef elk bedrijfsmiddel een eigen id"));
                } else {
                    activa.add(a);
                }
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            List<Problem> all = new ArrayList<>(problems);
            all.addAll(warnings);
            throw new InvalidInputException(all);
        }
        return new KiaInput(bron, activa, aandeel, warnings);
    }

    /** Validates the fields; adds a problem per bad field and returns null when any is bad. */
    Activum toActivum(Function<String, BigDecimal> amounts, List<Problem> problems) {
        int before = problems.size();
        String id = get("id");
        if (id.isEmpty()) {
            problems.add(Problem.error(where("id"), "kolom id is leeg; geef elk bedrijfsmiddel een id"));
        }
        LocalDate datum = date("datum", problems);
        if (datum == null && get("datum").isEmpty() && !reported("datum", problems)) {
            problems.add(Problem.error(
                    where("datum"), "kolom datum is leeg; vul de datum van de investeringsverplichting in"));
        }
        BigDecimal bedrag = amount("bedrag", amounts, problems);
        if (bedrag == null && get("bedrag").isEmpty() && !reported("bedrag", problems)) {
            problems.add(Problem.error(where("bedrag"), "kolom bedrag is leeg"));
        } else if (bedrag != null && bedrag.signum() <= 0) {
            problems.add(Problem.error(where("bedrag"), "kolom bedrag: het investeringsbedrag moet positief zijn"));
        }
        Soort soort = Soort.of(get("soort")).orElse(null);
        if (soort == null) {
            problems.add(Problem.error(
                    where("soort"),
                    "kolom soort: onbekend \"" + get("soort") + "\"; verwacht een van: " + Soort.words()));
        }
        LocalDate inGebruik = date("ingebruikname", problems);
        BigDecimal betaald = amount("betaald", amounts, problems);
        BigDecimal rest = amount("restwaarde", amounts, problems);
        BigDecimal duur = amount("gebruiksduur", amounts, problems);
        LocalDate verkoop = date("verkoopdatum", problems);
        BigDecimal prijs = amount("verkoopprijs", amounts, problems);
        Regeling regeling = regeling(problems);
        if (duur != null && duur.signum() <= 0) {
            problems.add(Problem.error(where("gebruiksduur"), "kolom gebruiksduur: aantal jaren moet positief zijn"));
        }
        if ((verkoop == null) != (prijs == null) && problems.size() == before) {
            problems.add(Problem.error(
                    where, verkoop == null ? "verkoopprijs zonder verkoopdatum" : "verkoopdatum zonder verkoopprijs"));
        }
        if (betaald != null && bedrag != null && betaald.compareTo(bedrag) > 0) {
            problems.add(Problem.error(where("betaald"), "kolom betaald: meer dan het investeringsbedrag"));
        }
        if (rest != null && bedrag != null && rest.compareTo(bedrag) > 0) {
            problems.add(Problem.error(where("restwaarde"), "kolom restwaarde: meer dan het investeringsbedrag"));
        }
        if (problems.size() > before || datum == null || bedrag == null || soort == null) {
            return null;
        }
        return new Activum(
                where,
                id,
                get("omschrijving"),
                datum,
                Money.of(bedrag),
                soort,
                Optional.ofNullable(inGebruik),
                Optional.ofNullable(betaald).map(Money::of),
                Optional.ofNullable(rest).map(Money::of),
                Optional.ofNullable(duur),
                Optional.ofNullable(verkoop),
                Optional.ofNullable(prijs).map(Money::of),
                Optional.ofNullable(regeling));
    }

    /** True when the cell of this column already has a problem (a workbook cell of the wrong type). */
    private boolean reported(String column, List<Problem> problems) {
        String w = where(column);
        return problems.stream().anyMatch(p -> w.equals(p.where()));
    }

    private LocalDate date(String column, List<Problem> problems) {
        try {
            return DateNotation.parse(get(column));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(where(column), "kolom " + column + ": " + e.getMessage()));
            return null;
        }
    }

    private BigDecimal amount(String column, Function<String, BigDecimal> amounts, List<Problem> problems) {
        try {
            return amounts.apply(get(column));
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(where(column), "kolom " + column + ": " + e.getMessage()));
            return null;
        }
    }

    private Regeling regeling(List<Problem> problems) {
        String text = get("regeling");
        if (text.isEmpty()) {
            return null;
        }
        List<Regeling> found = new ArrayList<>();
        for (String part : text.split("[+,;/&]|\\s+en\\s+|\\s+")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<Regeling> r = Regeling.of(part);
            if (r.isEmpty()) {
                problems.add(Problem.error(
                        where("regeling"),
                        "kolom regeling: onbekend \"" + part.trim() + "\"; verwacht een van: " + Regeling.words()));
                return null;
            }
            found.add(r.get());
        }
        boolean eia = found.contains(Regeling.EIA);
        long mia = found.stream().filter(Regeling::isMia).count();
        if (eia && mia > 0) {
            problems.add(Problem.error(
                    where("regeling"),
                    "kolom regeling: EIA en MIA gaan nooit samen op hetzelfde bedrijfsmiddel"
                            + " (Wet IB 2001 art. 3.42a); kies er één"));
            return null;
        }
        if (mia > 1 || found.size() > 1 && !eia) {
            problems.add(Problem.error(where("regeling"), "kolom regeling: één MIA-categorie per bedrijfsmiddel"));
            return null;
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
