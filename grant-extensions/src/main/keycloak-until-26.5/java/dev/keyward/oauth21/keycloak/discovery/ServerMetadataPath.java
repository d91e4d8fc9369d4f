package dev.keyward.oauth21.keycloak.discovery;

import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * Whether Keycloak serves a well-known document under {@code /.well-known/{alias}/realms/{realm}} too
 * (RFC 8414 section 3). Before 26.6 Keycloak decides that by provider id, not by asking the factory.
 */
final class ServerMetadataPath {

    private ServerMetadataPath() {
    }

    static boolean servedFor(WellKnownProviderFactory stock) {
        return false;
    }
}
