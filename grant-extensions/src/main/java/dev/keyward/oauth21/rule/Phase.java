package dev.keyward.oauth21.rule;

import java.util.function.Function;

/**
 * A moment at which rules judge, typed by what they see then. A check is registered for one
 * phase; the adapter asks for each phase's findings when Keycloak reaches that moment. Where the
 * subject names its client, the rules of a stricter {@link Profile} judge it only for clients of
 * that profile.
 */
public final class Phase<S> {

    /** Before anything is sent to the redirect URI: failures are shown on an error page, never redirected. */
    public static final Phase<AuthorizationRequest> REDIRECT = new Phase<>("redirect", AuthorizationRequest::client);
    /** An authorization request whose redirect URI is trusted: failures go back to the client. */
    public static final Phase<AuthorizationRequest> AUTHORIZATION = new Phase<>("authorization", AuthorizationRequest::client);
    /** An authorization request at the pushed authorization request endpoint (RFC 9126), with its parameters as pushed. */
    public static final Phase<AuthorizationRequest> PUSH = new Phase<>("push", AuthorizationRequest::client);
    /** A client assertion (private_key_jwt) at the PAR and token endpoints. */
    public static final Phase<ClientAssertion> CLIENT_AUTHENTICATION = new Phase<>("client-authentication", ClientAssertion::client);
    /** A token request (code redemption, password grant, client credentials). */
    public static final Phase<TokenRequest> TOKEN = new Phase<>("token", TokenRequest::client);
    /** A refresh token presented at the token endpoint. */
    public static final Phase<RefreshRequest> REFRESH = new Phase<>("refresh", null);
    /** A client's configuration at registration and update (a ratchet), and in full in compliance reports. */
    public static final Phase<ClientRegistration> REGISTRATION = new Phase<>("registration", ClientRegistration::proposed);
    /**
     * A client making an authorization or token request, as stored: configuration rules refuse it here once they are
     * enforced for it. Their unenforced findings are the compliance report's, not recorded again on every request.
     */
    public static final Phase<ClientSettings> CLIENT_REQUEST = new Phase<>("client-request", Function.identity());
    /** A stored client as the compliance report sees it: what its requests will meet once the rules enforce. */
    public static final Phase<ClientSettings> CONFIGURATION = new Phase<>("configuration", Function.identity());

    private final String name;
    private final Function<S, ClientSettings> client;

    private Phase(String name, Function<S, ClientSettings> client) {
        this.name = name;
        this.client = client;
    }

    /** Whether the subjects of this phase name their client, so that rules of a stricter profile can judge them. */
    public boolean namesClient() {
        return client != null;
    }

    /** The client the subject is about; only for a phase that {@link #namesClient names} it. */
    public ClientSettings client(S subject) {
        return client.apply(subject);
    }

    @Override
    public String toString() {
        return name;
    }
}
