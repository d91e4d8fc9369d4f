package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second Keycloak from the harness's distribution, on spare ports with a database of its own,
 * for tests of startup itself (server options). It never disturbs the server of
 * {@link KeycloakExtension}; its bootstrap admin is the harness's admin user.
 */
public final class SpareKeycloak implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final HarnessConfig config;
    private final int port;
    private final int managementPort;
    private final KcShProcess kcSh;

    private SpareKeycloak(HarnessConfig config, int port, int managementPort, KcShProcess kcSh) {
        this.config = config;
        this.port = port;
        this.managementPort = managementPort;
        this.kcSh = kcSh;
    }

    /** Runs {@code kc.sh start --optimized} on a new database with these extra options; returns without waiting. */
    public static SpareKeycloak start(String... options) {
        return startOn(KcShCommand.scratch("kc-spare-db"), options);
    }

    /** Runs {@code kc.sh start --optimized} on the H2 database in {@code database} (see {@link KcShCommand.Database#h2}). */
    public static SpareKeycloak startOn(Path database, String... options) {
        HarnessConfig config = HarnessConfig.fromSystemProperties();
        Path scratch = config.log().toAbsolutePath().getParent();
        try {
            Files.createDirectories(scratch);
            Path log = Files.createTempFile(scratch, "kc-spare", ".log");
            int port = freePort();
            int managementPort = freePort();
            while (managementPort == port) {
                managementPort = freePort();
            }
            List<String> arguments = new ArrayList<>(List.of("start", "--optimized", "--http-enabled=true", "--http-host=127.0.0.1",
                    "--hostname-strict=false", "--http-port=" + port, "--http-management-port=" + managementPort));
            arguments.addAll(KcShCommand.Database.h2Options(database));
            arguments.addAll(List.of(options));
            return new SpareKeycloak(config, port, managementPort, KcShProcess.start(config.keycloakHome(), log,
                    Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", config.adminUsername(),
                            "KC_BOOTSTRAP_ADMIN_PASSWORD", config.adminPassword()),
                    arguments.toArray(String[]::new)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a spare Keycloak in " + scratch, e);
        }
    }

    /** kc.sh and its output, e.g. for a start that must fail. */
    public KcShProcess process() {
        return kcSh;
    }

    /** Waits until the server is ready (its /health/ready answers 200) and returns its admin REST API. */
    public AdminClient awaitAdmin() {
        kcSh.awaitReady(URI.create("http://localhost:" + managementPort + "/health/ready"), STARTUP_TIMEOUT);
        return new AdminClient(URI.create("http://localhost:" + port), config.adminUsername(), config.adminPassword());
    }

    @Override
    public void close() {
        kcSh.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
