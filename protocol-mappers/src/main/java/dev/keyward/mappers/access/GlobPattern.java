package dev.keyward.mappers.access;

/**
 * A shell-style pattern: {@code *} matches any run of characters, {@code ?} one character,
 * everything else itself. Matched without regular expressions, so a hostile pattern cannot
 * make a token request slow (no backtracking blow-up).
 */
public record GlobPattern(String pattern) {

    public boolean matches(String text) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            // A star is a wildcard first: taken as the literal '*' of a text, it would lose its place to backtrack to.
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
