package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.keyward.testing.KcShProcess;
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
        Path database = Files.createTempDirectory(Path.of(System.getProperty("kc.log")).getParent(), "kc-import-check");

        String first = kcShImport(kcHome, export, database);
        String second = kcShImport(kcHome, export, database);

        assertThat(first).contains("Realm 'acme' imported");
        assertThat(second).contains("Realm 'acme' already exists. Import skipped");
    }

    private static String kcShImport(Path kcHome, Path export, Path database) throws Exception {
        try (KcShProcess kcSh = KcShProcess.start(kcHome, Files.createTempFile("kc-import", ".log"), Map.of(),
                "import", "--optimized", "--file=" + export, "--override=false",
                "--db-url=jdbc:h2:file:" + database.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--http-management-port=" + freePort())) {
            int status = kcSh.awaitExit(Duration.ofMinutes(3));
            assertThat(status).as("kc.sh import exit status; %s", kcSh.logTail(40)).isZero();
            return kcSh.log();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
