package dev.keyward.oauth21.rule;

/**
 * This server's own URLs, for a root URL of {@code ${authBaseUrl}} or {@code ${authAdminUrl}}: Keycloak's placeholders
 * for the URL clients reach it at and its admin URL, as it resolves them for the request being judged.
 *
 * @param base  what {@code ${authBaseUrl}} stands for, e.g. {@code https://sso.example.com/}
 * @param admin what {@code ${authAdminUrl}} stands for
 */
public record ServerUrls(String base, String admin) {

    public static final String BASE_PLACEHOLDER = "${authBaseUrl}";
    public static final String ADMIN_PLACEHOLDER = "${authAdminUrl}";
    /** Not known: placeholders stay as stored (and such redirect URIs are judged as the relative URIs they then are). */
    public static final ServerUrls UNKNOWN = new ServerUrls(null, null);

    /** Whether a root URL stands for this server, so that judging its client needs the server's URLs. */
    public static boolean standsForServer(String rootUrl) {
        return rootUrl != null && (rootUrl.startsWith(BASE_PLACEHOLDER) || rootUrl.startsWith(ADMIN_PLACEHOLDER));
    }

    /** The root URL with a leading placeholder replaced by this server's URL, or null when it has none (or it is unknown). */
    String resolve(String rootUrl) {
        if (rootUrl.startsWith(BASE_PLACEHOLDER) && base != null) {
            return base + rootUrl.substring(BASE_PLACEHOLDER.length());
        }
        if (rootUrl.startsWith(ADMIN_PLACEHOLDER) && admin != null) {
            return admin + rootUrl.substring(ADMIN_PLACEHOLDER.length());
        }
        return null;
    }
}
