package dev.keyward.oauth21.rule;

/**
 * A moment at which rules judge, typed by what they see then. A check is registered for one
 * phase; the adapter asks for each phase's findings when Keycloak reaches that moment.
 */
public final class Phase<S> {

    /** Before anything is sent to the redirect URI: failures are shown on an error page, never redirected. */
    public static final Phase<AuthorizationRequest> REDIRECT = new Phase<>("redirect");
    /** An authorization request whose redirect URI is trusted: failures go back to the client. */
    public static final Phase<AuthorizationRequest> AUTHORIZATION = new Phase<>("authorization");
    /** A token request (code redemption, password grant, client credentials). */
    public static final Phase<TokenRequest> TOKEN = new Phase<>("token");
    /** A refresh token presented at the token endpoint. */
    public static final Phase<RefreshRequest> REFRESH = new Phase<>("refresh");
    /** A client's configuration at registration and update (a ratchet), and in full in compliance reports. */
    public static final Phase<ClientRegistration> REGISTRATION = new Phase<>("registration");
    /**
     * A client making an authorization or token request, as stored: configuration rules refuse it here once they are
     * enforced for it. Their unenforced findings are the compliance report's, not recorded again on every request.
     */
    public static final Phase<ClientSettings> CLIENT_REQUEST = new Phase<>("client-request");
    /** A stored client as the compliance report sees it: what its requests will meet once the rules enforce. */
    public static final Phase<ClientSettings> CONFIGURATION = new Phase<>("configuration");

    private final String name;

    private Phase(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
