package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Keycloak distribution (with Keyward installed by the install routine) run as a child
 * process on loopback, from a fresh database, with the demo realms imported.
 */
final class LocalKeycloak {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;

    private final HarnessConfig config;
    private final Process process;
    private final Thread shutdownHook;

    private LocalKeycloak(HarnessConfig config, Process process) {
        this.config = config;
        this.process = process;
        this.shutdownHook = new Thread(this::stop, "keycloak-it-shutdown");
    }

    static LocalKeycloak start(HarnessConfig config) {
        Path kcSh = config.keycloakHome().resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("No Keycloak at " + config.keycloakHome()
                    + "; run the integration tests with `mvn verify` (the pack module unpacks and installs it)"
                    + " or point them at a running server with -Dkc.url=http://localhost:PORT");
        }
        requirePortFree(config.port(), "kc.port");
        requirePortFree(config.managementPort(), "kc.management.port");
        prepareData(config);

        ProcessBuilder builder = new ProcessBuilder(
                "bash", kcSh.toString(), "start", "--optimized", "--import-realm",
                "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + config.port(),
                "--http-management-port=" + config.managementPort(),
                "--hostname-strict=false")
                .redirectErrorStream(true)
                .redirectOutput(config.log().toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", config.adminUsername());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", config.adminPassword());

        Instant started = Instant.now();
        LocalKeycloak keycloak;
        try {
            keycloak = new LocalKeycloak(config, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + kcSh, e);
        }
        Runtime.getRuntime().addShutdownHook(keycloak.shutdownHook);
        keycloak.awaitReady();
        System.out.printf("[keycloak-it] Keycloak ready on http://localhost:%d after %d ms (log: %s)%n",
                config.port(), Duration.between(started, Instant.now()).toMillis(), config.log());
        return keycloak;
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + config.port());
    }

    /** SIGTERM to kc.sh, which forwards it to Keycloak's JVM; SIGKILL to both after the grace period. */
    void stop() {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(SHUTDOWN_GRACE);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // stop() is running as the hook itself.
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + config.managementPort() + "/health/ready");
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " during startup. " + logTail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP_TIMEOUT.toSeconds() + " s. " + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(config.log());
            return "Last lines of " + config.log() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(could not read " + config.log() + ": " + e.getMessage() + ")";
        }
    }

    private static void requirePortFree(int port, String property) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
