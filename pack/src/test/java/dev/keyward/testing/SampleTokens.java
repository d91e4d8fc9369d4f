package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Writes decoded token claims of the demo realm to {@code target/sample-tokens/NAME.json}, where
 * the README's sample tokens come from, so they can be refreshed from a real server.
 */
public final class SampleTokens {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Path DIRECTORY = Path.of("target", "sample-tokens");

    private SampleTokens() {
    }

    public static void save(String name, JWTClaimsSet claims) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(name + ".json"), JSON.writeValueAsString(claims.toJSONObject()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
