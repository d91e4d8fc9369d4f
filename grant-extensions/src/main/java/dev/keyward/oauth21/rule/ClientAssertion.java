package dev.keyward.oauth21.rule;

import java.util.List;

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

    public ClientAssertion {
        audience = List.copyOf(audience);
    }
}
