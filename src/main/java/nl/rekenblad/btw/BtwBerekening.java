package nl.rekenblad.btw;

import nl.rekenblad.aangifte.Rubriek;
import nl.rekenblad.core.Period;
import nl.rekenblad.rules.RuleBook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out a journal line by line and adds up each period's rubrieken: the pure part of the
 * btw-opstelling. Lines stream through {@link #verwerk}; totals stay small whatever the journal's
 * size. Not thread-safe: one instance per journal.
 */
public final class BtwBerekening {
    /** At most this many lines are listed on the Controle sheet; the rest are counted. */
    public static final int MAX_FLAGS = 10_000;

    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** One line worked out: its period (null when outside the year), rubriek, rate used and btw. */
    public record Regel(
            Boeking boeking,
            Period periode,
            Rubriek rubriek,
            BigDecimal tarief,
            BigDecimal btw,
            boolean berekend,
            List<String> opmerkingen) {}

    /** A line flagged for the Controle sheet. */
    public record Melding(long regel, String omschrijving, String melding) {}

    private final RuleBook rules;
    private final int jaar;
    private final Period.Kind kind;
    private final List<Period> periods;
    private final Map<Period, Map<Rubriek, BigDecimal[]>> totals = new LinkedHashMap<>();
    private final Map<Period, BigDecimal> diensten3b = new LinkedHashMap<>();
    private boolean soortBekend;
    private final List<Melding> meldingen = new ArrayList<>();
    private long aantalMeldingen;
    private long regels;
    private boolean closed;
    private final Map<Integer, Map<String, BigDecimal>> rates = new LinkedHashMap<>();

    public BtwBerekening(RuleBook rules, int jaar, Period.Kind kind) {
        this.rules = rules;
        this.jaar = jaar;
        this.kind = kind;
        this.periods = periodsOf(jaar, kind);
        for (Period p : periods) {
            Map<Rubriek, BigDecimal[]> m = new EnumMap<>(Rubriek.class);
            for (Rubriek r : Rubriek.values()) {
                m.put(r, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            }
            totals.put(p, m);
        }
    }

    public static BtwBerekening withBundledRules(int jaar, Period.Kind kind) {
        return new BtwBerekening(RuleBook.load("btw"), jaar, kind);
    }

    /** The rate that follows from rubriek and date: 1a the high rate, 1b the low rate of that year; 0 for 1e, 3a–3c. */
    public Optional<BigDecimal> standaardTarief(Rubriek r, int year) {
        return switch (r) {
            case R1A -> Optional.of(rate("BTW_Hoog", year));
            case R1B -> Optional.of(rate("BTW_Laag", year));
            case R1E, R3A, R3B, R3C -> Optional.of(BigDecimal.ZERO);
            default -> Optional.empty();
        };
    }

    private BigDecimal rate(String name, int year) {
        return rates.computeIfAbsent(year, y -> new LinkedHashMap<>())
                .computeIfAbsent(name, n -> rules.get(n, year, "btw-tarief").number());
    }

    /** Works out one line and adds it to its period's totals. */
    public Regel verwerk(Boeking b) {
        if (closed) {
            throw new IllegalStateException("the journal is closed: its totals are in a result");
        }
        regels++;
        List<String> notes = new ArrayList<>(2);
        Optional<Rubriek> rubriek = Rubriek.ofCode(b.rubriekTekst());
        Period periode = null;
        if (b.datum().getYear() != jaar) {
            notes.add("datum " + b.datum() + " valt buiten " + jaar + "; niet meegeteld");
        } else {
            periode = periodOf(b.datum().getMonthValue());
        }
        if (rubriek.isEmpty()) {
            notes.add("onbekende rubriek \"" + b.rubriekTekst() + "\"; niet meegeteld");
        }
        BigDecimal tarief = b.tarief() != null
                ? b.tarief()
                : rubriek.flatMap(r -> standaardTarief(r, b.datum().getYear())).orElse(null);
        BigDecimal btw = b.btw();
        boolean berekend = false;
        if (btw == null) {
            if (tarief != null) {
                // Computed btw: grondslag × tarief, rounded half-up to the cent (the same as ROUND(…;2)).
                btw = b.grondslag().multiply(tarief).setScale(2, RoundingMode.HALF_UP);
                berekend = true;
            } else {
                btw = BigDecimal.ZERO;
                if (rubriek.isPresent()) {
                    notes.add("btw en tarief ontbreken; btw als 0 geteld");
                }
            }
        } else if (tarief != null) {
            BigDecimal expected = b.grondslag().multiply(tarief).setScale(2, RoundingMode.HALF_UP);
            if (btw.subtract(expected).abs().compareTo(CENT) > 0) {
                notes.add("btw " + btw.toPlainString() + " wijkt af van grondslag × tarief = "
                        + expected.toPlainString());
            }
        }
        if (periode != null && rubriek.isPresent()) {
            BigDecimal[] t = totals.get(periode).get(rubriek.get());
            t[0] = t[0].add(b.grondslag());
            t[1] = t[1].add(btw);
            if (rubriek.get() == Rubriek.R3B) {
                telDiensten3b(periode, b.soort().isEmpty() ? null : b.diensten() ? b.grondslag() : BigDecimal.ZERO);
            }
        }
        if (!notes.isEmpty()) {
            aantalMeldingen++;
            if (meldingen.size() < MAX_FLAGS) {
                meldingen.add(new Melding(b.regel(), b.omschrijving(), String.join("; ", notes)));
            }
        }
        return new Regel(
                b,
                periode != null && rubriek.isPresent() ? periode : null,
                rubriek.orElse(null),
                tarief,
                btw,
                berekend,
                notes);
    }

    /**
     * Adds amounts worked out elsewhere to a period's rubriek: an auditfile's totals per VAT code, once each code
     * has its rubriek.
     */
    public void tel(Period p, Rubriek r, BigDecimal omzet, BigDecimal btw) {
        if (closed) {
            throw new IllegalStateException("the journal is closed: its totals are in a result");
        }
        BigDecimal[] t = totals.get(p).get(r);
        t[0] = t[0].add(omzet);
        t[1] = t[1].add(btw);
    }

    /**
     * Records the part of a 3b amount that is services taxed in another EU country (null when the line does not
     * say): those do not count towards the KOR's omzetgrens, goods do.
     */
    public void telDiensten3b(Period p, BigDecimal diensten) {
        if (diensten != null) {
            soortBekend = true;
            diensten3b.merge(p, diensten, BigDecimal::add);
        }
    }

    /** Per period the 3b services, when some 3b line said whether it was goods or services; else empty. */
    public Optional<Map<Period, BigDecimal>> diensten3b() {
        if (!soortBekend) {
            return Optional.empty();
        }
        Map<Period, BigDecimal> m = new LinkedHashMap<>();
        for (Period p : periods) {
            m.put(p, diensten3b.getOrDefault(p, BigDecimal.ZERO));
        }
        return Optional.of(m);
    }

    /** Counts a line read elsewhere (an auditfile's lines with btw). */
    public void telRegel() {
        regels++;
    }

    /** Flags a line for the Controle sheet. */
    public void meld(long regel, String omschrijving, String melding) {
        aantalMeldingen++;
        if (meldingen.size() < MAX_FLAGS) {
            meldingen.add(new Melding(regel, omschrijving, melding));
        }
    }

    /** The period of a date in the year, or null when the date lies outside it. */
    public Period periode(java.time.LocalDate datum) {
        return datum.getYear() == jaar ? periodOf(datum.getMonthValue()) : null;
    }

    private Period periodOf(int month) {
        return switch (kind) {
            case JAAR -> Period.year(jaar);
            case KWARTAAL -> Period.quarter(jaar, (month - 1) / 3 + 1);
            case MAAND -> Period.month(jaar, month);
        };
    }

    static List<Period> periodsOf(int jaar, Period.Kind kind) {
        List<Period> ps = new ArrayList<>();
        switch (kind) {
            case JAAR -> ps.add(Period.year(jaar));
            case KWARTAAL -> {
                for (int q = 1; q <= 4; q++) {
                    ps.add(Period.quarter(jaar, q));
                }
            }
            case MAAND -> {
                for (int m = 1; m <= 12; m++) {
                    ps.add(Period.month(jaar, m));
                }
            }
            default -> throw new IllegalStateException();
        }
        return ps;
    }

    public int jaar() {
        return jaar;
    }

    public List<Period> perioden() {
        return java.util.Collections.unmodifiableList(periods);
    }

    /** The exact omzet (grondslag) of a rubriek in a period. */
    public BigDecimal omzet(Period p, Rubriek r) {
        return totals.get(p).get(r)[0];
    }

    /** The exact btw of a rubriek in a period. */
    public BigDecimal btw(Period p, Rubriek r) {
        return totals.get(p).get(r)[1];
    }

    public List<Melding> meldingen() {
        return java.util.Collections.unmodifiableList(meldingen);
    }

    /** Takes no more lines: from now on the totals are final (a result holds a closed calculation only). */
    public void sluit() {
        closed = true;
    }

    public long aantalMeldingen() {
        return aantalMeldingen;
    }

    public long regels() {
        return regels;
    }
}
