package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL (Debian's package) for the cluster tests: its own database cluster under
 * target/, on a loopback port of its own (TCP only), with a {@code keycloak} database; stopped on close.
 * {@code initdb} refuses to run as root, so as root it runs as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String DATABASE = "keycloak";
    private static final String USER = "keycloak";
    private static final String PASSWORD = "keycloak-cluster-test";

    private final Path bin;
    private final Path data;
    private final int port;
    private final Thread shutdownHook;

    private PostgresServer(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.shutdownHook = new Thread(this::stop, "postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static PostgresServer start(Path directory, int port) {
        Path bin = binaries();
        Path data = directory.resolve("pgdata");
        try {
            deleteRecursively(directory);
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", directory.toString()));
            }
            run(asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8"));
            PostgresServer server = new PostgresServer(bin, data, port);
            run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", directory.resolve("postgres.log").toString(),
                    // TCP on loopback only: no Unix socket, whose path (at most 107 bytes) a deep checkout would exceed.
                    "-o", "-p " + port + " -k '' -c listen_addresses=127.0.0.1", "-w", "start"));
            server.psql("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            server.psql("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare PostgreSQL in " + directory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The options that point a Keycloak built with {@code --db=postgres} at this database. */
    public List<String> keycloakOptions() {
        return List.of("--db-url=" + jdbcUrl(), "--db-username=" + USER, "--db-password=" + PASSWORD);
    }

    public void psql(String sql) {
        run(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1",
                "-c", sql));
    }

    public void stop() {
        try {
            run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        } catch (RuntimeException alreadyStopped) {
            // Nothing to stop.
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // close() runs during shutdown.
        }
    }

    /** Debian's versioned directory, e.g. /usr/lib/postgresql/15/bin. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (var versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL under " + root + "; apt-get install -y postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL under " + root + "; apt-get install -y postgresql", e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asPostgres(String... command) {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + command, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
