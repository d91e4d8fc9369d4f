package dev.keyward.oauth21.rule;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A client assertion (RFC 7523, private_key_jwt) a request authenticates with, as sent: its {@code aud} values, before
 * Keycloak has verified it (the rules read only the audience; Keycloak checks the signature and refuses what fails).
 *
 * @param client        the client it names
 * @param audience      its {@code aud} values
 * @param audienceArray whether {@code aud} was sent as a JSON array, even one of a single value (Keycloak reads a
 *                      one-element array as it reads a string)
 * @param issuer        this realm's issuer identifier, as the request reached it
 */
public record ClientAssertion(ClientSettings client, List<String> audience, boolean audienceArray, String issuer) {

    private static final JsonFactory JSON = new JsonFactory();

    public ClientAssertion {
        audience = List.copyOf(audience);
    }

    /**
     * The assertion whose claims set (a JWT's decoded payload) is {@code claims}, its {@code aud} read as sent: Keycloak's
     * own reader makes no difference between a string and an array of one. IllegalArgumentException when the claims are
     * not a JSON object.
     */
    public static ClientAssertion fromClaims(ClientSettings client, byte[] claims, String issuer) {
        List<String> audience = new ArrayList<>();
        boolean array = false;
        try (JsonParser json = JSON.createParser(claims)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the claims are not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = json.nextToken();
                if (!"aud".equals(json.currentName())) {
                    json.skipChildren();
                } else if (value == JsonToken.START_ARRAY) {
                    array = true;
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        audience.add(json.getText());
                        json.skipChildren();
                    }
                } else if (value != JsonToken.VALUE_NULL) {
                    audience.add(json.getText());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the claims are not JSON: " + e.getMessage(), e);
        }
        return new ClientAssertion(client, audience, array, issuer);
    }
}
