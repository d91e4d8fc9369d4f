package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bin/kc.sh} run as a child process with its output in a log file. Its process tree is
 * stopped on {@link #close()} and also when the test JVM exits (a failed or interrupted build),
 * so no Keycloak outlives the tests.
 */
public final class KcShProcess implements AutoCloseable {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 60;

    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private KcShProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "kc.sh-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static KcShProcess start(Path keycloakHome, Path log, Map<String, String> environment, String... arguments) {
        Path kcSh = keycloakHome.resolve("bin/kc.sh");
        List<String> command = new ArrayList<>(List.of("bash", kcSh.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new KcShProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + kcSh, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Waits for kc.sh to end by itself; stops it and fails when it takes longer than {@code timeout}. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                throw new IllegalStateException("kc.sh did not finish within " + timeout.toSeconds() + " s. " + logTail(60));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while waiting for kc.sh", e);
        }
        return process.exitValue();
    }

    /**
     * Waits until {@code url} (e.g. the management port's {@code /health/ready}) answers 200. Fails
     * with the log's last lines when Keycloak exits first or the deadline passes; then it is stopped.
     */
    public void awaitReady(URI url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            Eventually.poll(timeout, () -> {
                if (!isAlive()) {
                    throw new IllegalStateException("Keycloak exited with status " + exitValue() + " during startup. " + logTail(LOG_TAIL_LINES));
                }
                return answerOf(http, url);
            }, "200"::equals, last -> new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds() + " s ("
                    + url + ": " + last + "). " + logTail(LOG_TAIL_LINES)));
        } catch (RuntimeException notReady) {
            stop();
            throw notReady;
        }
    }

    /** The status code of a GET, or why there was none. */
    private static String answerOf(HttpClient http, URI url) {
        try {
            return String.valueOf(http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException notYetListening) {
            return "no answer (" + notYetListening.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + url, e);
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return "Last lines of " + log + ":\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Keycloak's JVM, the java process kc.sh started. */
    public Optional<ProcessHandle> jvm() {
        return process.descendants().filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst();
    }

    /** SIGKILL to Keycloak's JVM and kc.sh at once, as when a machine dies: no shutdown, no goodbye to the cluster. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("kc.sh did not die after SIGKILL", e);
        }
    }

    /** SIGTERM to kc.sh (which forwards it to Keycloak's JVM) and its children; SIGKILL after the grace period. */
    public void stop() {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(SHUTDOWN_GRACE);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
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

    @Override
    public void close() {
        stop();
    }
}
