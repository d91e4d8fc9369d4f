package dev.keyward.authenticators.support;

import java.net.URI;
import java.net.URISyntaxException;

/** Which admin-entered URLs a page may show: nothing that could run script or mix content. */
public final class WebLinks {

    private WebLinks() {
    }

    /** An absolute http(s) URL for a link, else null. */
    public static String linkOrNull(String url) {
        URI uri = parse(url);
        return uri != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) ? uri.toString() : null;
    }

    /** An absolute https URL for an image on a login page (which is https in production), else null. */
    public static String imageOrNull(String url) {
        URI uri = parse(url);
        return uri != null && "https".equals(uri.getScheme()) ? uri.toString() : null;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            return uri.isAbsolute() && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
