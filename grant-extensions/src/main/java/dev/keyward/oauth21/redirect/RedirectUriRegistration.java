package dev.keyward.oauth21.redirect;

import java.util.Optional;

/**
 * Which redirect URIs a client may register (OAuth 2.1 §2.3.1 and §8.4, RFC 8252 §7):
 * an absolute https URI; http only on a loopback IP literal; or a private-use scheme in
 * reverse-domain form for native apps. Never a wildcard, a fragment, or a relative URI.
 */
public final class RedirectUriRegistration {

    private RedirectUriRegistration() {
    }

    /** Why this URI may not be registered, or empty when it may. */
    public static Optional<String> problem(String uri) {
        return problem(uri, false);
    }

    /**
     * @param onThisServer the URI lies on the authorization server's own URL: plain http there is the server's own
     *                     transport (a development server's), which the sign-in page already uses, so it adds no exposure
     */
    public static Optional<String> problem(String uri, boolean onThisServer) {
        if (uri == null || uri.isEmpty()) {
            return Optional.of("an empty redirect URI");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return Optional.of("it contains a space or control character");
            }
        }
        if (uri.indexOf('*') >= 0) {
            return Optional.of("wildcards are not allowed; register each complete redirect URI (OAuth 2.1 section 2.3.1)");
        }
        if (uri.indexOf('#') >= 0) {
            return Optional.of("a redirect URI must not contain a fragment (RFC 6749 section 3.1.2)");
        }
        int colon = uri.indexOf(':');
        if (colon <= 0 || !isScheme(uri.substring(0, colon))) {
            return Optional.of("it is not an absolute URI; relative redirect URIs are not allowed");
        }
        String scheme = uri.substring(0, colon);
        String rest = uri.substring(colon + 1);
        switch (scheme) {
            case "https":
                return hasAuthority(rest) ? Optional.empty() : Optional.of("an https URI needs a host");
            case "http":
                return isLoopbackAuthority(rest) || (onThisServer && hasAuthority(rest)) ? Optional.empty()
                        : Optional.of("http is allowed only for loopback redirects to 127.0.0.1 or [::1] (RFC 8252 section 7.3); use https");
            default:
                return isReverseDomain(scheme) && !rest.isEmpty() ? Optional.empty()
                        : Optional.of("the scheme '" + scheme + "' is neither https nor a private-use scheme in reverse-domain form"
                                + " such as com.example.app, followed by a path (RFC 8252 section 7.1)");
        }
    }

    /** Two or more dot-separated, non-empty labels: {@code com.example.app}, not {@code app.} or {@code .app}. */
    private static boolean isReverseDomain(String scheme) {
        String[] labels = scheme.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasAuthority(String rest) {
        return rest.startsWith("//") && rest.length() > 2 && rest.charAt(2) != '/' && rest.charAt(2) != ':';
    }

    private static boolean isLoopbackAuthority(String rest) {
        return startsWithHost(rest, "//127.0.0.1") || startsWithHost(rest, "//[::1]");
    }

    private static boolean startsWithHost(String rest, String host) {
        if (!rest.startsWith(host)) {
            return false;
        }
        if (rest.length() == host.length()) {
            return true;
        }
        char next = rest.charAt(host.length());
        return next == '/' || next == ':' || next == '?';
    }

    /** RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
    private static boolean isScheme(String scheme) {
        if (!Character.isLetter(scheme.charAt(0)) || scheme.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '-' || c == '.';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
