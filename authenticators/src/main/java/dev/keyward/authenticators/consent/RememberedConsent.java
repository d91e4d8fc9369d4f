package dev.keyward.authenticators.consent;

import java.time.Instant;
import java.util.Set;

/**
 * What the user has already allowed a client, from Keycloak's consent store.
 *
 * @param scopes      names of the granted client scopes
 * @param confirmedAt when the user last confirmed the consent (Keycloak's "last updated" date)
 */
public record RememberedConsent(Set<String> scopes, Instant confirmedAt) {

    public RememberedConsent {
        scopes = Set.copyOf(scopes);
    }
}
