package dev.keyward.testing;

import java.net.URI;
import java.util.Optional;

/**
 * The Keycloak the integration tests talk to: a local distribution started for this test JVM,
 * or the server named by {@code -Dkc.url}. Obtain it through {@link KeycloakExtension}.
 */
public final class KeycloakServer implements AutoCloseable {

    private final URI baseUrl;
    private final Optional<LocalKeycloak> local;
    private final AdminClient admin;

    private KeycloakServer(URI baseUrl, Optional<LocalKeycloak> local, HarnessConfig config) {
        this.baseUrl = baseUrl;
        this.local = local;
        this.admin = new AdminClient(baseUrl, config.adminUsername(), config.adminPassword());
    }

    static KeycloakServer startOrConnect() {
        HarnessConfig config = HarnessConfig.fromSystemProperties();
        if (config.externalUrl().isPresent()) {
            System.out.println("[keycloak-it] Using the running Keycloak at " + config.externalUrl().get());
            return new KeycloakServer(config.externalUrl().get(), Optional.empty(), config);
        }
        LocalKeycloak keycloak = LocalKeycloak.start(config);
        return new KeycloakServer(keycloak.baseUrl(), Optional.of(keycloak), config);
    }

    /** For example {@code http://localhost:18080}; never 127.0.0.1, whose login cookies HtmlUnit would not send. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The issuer of a realm, e.g. {@code http://localhost:18080/realms/acme}. */
    public URI issuer(String realm) {
        return URI.create(baseUrl + "/realms/" + realm);
    }

    public AdminClient admin() {
        return admin;
    }

    @Override
    public void close() {
        local.ifPresent(LocalKeycloak::stop);
    }
}
