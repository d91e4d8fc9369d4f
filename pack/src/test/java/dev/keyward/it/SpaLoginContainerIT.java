package dev.keyward.it;

import java.io.File;
import java.net.URI;
import java.util.List;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same end-to-end SPA login in the official Keycloak container, for developers with Docker.
 * It skips itself where no Docker engine runs (as on Keyward's CI machines). The container
 * takes the freshly built JAR through Testcontainers' provider mechanism; the install routine
 * itself is exercised by the distribution harness and by docker/Dockerfile.
 */
@Testcontainers(disabledWithoutDocker = true)
class SpaLoginContainerIT extends SpaLoginContract {

    @Container
    static final KeycloakContainer KEYCLOAK = new KeycloakContainer("quay.io/keycloak/keycloak:" + System.getProperty("keycloak.version"))
            .withProviderLibsFrom(List.of(new File(System.getProperty("keyward.jar"))))
            .withRealmImportFile("/acme-realm.json");

    @Override
    URI keycloak() {
        return URI.create(KEYCLOAK.getAuthServerUrl().replaceAll("/+$", ""));
    }
}
