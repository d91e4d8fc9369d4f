package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Classes of the harness's Keycloak distribution that Keyward cannot compile against (its JPA
 * entities, the H2 driver), loaded from the distribution's own libraries, so a test sees exactly
 * the release it runs against.
 */
public final class KeycloakLibraries {

    private KeycloakLibraries() {
    }

    /** A class loader over the library whose file name starts with {@code prefix} (e.g. {@code org.keycloak.keycloak-model-jpa-}). */
    public static ClassLoader library(String prefix) {
        Path libraries = HarnessConfig.fromSystemProperties().keycloakHome().resolve("lib/lib/main");
        try (Stream<Path> jars = Files.list(libraries)) {
            Path jar = jars.filter(file -> file.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No library " + prefix + "* in " + libraries));
            return new URLClassLoader(new URL[] {jar.toUri().toURL()}, KeycloakLibraries.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
