package dev.keyward.oauth21.rule;

import java.util.List;

/**
 * What the rules need of a client's stored configuration.
 *
 * @param redirectUris       as in force (joined to the root URL where relative)
 * @param pkceMethod         Keycloak's "PKCE Method" setting ({@code S256}, {@code plain}), null when not set
 * @param standardFlow       whether the authorization code flow is on
 * @param implicitFlow       whether the implicit flow is on
 * @param directAccessGrants whether the password grant ("Direct access grants") is on
 */
public record ClientSettings(String clientId, boolean publicClient, List<String> redirectUris,
                             String pkceMethod, boolean standardFlow, boolean implicitFlow, boolean directAccessGrants) {

    public ClientSettings {
        redirectUris = List.copyOf(redirectUris);
    }

    /** A code-flow client as far as request checks care: its type and redirect URIs. */
    public ClientSettings(String clientId, boolean publicClient, List<String> redirectUris) {
        this(clientId, publicClient, redirectUris, null, true, false, false);
    }
}
