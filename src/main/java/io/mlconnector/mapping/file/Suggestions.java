package io.mlconnector.mapping.file;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for misspelt keys and values: the closest candidate within a small edit distance. */
final class Suggestions {
    private Suggestions() {}

    static Optional<String> closest(String input, Collection<String> candidates) {
        String wanted = normalise(input);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wanted, normalise(candidate));
            if (distance <= allowedDistance(input, candidate) && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " Did you mean 'x'?" or nothing, ready to append to a message. */
    static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(s -> " Did you mean '" + s + "'?").orElse("");
    }

    /**
     * Short words tolerate one slip, longer ones up to three ("hash" is close enough to "hashed"); beyond that a
     * suggestion is more noise than help.
     */
    private static int allowedDistance(String input, String candidate) {
        return Math.max(1, Math.min(3, Math.max(input.length(), candidate.length()) / 3));
    }

    /** Case, '-' versus '_' and surrounding spaces are the commonest slips; they count as no difference. */
    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
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
}
