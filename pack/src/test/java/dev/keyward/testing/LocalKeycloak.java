package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Keycloak distribution (with Keyward installed by the install routine) run as a child
 * process on loopback, from a fresh database, with the demo realms imported.
 */
final class LocalKeycloak {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final HarnessConfig config;
    private final KcShProcess kcSh;
    private final Optional<PostgresServer> postgres;

    private LocalKeycloak(HarnessConfig config, KcShProcess kcSh, Optional<PostgresServer> postgres) {
        this.config = config;
        this.kcSh = kcSh;
        this.postgres = postgres;
    }

    Optional<ProcessHandle> jvm() {
        return kcSh.jvm();
    }

    static LocalKeycloak start(HarnessConfig config) {
        if (!Files.isRegularFile(config.keycloakHome().resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + config.keycloakHome()
                    + "; run the integration tests with `mvn verify` (the pack module unpacks and installs it)"
                    + " or point them at a running server with -Dkc.url=http://localhost:PORT");
        }
        requirePortFree(config.port(), "kc.port");
        requirePortFree(config.managementPort(), "kc.management.port");
        prepareData(config);

        List<String> arguments = new ArrayList<>(List.of("start", "--optimized", "--import-realm",
                "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + config.port(),
                "--http-management-port=" + config.managementPort(),
                "--hostname-strict=false"));
        Optional<PostgresServer> postgres = config.postgresPort()
                .map(port -> PostgresServer.start(config.log().toAbsolutePath().getParent().resolve("postgres"), port));
        postgres.ifPresent(database -> {
            arguments.addAll(database.keycloakOptions());
            arguments.add("--cache-embedded-network-bind-address=127.0.0.1");
        });
        arguments.addAll(config.startOptions());
        Instant started = Instant.now();
        LocalKeycloak keycloak;
        try {
            keycloak = new LocalKeycloak(config, KcShProcess.start(config.keycloakHome(), config.log(),
                    Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", config.adminUsername(),
                            "KC_BOOTSTRAP_ADMIN_PASSWORD", config.adminPassword()),
                    arguments.toArray(String[]::new)), postgres);
        } catch (RuntimeException e) {
            postgres.ifPresent(PostgresServer::close);
            throw e;
        }
        keycloak.awaitReady();
        System.out.printf("[keycloak-it] Keycloak ready on http://localhost:%d after %d ms (%s, options: %s, log: %s)%n",
                config.port(), Duration.between(started, Instant.now()).toMillis(), postgres.isPresent() ? "PostgreSQL" : "H2",
                config.startOptions(), config.log());
        return keycloak;
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + config.port());
    }

    void stop() {
        kcSh.stop();
        postgres.ifPresent(PostgresServer::close);
    }

    private void awaitReady() {
        kcSh.awaitReady(URI.create("http://localhost:" + config.managementPort() + "/health/ready"), STARTUP_TIMEOUT);
    }

    private static void requirePortFree(int port, String property) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like Keycloak's own listener: connections in TIME_WAIT from an earlier run do not count as busy.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + property + ") is already in use on 127.0.0.1."
                    + " Stop what listens there, choose another port with -D" + property + "=N,"
                    + " or test a running server with -Dkc.url=http://localhost:PORT");
        }
    }

    /** Every run starts from an empty database and imports the current realm exports. */
    private static void prepareData(HarnessConfig config) {
        Path data = config.keycloakHome().resolve("data");
        Path importDir = data.resolve("import");
        try {
            deleteRecursively(data.resolve("h2"));
            deleteRecursively(importDir);
            Files.createDirectories(importDir);
            try (Stream<Path> exports = Files.list(config.realmExports())) {
                for (Path export : exports.filter(p -> p.toString().endsWith(".json")).toList()) {
                    Files.copy(export, importDir.resolve(export.getFileName()));
                }
            }
            Files.createDirectories(config.log().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + data, e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
