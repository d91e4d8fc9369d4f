package dev.keyward.oauth21.rule;

import java.util.Set;

/**
 * What a client inherits from its realm where it sets nothing of its own, and what the realm sets for all its
 * clients. A value not known is null: a rule that needs it judges nothing.
 *
 * @param profile                the realm's profile, the server's default raised by the realm's own
 * @param notRaised              the clients the realm's profile does not raise (Keycloak's own consoles)
 * @param accessTokenLifespan    seconds an access token lives (Realm settings &gt; Tokens)
 * @param accessCodeLifespan     seconds an authorization code lives (Keycloak's "Client login timeout")
 * @param requestUriLifespan     seconds a pushed request's {@code request_uri} lives (RFC 9126)
 * @param revokeRefreshToken     whether every refresh token is used once (Keycloak's "Revoke refresh token")
 * @param defaultSignatureAlgorithm the algorithm the realm signs tokens with where a client names none
 */
public record RealmSettings(Profile profile, Set<String> notRaised, Integer accessTokenLifespan, Integer accessCodeLifespan,
                            Integer requestUriLifespan, Boolean revokeRefreshToken, String defaultSignatureAlgorithm) {

    /** Not known: a client that inherits a realm setting is judged on its own settings only. */
    public static final RealmSettings UNKNOWN = new RealmSettings(Profile.OAUTH21, Set.of(), null, null, null, null, null);

    public RealmSettings {
        profile = profile == null ? Profile.OAUTH21 : profile;
        notRaised = notRaised == null ? Set.of() : Set.copyOf(notRaised);
    }

    /** The profile the realm holds this client to, before the client's own; null: a client registering, not yet named. */
    public Profile profileOf(String clientId) {
        return clientId != null && notRaised.contains(clientId) ? Profile.OAUTH21 : profile;
    }
}
