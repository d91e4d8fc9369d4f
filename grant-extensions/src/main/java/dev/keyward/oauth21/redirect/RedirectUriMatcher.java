package dev.keyward.oauth21.redirect;

import java.util.List;
import java.util.Optional;

/**
 * Exact redirect URI matching (OAuth 2.1 §2.3.1, RFC 9700 §4.1.3): character for character,
 * with no decoding, case folding or other normalisation. The one allowance is RFC 8252 §7.3:
 * a loopback IP URI registered without a port matches the same URI with any port.
 * Nothing here resolves a host name.
 */
public final class RedirectUriMatcher {

    private static final List<String> LOOPBACK_ORIGINS = List.of("http://127.0.0.1", "http://[::1]");
    private static final int MAX_PORT = 65535;

    private RedirectUriMatcher() {
    }

    public static boolean matchesAny(String requested, List<String> registered) {
        for (String candidate : registered) {
            if (matches(requested, candidate)) {
                return true;
            }
        }
        return false;
    }

    public static boolean matches(String requested, String registered) {
        return requested.equals(registered) || matchesLoopbackWithPort(requested, registered);
    }

    /** The registered URI sharing the longest prefix with the requested one, to tell the developer what differed. */
    public static Optional<String> closest(String requested, List<String> registered) {
        String best = null;
        int bestLength = -1;
        for (String candidate : registered) {
            int common = commonPrefixLength(requested, candidate);
            if (common > bestLength) {
                best = candidate;
                bestLength = common;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean matchesLoopbackWithPort(String requested, String registered) {
        for (String origin : LOOPBACK_ORIGINS) {
            if (registered.startsWith(origin) && startsPathOrEnds(registered, origin.length())
                    && requested.startsWith(origin) && requested.length() > origin.length()
                    && requested.charAt(origin.length()) == ':') {
                int portStart = origin.length() + 1;
                int portEnd = portStart;
                while (portEnd < requested.length() && Character.isDigit(requested.charAt(portEnd)) && portEnd - portStart < 5) {
                    portEnd++;
                }
                return isPort(requested.substring(portStart, portEnd))
                        && requested.substring(portEnd).equals(registered.substring(origin.length()));
            }
        }
        return false;
    }

    /** After the registered origin comes the path, the query, or nothing: no port, no userinfo tricks. */
    private static boolean startsPathOrEnds(String uri, int index) {
        return index == uri.length() || uri.charAt(index) == '/' || uri.charAt(index) == '?';
    }

    /** A decimal port 1-65535 without leading zeros, so "080" and "80" never both match. */
    private static boolean isPort(String digits) {
        if (digits.isEmpty() || digits.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Integer.parseInt(digits) <= MAX_PORT;
    }

    private static int commonPrefixLength(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
