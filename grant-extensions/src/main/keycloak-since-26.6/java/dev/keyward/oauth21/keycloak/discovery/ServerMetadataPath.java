package dev.keyward.oauth21.keycloak.discovery;

import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * Whether Keycloak serves a well-known document under {@code /.well-known/{alias}/realms/{realm}} too
 * (RFC 8414 section 3). From 26.6 each factory says so itself.
 */
final class ServerMetadataPath {

    private ServerMetadataPath() {
    }

    static boolean servedFor(WellKnownProviderFactory stock) {
        return stock != null && stock.isAvailableViaServerMetadata();
    }
}
