package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real kcadm.sh of the distribution still signs in (password grant on master's admin-cli) and works. */
@ExtendWith(KeycloakExtension.class)
class KcadmIT {

    @Test
    void kcadmSignsInAndListsTheDemoRealmsClientsWithTheBaselineEnforced(KeycloakServer server) throws Exception {
        Path config = Files.createTempFile("kcadm", ".config");

        String login = kcadm(config, "config", "credentials", "--server", server.baseUrl().toString(), "--realm", "master",
                "--user", System.getProperty("kc.admin.username", "admin"), "--password", System.getProperty("kc.admin.password", "admin"));
        String clients = kcadm(config, "get", "clients", "-r", "acme", "--fields", "clientId");

        assertThat(login).contains("Logging into " + server.baseUrl());
        assertThat(clients).contains("\"spa\"", "\"native\"");
        assertThat(server.baselineModes()).containsEntry("no-password-grant", "enforce");
    }

    private static String kcadm(Path config, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash",
                Path.of(System.getProperty("kc.home"), "bin", "kcadm.sh").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--config", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("kcadm.sh %s: %s", String.join(" ", arguments), output).isZero();
        return output;
    }
}
