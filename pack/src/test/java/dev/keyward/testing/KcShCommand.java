package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** A distribution and the database its commands use. */
    public record Database(Path keycloakHome, List<String> options) {

        static final String H2_USER = "keyward";
        static final String H2_PASSWORD = "keyward-test";

        /** The harness's H2 build with a database file of its own in {@code directory}. */
        public static Database h2(Path directory) {
            return new Database(Path.of(System.getProperty("kc.home")), h2Options(directory));
        }

        /**
         * The database options of an H2 database file in {@code directory}, in the mode Keycloak's dev-file database uses,
         * with credentials of the harness's own so a test can also open the file directly ({@link H2Database}).
         */
        public static List<String> h2Options(Path directory) {
            return List.of("--db-url=" + h2JdbcUrl(directory), "--db-username=" + H2_USER, "--db-password=" + H2_PASSWORD);
        }

        static String h2JdbcUrl(Path directory) {
            return "jdbc:h2:file:" + directory.resolve("db") + ";NON_KEYWORDS=VALUE";
        }

        /** The harness's PostgreSQL build against {@code server}. */
        public static Database postgres(PostgresServer server) {
            return new Database(Path.of(System.getProperty("kc.pg.home")), server.keycloakOptions());
        }
    }

    /**
     * Runs {@code kc.sh <command> --optimized <database options> <arguments>} to its end and returns its log;
     * fails with the log's tail unless it exits 0.
     */
    public static String run(Database database, Path log, String command, String... arguments) {
        List<String> line = new ArrayList<>(List.of(command, "--optimized"));
        line.addAll(database.options());
        line.addAll(List.of(arguments));
        Instant started = Instant.now();
        try (KcShProcess kcSh = KcShProcess.start(database.keycloakHome(), log, Map.of(), line.toArray(String[]::new))) {
            int exit = kcSh.awaitExit(TIMEOUT);
            if (exit != 0) {
                throw new AssertionError("kc.sh " + String.join(" ", line) + " exited " + exit + " after "
                        + Duration.between(started, Instant.now()).toSeconds() + " s; " + log + ":\n" + kcSh.logTail(30));
            }
            return kcSh.log();
        }
    }
}
