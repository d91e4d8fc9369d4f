package dev.keyward.oauth21.rule;

/**
 * A client's configuration as a registration or update would leave it, and as it was stored
 * before ({@code stored} null for a new client). Registration checks are a ratchet: they judge
 * what the change adds, so a client stored before Keyward can still be edited, while a new
 * client must comply in full.
 */
public record ClientRegistration(ClientSettings proposed, ClientSettings stored) {

    /** A new client, or a stored one judged in full (the compliance report). */
    public static ClientRegistration judgedInFull(ClientSettings client) {
        return new ClientRegistration(client, null);
    }

    /** Whether the stored client already had this redirect URI; a new client has none. */
    public boolean keepsRedirectUri(String uri) {
        return stored != null && stored.redirectUris().contains(uri);
    }
}
