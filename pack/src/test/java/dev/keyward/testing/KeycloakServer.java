package dev.keyward.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;

/**
 * The Keycloak the integration tests talk to: a local distribution started for this test JVM,
 * or the server named by {@code -Dkc.url}. Obtain it through {@link KeycloakExtension}.
 */
public final class KeycloakServer implements AutoCloseable {

    private final URI baseUrl;
    private final URI managementUrl;
    private final Optional<LocalKeycloak> local;
    private final AdminClient admin;
    private final Path log;

    private KeycloakServer(URI baseUrl, Optional<LocalKeycloak> local, HarnessConfig config) {
        this.baseUrl = baseUrl;
        this.log = config.log();
        this.managementUrl = config.managementUrl();
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

    /** The server's log, when the harness started the server itself (not with -Dkc.url). */
    public Optional<Path> log() {
        return local.isPresent() ? Optional.of(log) : Optional.empty();
    }

    /** For example {@code http://localhost:18080}; never 127.0.0.1, whose login cookies HtmlUnit would not send. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The issuer of a realm, e.g. {@code http://localhost:18080/realms/acme}. */
    public URI issuer(String realm) {
        return URI.create(baseUrl + "/realms/" + realm);
    }

    /** The management interface (health, metrics), e.g. {@code http://localhost:19000}. */
    public URI managementUrl() {
        return managementUrl;
    }

    /** The modes the server's OAuth 2.1 baseline runs with, from the server info page: rule id to mode. */
    public Map<String, String> baselineModes() {
        Map<String, String> modes = new TreeMap<>();
        admin.get("serverinfo").path("providers").path("client-policy-executor").path("providers")
                .path("keyward-oauth21").path("operationalInfo").fields()
                .forEachRemaining(entry -> modes.put(entry.getKey().replaceFirst("^rule-", ""), entry.getValue().asText()));
        return modes;
    }

    /** Skips the calling test class unless every rule of the baseline runs in this mode (only with -Dkc.url can it not). */
    public void assumeBaselineMode(String mode) {
        Map<String, String> modes = baselineModes();
        Assumptions.assumeTrue(modes.values().stream().allMatch(mode::equals),
                "needs a server whose OAuth 2.1 baseline is in " + mode + " mode; its modes are " + modes);
    }

    /** Fails unless every rule of the baseline runs in this mode: for flows that must hold under the enforced baseline. */
    public void assertBaselineMode(String mode) {
        Map<String, String> modes = baselineModes();
        if (modes.isEmpty() || !modes.values().stream().allMatch(mode::equals)) {
            throw new AssertionError("This test must run with every OAuth 2.1 baseline rule in " + mode + " mode; the server runs " + modes);
        }
    }

    public AdminClient admin() {
        return admin;
    }

    @Override
    public void close() {
        local.ifPresent(LocalKeycloak::stop);
    }
}
