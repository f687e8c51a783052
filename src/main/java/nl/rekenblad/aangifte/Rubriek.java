package nl.rekenblad.aangifte;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The rubrieken of the Dutch btw-aangifte that a KOR jaaropstelling takes as input. */
public enum Rubriek {
    R1A("1a", "Leveringen/diensten belast met hoog tarief", true, true, true),
    R1B("1b", "Leveringen/diensten belast met laag tarief", true, true, true),
    R1C("1c", "Leveringen/diensten belast met overige tarieven, behalve 0%", true, true, true),
    R1D("1d", "Privégebruik", true, true, true),
    R1E(
            "1e",
            "Leveringen/diensten belast met 0% of niet bij u belast (btw: fictieve btw bij verlegging)",
            true,
            true,
            false),
    R2A("2a", "Leveringen/diensten waarbij de btw naar u is verlegd", true, true, true),
    R3A("3a", "Leveringen naar landen buiten de EU (uitvoer)", true, false, false),
    R3B("3b", "Leveringen naar of diensten in landen binnen de EU", true, false, false),
    R3C("3c", "Installatie/afstandsverkopen binnen de EU", true, false, false),
    R4A("4a", "Leveringen/diensten uit landen buiten de EU", true, true, true),
    R4B("4b", "Leveringen/diensten uit landen binnen de EU", true, true, true),
    R5B("5b", "Voorbelasting", false, true, false);

    private final String code;
    private final String omschrijving;
    private final boolean hasOmzet;
    private final boolean hasBtw;
    private final boolean owed;

    Rubriek(String code, String omschrijving, boolean hasOmzet, boolean hasBtw, boolean owed) {
        this.code = code;
        this.omschrijving = omschrijving;
        this.hasOmzet = hasOmzet;
        this.hasBtw = hasBtw;
        this.owed = owed;
    }

    public String code() {
        return code;
    }

    public String omschrijving() {
        return omschrijving;
    }

    /** Whether the return has an omzet (grondslag) column for it. */
    public boolean hasOmzet() {
        return hasOmzet;
    }

    /** Whether the return has a btw column for it (1e: the fictieve btw rekenblad asks for). */
    public boolean hasBtw() {
        return hasBtw;
    }

    /** Whether its btw is part of 5a, the btw owed (1a–1d, 2a, 4a, 4b). */
    public boolean owed() {
        return owed;
    }

    /** Btw reverse-charged to the entrepreneur (2a, 4a, 4b): not owed for the old KOR. */
    public boolean reverseChargedToYou() {
        return this == R2A || this == R4A || this == R4B;
    }

    /** Supplies whose omzet may count against the KOR omzetgrens (a switch per rubriek). */
    public boolean supply() {
        return this == R1A
                || this == R1B
                || this == R1C
                || this == R1D
                || this == R1E
                || this == R3A
                || this == R3B
                || this == R3C;
    }

    /** Finds a rubriek by its code, case-insensitively ("1A" is 1a). */
    public static Optional<Rubriek> ofCode(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.code.equals(t)).findFirst();
    }

    /** "1a, 1b, …, 5b": for messages that list what is accepted. */
    public static String codes() {
        return Arrays.stream(values()).map(Rubriek::code).collect(Collectors.joining(" "));
    }
}
