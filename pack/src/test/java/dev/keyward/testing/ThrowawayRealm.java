package dev.keyward.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A realm created from a JSON file on the test classpath for one test class, under a unique
 * name, and deleted after it. Register with
 * {@code @RegisterExtension static ThrowawayRealm realm = ThrowawayRealm.from("/realms/x.json");}
 */
public final class ThrowawayRealm implements BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String resource;
    private KeycloakServer server;
    private String name;

    private ThrowawayRealm(String resource) {
        this.resource = resource;
    }

    public static ThrowawayRealm from(String classpathResource) {
        return new ThrowawayRealm(classpathResource);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = KeycloakExtension.server(context);
        ObjectNode realm = read(resource);
        name = realm.path("realm").asText("test") + "-" + UUID.randomUUID().toString().substring(0, 8);
        realm.put("realm", name);
        server.admin().createRealm(realm);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (name != null) {
            server.admin().deleteRealm(name);
        }
    }

    public String name() {
        return name;
    }

    public URI issuer() {
        return server.issuer(name);
    }

    /** A realm file of the test classpath, to create elsewhere (the cluster tests' nodes). */
    public static ObjectNode read(String resource) {
        try (InputStream in = ThrowawayRealm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No realm file " + resource + " on the test classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
