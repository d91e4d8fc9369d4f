package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.keyward.testing.BaselineMode;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CI gate {@code keyward-compliance.sh} as a pipeline runs it, against the real server's compliance report. */
@BaselineMode("enforce")
class ComplianceGateIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/compliance.json");

    private KeycloakServer server;

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
    }

    @Test
    void aRealmWithBreakingClientsFailsTheGateAndNamesThem() throws Exception {
        Run run = gate("--realm", REALM.name());

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout).anyMatch(line -> line.matches("^legacy-wildcard\\s+breaks\\s+breaks\\s+.*"));
        assertThat(run.stdout).anyMatch(line -> line.matches("^compliant-web\\s+compliant\\s+compliant\\s*.*"));
        assertThat(run.stdout.get(run.stdout.size() - 1))
                .matches("^keyward-compliance: realm " + REALM.name() + ": \\d+ of \\d+ clients break: .*legacy-wildcard.*");
    }

    @Test
    void compliantClientsPassTheGate() throws Exception {
        Run run = gate("--realm", REALM.name(), "--client", "compliant-web", "--client", "native-loopback");

        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(run.stdout.get(run.stdout.size() - 1))
                .isEqualTo("keyward-compliance: realm " + REALM.name() + ": no client breaks (2 clients checked)");
    }

    @Test
    void csvPassesTheServersReportThrough() throws Exception {
        Run run = gate("--realm", REALM.name(), "--csv");

        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout.get(0)).isEqualTo("realm,clientId,verdict,verdictWhenEnforced,rule,setting,value,fix,mode,outcome,runtimeCount,lastSeen");
    }

    @Test
    void anUnknownClientIsAUsageErrorAndAnUnknownRealmAnErrorOfItsOwn() throws Exception {
        Run unknownClient = gate("--realm", REALM.name(), "--client", "nope");
        Run unknownRealm = gate("--realm", "no-such-realm");

        assertThat(unknownClient.exit).as(unknownClient.toString()).isEqualTo(2);
        assertThat(String.join("\n", unknownClient.stderr)).contains("has no client nope");
        assertThat(unknownRealm.exit).as(unknownRealm.toString()).isEqualTo(3);
        assertThat(String.join("\n", unknownRealm.stderr)).contains("no realm no-such-realm");
    }

    @Test
    void aWrongPasswordCannotSignIn() throws Exception {
        Run run = gate("KEYWARD_PASSWORD=wrong", "--realm", REALM.name());

        assertThat(run.exit).as(run.toString()).isEqualTo(3);
    }

    /** Runs the script from pack/target with the admin's password in the environment, as a pipeline would. */
    private Run gate(String... arguments) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("keyward.jar")).resolveSibling("keyward-compliance.sh");
        String password = System.getProperty("kc.admin.password");
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "--url", server.baseUrl().toString().replaceAll("/$", ""),
                "--user", System.getProperty("kc.admin.username")));
        for (String argument : arguments) {
            if (argument.startsWith("KEYWARD_PASSWORD=")) {
                password = argument.substring("KEYWARD_PASSWORD=".length());
            } else {
                command.add(argument);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("KEYWARD_"));
        builder.environment().put("KEYWARD_PASSWORD", password);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("keyward-compliance.sh did not finish within 60 s: " + command);
        }
        return new Run(process.exitValue(), lines(process.getInputStream().readAllBytes()), lines(process.getErrorStream().readAllBytes()));
    }

    private static List<String> lines(byte[] output) {
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }

    private record Run(int exit, List<String> stdout, List<String> stderr) {
    }
}
