package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The demo realm also imports with {@code kc.sh import}, the offline path operators use.
 * ({@link DemoRealmIT} covers {@code --import-realm} at startup.) It imports into a database
 * of its own, so it never touches the running test server.
 */
class RealmImportIT {

    @Test
    void kcShImportImportsTheDemoRealmAndSkipsItTheSecondTime() throws Exception {
        Path kcHome = Path.of(System.getProperty("kc.home"));
        Path export = Path.of(System.getProperty("realm.exports.dir"), "acme-realm.json");
        Path database = Path.of(System.getProperty("kc.log")).resolveSibling("kc-import-check");
        deleteRecursively(database);

        String first = kcShImport(kcHome, export, database);
        String second = kcShImport(kcHome, export, database);

        assertThat(first).contains("Realm 'acme' imported");
        assertThat(second).contains("Realm 'acme' already exists. Import skipped");
    }

    private static String kcShImport(Path kcHome, Path export, Path database) throws Exception {
        Path log = Files.createTempFile("kc-import", ".log");
        Process process = new ProcessBuilder("bash", kcHome.resolve("bin/kc.sh").toString(), "import", "--optimized",
                "--file=" + export, "--override=false",
                "--db-url=jdbc:h2:file:" + database.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--http-management-port=" + freePort())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("kc.sh import did not finish in 3 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(process.exitValue()).as("kc.sh import exit status; output:\n%s", output).isZero();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
