package dev.keyward.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which URLs an admin may enter for one purpose, stated in full: the schemes allowed (empty:
 * any), whether a host is required, whether a fragment may follow, and whether the value must
 * be safe to write into CSS {@code url("…")} and HTML attributes.
 */
public record UrlPolicy(Set<String> schemes, boolean hostRequired, boolean fragmentAllowed, boolean safeInCss) {

    /** A link on a page: absolute http(s) with a host. */
    public static final UrlPolicy WEB_LINK = new UrlPolicy(Set.of("https", "http"), true, true, false);
    /** An image on a login page, which is https in production: absolute https with a host. */
    public static final UrlPolicy HTTPS_IMAGE = new UrlPolicy(Set.of("https"), true, true, false);
    /** RFC 8707 §2: a resource indicator is an absolute URI without a fragment, of any scheme. */
    public static final UrlPolicy RESOURCE_INDICATOR = new UrlPolicy(Set.of(), false, false, false);

    // Characters that would end a CSS url("…") or an HTML attribute.
    private static final Pattern UNSAFE_IN_CSS = Pattern.compile("[\"'()\\\\<>\\s\\p{Cntrl}]");

    public UrlPolicy {
        schemes = Set.copyOf(schemes);
    }

    /** A stylesheet, logo or favicon URL written into CSS: http(s) with a host, https only on an https page. */
    public static UrlPolicy pageResource(boolean httpsPage) {
        return new UrlPolicy(httpsPage ? Set.of("https") : Set.of("https", "http"), true, true, true);
    }

    /** Why {@code value} breaks this policy, in words that complete "'value' …"; empty when it complies. */
    public Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("is empty");
        }
        String text = value.strip();
        if (safeInCss && UNSAFE_IN_CSS.matcher(text).find()) {
            return Optional.of("contains quotes, brackets, spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URI");
        }
        if (!uri.isAbsolute()) {
            return Optional.of("is not an absolute URI");
        }
        if (!schemes.isEmpty() && !schemes.contains(uri.getScheme())) {
            return Optional.of("must use " + (schemes.size() == 1 ? schemes.iterator().next() : "https or http")
                    + ", not " + uri.getScheme());
        }
        if (hostRequired && uri.getHost() == null) {
            return Optional.of("has no host");
        }
        if (!fragmentAllowed && uri.getRawFragment() != null) {
            return Optional.of("has a fragment, which is not allowed here");
        }
        return Optional.empty();
    }

    /** The stripped value when it complies, else empty. */
    public Optional<String> accepted(String value) {
        return problem(value).isEmpty() ? Optional.of(value.strip()) : Optional.empty();
    }
}
