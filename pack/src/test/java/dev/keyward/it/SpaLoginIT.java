package dev.keyward.it;

import java.net.URI;

import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The end-to-end SPA login against the harness's real Keycloak distribution. */
@ExtendWith(KeycloakExtension.class)
class SpaLoginIT extends SpaLoginContract {

    private URI keycloak;

    @BeforeEach
    void connect(KeycloakServer server) {
        keycloak = server.baseUrl();
    }

    @Override
    URI keycloak() {
        return keycloak;
    }
}
