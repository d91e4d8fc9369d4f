package dev.keyward.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs on CI, so at least keep docker/ in step with the build: the Keycloak
 * version lives only in pom.xml, and the image takes it as a build argument.
 */
class DockerfileTest {

    private static final String KEYCLOAK_VERSION = System.getProperty("keycloak.version");

    private final Path docker = Path.of(System.getProperty("repo.root"), "docker");

    @Test
    void noFileInDockerRepeatsTheKeycloakVersion() throws Exception {
        try (Stream<Path> files = Files.list(docker)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain(KEYCLOAK_VERSION)
                        .doesNotContainPattern("keycloak/keycloak:[0-9]");
            }
        }
    }

    @Test
    void theDockerfileTakesTheKeycloakVersionAsABuildArgumentWithoutADefault() throws Exception {
        List<String> lines = Files.readAllLines(docker.resolve("Dockerfile"));

        assertThat(lines).filteredOn(line -> line.startsWith("ARG KEYCLOAK_VERSION")).isNotEmpty().containsOnly("ARG KEYCLOAK_VERSION");
        assertThat(lines).filteredOn(line -> line.startsWith("FROM quay.io/keycloak/keycloak"))
                .isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}"));
        assertThat(String.join("\n", lines)).as("the build refuses a version other than the pom's")
                .contains("RUN test \"$KEYCLOAK_VERSION\" = \"$(bash docker/keycloak-version.sh)\"");
    }

    @Test
    void composePassesTheVersionOnAndRefusesToRunWithoutIt() throws Exception {
        assertThat(Files.readString(docker.resolve("compose.yaml")))
                .contains("KEYCLOAK_VERSION: \"${KEYCLOAK_VERSION:?");
    }

    @Test
    void theVersionHelperPrintsThePomsVersion() throws Exception {
        Process process = new ProcessBuilder("bash", docker.resolve("keycloak-version.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(printed).isEqualTo(KEYCLOAK_VERSION);
    }

    @Test
    void installsKeywardWithTheInstallRoutine() throws Exception {
        assertThat(Files.readString(docker.resolve("Dockerfile")))
                .contains("RUN bash /tmp/keyward/install-keyward.sh /opt/keycloak");
    }
}
