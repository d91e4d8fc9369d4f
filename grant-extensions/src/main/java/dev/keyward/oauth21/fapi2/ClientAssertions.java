package dev.keyward.oauth21.fapi2;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.keyward.oauth21.rule.ClientAssertion;
import dev.keyward.oauth21.rule.ClientSettings;

/** Client assertions read from their claims, with Jackson's streaming parser (which Keycloak carries), free of Keycloak. */
public final class ClientAssertions {

    private static final JsonFactory JSON = new JsonFactory();

    private ClientAssertions() {
    }

    /**
     * The assertion whose claims set (a JWT's decoded payload) is {@code claims}, its {@code aud} read as sent: Keycloak's
     * own reader makes no difference between a string and an array of one. IllegalArgumentException when the claims are
     * not a JSON object.
     */
    public static ClientAssertion read(ClientSettings client, byte[] claims, String issuer) {
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
