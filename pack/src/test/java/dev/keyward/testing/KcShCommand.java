package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One-off {@code kc.sh} commands of the harness's distribution (import, export) against a database
 * of their own, beside the running test server.
 */
public final class KcShCommand {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private KcShCommand() {
    }

    /** A fresh directory next to the server's log for a test's files and databases. */
    public static Path scratch(String prefix) {
        try {
            Path parent = HarnessConfig.fromSystemProperties().log().toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm exports the demo imports. */
    public static Path realmExports() {
        return HarnessConfig.fromSystemProperties().realmExports();
    }

    /** Runs the command to its end; fails with the log's tail unless it exits 0. */
    public static void run(Path log, String... arguments) {
        Instant started = Instant.now();
        try (KcShProcess command = KcShProcess.start(HarnessConfig.fromSystemProperties().keycloakHome(), log, Map.of(), arguments)) {
            int exit = command.awaitExit(TIMEOUT);
            if (exit != 0) {
                throw new AssertionError("kc.sh " + String.join(" ", arguments) + " exited " + exit + " after "
                        + Duration.between(started, Instant.now()).toSeconds() + " s; " + log + ":\n" + command.logTail(30));
            }
        }
    }
}
