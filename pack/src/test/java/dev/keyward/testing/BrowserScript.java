package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the browser tests in themes/browser-tests/ (Node, playwright-core, Debian's Chromium, axe-core) run against
 * the test server: it gets the server's URL, the master admin, Chromium's path and an output folder, plus what the
 * test adds; its exit code and log are the result. Fails, never skips, when Chromium or the npm packages are missing.
 */
public final class BrowserScript {

    private static final Path REPO = Path.of(System.getProperty("repo.root", ".."));
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

    /** How the script ended: whether within five minutes, its exit code, and everything it printed. */
    public record Run(boolean finished, int exitCode, String log) {

        public void assertPassed(String script) {
            assertThat(finished).as(script + " finished within 5 minutes\n" + log).isTrue();
            assertThat(exitCode).as(log).isZero();
        }
    }

    private BrowserScript() {
    }

    /** Runs {@code themes/browser-tests/SCRIPT} with {@code OUT_DIR=outDir}, logging to {@code outDir}'s sibling {@code LOG}. */
    public static Run run(String script, URI server, Path outDir, String logName, Map<String, String> environment)
            throws IOException, InterruptedException {
        assertThat(REPO.resolve("themes/browser-tests/node_modules/playwright-core")).as("run: npm ci --prefix themes/browser-tests").exists();
        assertThat(CHROMIUM).as("run: apt-get install -y chromium").exists();
        Path log = outDir.resolveSibling(logName);
        ProcessBuilder node = new ProcessBuilder("node", REPO.resolve("themes/browser-tests").resolve(script).toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(Map.of(
                "KEYCLOAK_URL", server.toString().replaceAll("/$", ""),
                "OUT_DIR", outDir.toAbsolutePath().toString(),
                "ADMIN_USER", System.getProperty("kc.admin.username", "admin"),
                "ADMIN_PASSWORD", System.getProperty("kc.admin.password", "admin"),
                "CHROMIUM", CHROMIUM.toString()));
        env.putAll(environment);
        node.environment().putAll(env);
        Files.createDirectories(outDir);
        Process process = node.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        return new Run(finished, finished ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
    }
}
