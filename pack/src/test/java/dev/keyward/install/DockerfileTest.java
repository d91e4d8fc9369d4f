package dev.keyward.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** No Docker engine runs on CI, so at least keep docker/ in step with the build. */
class DockerfileTest {

    private final Path docker = Path.of(System.getProperty("repo.root"), "docker");

    @Test
    void buildsOnTheKeycloakVersionOfThePom() throws Exception {
        assertThat(Files.readString(docker.resolve("Dockerfile")))
                .contains("ARG KEYCLOAK_VERSION=" + System.getProperty("keycloak.version") + "\n");
    }

    @Test
    void installsKeywardWithTheInstallRoutine() throws Exception {
        assertThat(Files.readString(docker.resolve("Dockerfile")))
                .contains("RUN bash /tmp/keyward/install-keyward.sh /opt/keycloak");
    }
}
