package dev.keyward.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.settings.Problems;

/**
 * The Keycloak the integration tests talk to: a local distribution started for this test JVM,
 * or the server named by {@code -Dkc.url}. Obtain it through {@link KeycloakExtension}.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final String MODE_OPTION = "--spi-client-policy-executor--keyward-oauth21--mode";

    private final URI baseUrl;
    private final URI managementUrl;
    private final Optional<LocalKeycloak> local;
    private final AdminClient admin;
    private final Optional<Path> log;

    private KeycloakServer(URI baseUrl, Optional<LocalKeycloak> local, HarnessConfig config) {
        this.baseUrl = baseUrl;
        this.log = local.isPresent() ? Optional.of(config.log()) : config.externalLog();
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

    /**
     * The server's log: the harness's own server's, or for a running server (-Dkc.url) the file
     * given with -Dkc.url.log. Fails the calling test when there is none, never skips it.
     */
    public Path log() {
        Path file = log.orElseThrow(() -> new AssertionError("This check reads the server's log. The running server of"
                + " -Dkc.url=" + baseUrl + " has none here: give its log file with -Dkc.url.log=PATH"
                + " (the demo's is keycloak.log in its data directory, .demo/ by default)"));
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("No server log at " + file);
        }
        return file;
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

    /** The server's mode of every baseline rule (rule id to off, report or enforce), from Keyward's modes endpoint. */
    public Map<String, String> baselineModes() {
        return admin.baselineModes("master").server();
    }

    /**
     * Fails unless the server runs every rule as the server option {@code mode=<mode>} sets it (the client-hygiene
     * rules at most in report). Each test class that needs a mode calls it, so a server started with a broken mode
     * option fails the build instead of letting the class pass or skip.
     */
    public void assertBaselineMode(String mode) {
        Map<String, String> modes = baselineModes();
        Map<String, String> expected = new LinkedHashMap<>();
        BaselineConfig.read(Map.of(BaselineConfig.MODE, mode), Baseline.oauth21(), new Problems()).effectiveModes()
                .forEach((rule, ruleMode) -> expected.put(rule.id(), ruleMode.id()));
        if (!modes.equals(expected)) {
            throw new AssertionError("These tests need every OAuth 2.1 baseline rule of the server in " + mode + " mode ("
                    + ("enforce".equals(mode) ? "no " + MODE_OPTION + " option: the default" : MODE_OPTION + "=" + mode)
                    + "); the server at " + baseUrl + " runs " + modes + "."
                    + (local.isPresent() ? " Check the kc.start.options of this Failsafe execution in pack/pom.xml."
                            : " Start the running server (-Dkc.url) in that mode, or leave these tests out with -Dit.test."));
        }
    }

    public AdminClient admin() {
        return admin;
    }

    /**
     * The JVM of the harness's own server, for measuring it from outside (heap, threads, open
     * files). Fails the calling test for a running server (-Dkc.url), never skips it.
     */
    public ProcessHandle jvm() {
        return local.flatMap(LocalKeycloak::jvm).orElseThrow(() -> new AssertionError(
                "This check measures the server's JVM, which only the harness's own server (no -Dkc.url) exposes here"));
    }

    @Override
    public void close() {
        local.ifPresent(LocalKeycloak::stop);
    }
}
