package nl.rekenblad.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** picocli's messages for a wrong call, in Dutch. */
final class UsageMessages {
    private record Rule(Pattern english, String dutch) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Pattern.compile("Unmatched arguments? (?:at|from) index \\d+: (.*)"),
                    "onbekende opdracht of argument: $1"),
            new Rule(Pattern.compile("Unknown options?: (.*)"), "onbekende optie: $1"),
            new Rule(Pattern.compile("Missing required parameters?: (.*)"), "ontbreekt: $1"),
            new Rule(Pattern.compile("Missing required options?: (.*)"), "verplichte optie ontbreekt: $1"),
            new Rule(
                    Pattern.compile("Missing required parameter for option '([^']*)' \\((.*)\\)"),
                    "optie $1 mist een waarde ($2)"),
            new Rule(
                    Pattern.compile("Expected parameter for option '([^']*)' but found '([^']*)'"),
                    "optie $1 mist een waarde (gevonden '$2')"),
            new Rule(
                    Pattern.compile(
                            "Invalid value for (?:option|positional parameter) (?:'([^']*)'|at index \\d+ \\(([^)]*)\\)): "
                                    + "expected one of \\[(.*)\\] \\(case-sensitive\\) but was '([^']*)'"),
                    "ongeldige waarde voor $1$2: verwacht een van $3, gevonden '$4'"),
            new Rule(
                    Pattern.compile("Invalid value for option '([^']*)': '([^']*)' is not an? (int|integer|long)"),
                    "ongeldige waarde voor $1: '$2' is geen geheel getal"),
            new Rule(Pattern.compile("Invalid value for option '([^']*)': (.*)"), "ongeldige waarde voor $1: $2"),
            new Rule(
                    Pattern.compile("option '([^']*)' \\(([^)]*)\\) should be specified only once"),
                    "optie $1 mag maar één keer ($2)"));

    private UsageMessages() {}

    /**
     * A suggestion for what was probably meant: the subcommand or option of {@code cl} nearest to a word of
     * {@code args} that is neither (at most two letters off).
     */
    static java.util.Optional<String> suggestion(picocli.CommandLine cl, String[] args) {
        java.util.Set<String> options = new java.util.TreeSet<>();
        cl.getCommandSpec().options().forEach(o -> options.addAll(List.of(o.names())));
        java.util.Set<String> commands = cl.getSubcommands().keySet();
        for (String a : args) {
            String word = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (word.startsWith("-") && !options.contains(word)) {
                java.util.Optional<String> near = nearest(word, options);
                if (near.isPresent()) {
                    return near;
                }
            } else if (!commands.isEmpty() && !word.startsWith("-") && !commands.contains(word)) {
                return nearest(word, commands);
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> nearest(String word, java.util.Collection<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String n : names) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** Edit distance, with a swap of two neighbours as one edit ("kro" is one from "kor"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code message} in Dutch when it has a known form; else as picocli wrote it. */
    static String dutch(String message) {
        String m = message == null ? "" : message.strip();
        for (Rule r : RULES) {
            Matcher x = r.english().matcher(m);
            if (x.matches()) {
                StringBuilder sb = new StringBuilder();
                x.appendReplacement(
                        sb,
                        r.dutch()
                                .replace("$2", x.groupCount() >= 2 && x.group(2) == null ? "" : "$2")
                                .replace("$1", x.group(1) == null ? "" : "$1"));
                return sb.toString();
            }
        }
        return m;
    }
}
