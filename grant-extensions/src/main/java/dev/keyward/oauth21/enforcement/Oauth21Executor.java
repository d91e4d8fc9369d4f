package dev.keyward.oauth21.enforcement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.OAuth2Constants;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.protocol.oidc.par.clientpolicy.context.PushedAuthorizationRequestContext;
import org.keycloak.representations.RefreshToken;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.DynamicClientRegisterContext;
import org.keycloak.services.clientpolicy.context.DynamicClientUpdateContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.ResourceOwnerPasswordCredentialsContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshContext;
import org.keycloak.services.clientpolicy.context.TokenRequestContext;
import org.keycloak.util.TokenUtil;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import dev.keyward.oauth21.baseline.AuthorizationRequest;
import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.baseline.ClientSettings;
import dev.keyward.oauth21.baseline.Finding;
import dev.keyward.oauth21.baseline.Mode;
import dev.keyward.oauth21.baseline.OAuthErrors;
import dev.keyward.oauth21.baseline.RuleId;
import dev.keyward.oauth21.baseline.TokenRequest;
import dev.keyward.oauth21.redirect.RedirectUriRegistration;
import dev.keyward.oauth21.refresh.RefreshTokenRules;

/**
 * Runs the OAuth 2.1 baseline on Keycloak's client-policy events. It translates each event
 * into a request description, asks {@link Baseline} for findings, and applies each finding's
 * mode: record it, and in enforce mode reject with the finding's OAuth error.
 */
public class Oauth21Executor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private static final String SEEN_CHALLENGE_KEY_PREFIX = "keyward-pkce-challenge:";
    private static final String USED_REFRESH_TOKEN_KEY_PREFIX = "keyward-used-refresh-token:";

    private final KeycloakSession session;
    private final RuleModes modes;
    private final Baseline baseline = Baseline.oauth21();

    Oauth21Executor(KeycloakSession session, RuleModes modes) {
        this.session = session;
        this.modes = modes;
    }

    @Override
    public String getProviderId() {
        return Oauth21ExecutorFactory.PROVIDER_ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        RealmModel realm = session.getContext().getRealm();
        switch (context.getEvent()) {
            case PRE_AUTHORIZATION_REQUEST -> preAuthorization(realm, (PreAuthorizationRequestContext) context);
            case AUTHORIZATION_REQUEST -> {
                AuthorizationRequestContext authorization = (AuthorizationRequestContext) context;
                authorization(realm, authorization.getClient(), authorization.getAuthorizationEndpointRequest(),
                        EventType.LOGIN, !authorization.isParRequest());
            }
            case PUSHED_AUTHORIZATION_REQUEST -> {
                PushedAuthorizationRequestContext par = (PushedAuthorizationRequestContext) context;
                AuthorizationEndpointRequest request = par.getRequest();
                apply(realm, par.getClient().getClientId(), EventType.PUSHED_AUTHORIZATION_REQUEST,
                        baseline.checkRedirect(describe(par.getClient(), request)));
                authorization(realm, par.getClient(), request, EventType.PUSHED_AUTHORIZATION_REQUEST, true);
            }
            case TOKEN_REQUEST -> {
                MultivaluedMap<String, String> params = ((TokenRequestContext) context).getParams();
                ClientModel client = session.getContext().getClient();
                // Keycloak authenticates the client before this event; without one it has already answered.
                if (client != null) {
                    apply(realm, client.getClientId(), EventType.CODE_TO_TOKEN, baseline.checkToken(new TokenRequest(
                            settings(client), params.getFirst(OAuth2Constants.GRANT_TYPE), params.getFirst(OAuth2Constants.CODE_VERIFIER))));
                }
            }
            case RESOURCE_OWNER_PASSWORD_CREDENTIALS_REQUEST -> {
                ClientModel client = ((ResourceOwnerPasswordCredentialsContext) context).getClient();
                apply(realm, client.getClientId(), EventType.LOGIN,
                        baseline.checkToken(new TokenRequest(settings(client), OAuth2Constants.PASSWORD, null)));
            }
            case TOKEN_REFRESH -> refresh(realm, (TokenRefreshContext) context);
            case REGISTER -> registration(realm, context, EventType.CLIENT_REGISTER);
            case UPDATE -> registration(realm, context, EventType.CLIENT_UPDATE);
            default -> {
                // Other events carry nothing the baseline judges.
            }
        }
    }

    /** Before Keycloak matches the redirect URI itself: a failure here is shown on an error page, never redirected. */
    private void preAuthorization(RealmModel realm, PreAuthorizationRequestContext context) throws ClientPolicyException {
        MultivaluedMap<String, String> params = context.getRequestParameters();
        ClientModel client = context.getClientId() == null ? null : realm.getClientByClientId(context.getClientId());
        // Unknown clients get Keycloak's own error; PAR requests were checked when pushed.
        if (client == null || params.containsKey(OIDCLoginProtocol.REQUEST_URI_PARAM)) {
            return;
        }
        apply(realm, client.getClientId(), EventType.LOGIN, baseline.checkRedirect(new AuthorizationRequest(settings(client),
                params.getFirst(OIDCLoginProtocol.RESPONSE_TYPE_PARAM), params.getFirst(OIDCLoginProtocol.REDIRECT_URI_PARAM),
                params.getFirst(OIDCLoginProtocol.CODE_CHALLENGE_PARAM), params.getFirst(OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM))));
    }

    private void authorization(RealmModel realm, ClientModel client, AuthorizationEndpointRequest request, EventType eventType,
                               boolean firstSightOfChallenge) throws ClientPolicyException {
        AuthorizationRequest described = describe(client, request);
        List<Finding> findings = baseline.checkAuthorization(described);
        if (findings.isEmpty() && firstSightOfChallenge && described.codeChallenge() != null) {
            findings = seenChallenge(realm, described.codeChallenge()).map(List::of).orElse(List.of());
        }
        apply(realm, client.getClientId(), eventType, findings);
    }

    /**
     * RFC 9700 §2.1.1: a challenge must not be reused. Remembered in Keycloak's cluster-wide
     * single-use store for as long as a code for it could still be issued and redeemed.
     */
    private Optional<Finding> seenChallenge(RealmModel realm, String challenge) {
        if (modes.modeOf(RuleId.SINGLE_USE_CHALLENGE, realm, null) == Mode.OFF) {
            return Optional.empty();
        }
        long lifespan = (long) realm.getAccessCodeLifespanLogin() + realm.getAccessCodeLifespan();
        String key = SEEN_CHALLENGE_KEY_PREFIX + realm.getId() + ":" + sha256(challenge);
        if (session.singleUseObjects().putIfAbsent(key, lifespan)) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(RuleId.SINGLE_USE_CHALLENGE, OAuthErrors.INVALID_REQUEST,
                "this code_challenge was already used in an earlier authorization request; create a new code_verifier for every request (RFC 9700 section 2.1.1)"));
    }

    /**
     * Remembers every refresh token of a public client in the cluster-wide single-use store until
     * it expires; a second use is refused and, when enforced, revokes the client's session.
     */
    private void refresh(RealmModel realm, TokenRefreshContext context) throws ClientPolicyException {
        ClientModel client = context.getClient();
        String presented = context.getParams().getFirst(OAuth2Constants.REFRESH_TOKEN);
        Mode mode = modes.modeOf(RuleId.REFRESH_TOKEN_ROTATION, realm, client.getClientId());
        // Only a token Keycloak itself signed can mark anything as used or revoke a session.
        RefreshToken token = mode == Mode.OFF || presented == null ? null : session.tokens().decode(presented, RefreshToken.class);
        if (token == null) {
            return;
        }
        boolean dpopBound = token.getConfirmation() != null && token.getConfirmation().getKeyThumbprint() != null;
        if (!RefreshTokenRules.applies(client.isPublicClient(), dpopBound)) {
            return;
        }
        long remaining = token.getExp() == null ? realm.getSsoSessionMaxLifespan() : token.getExp() - Time.currentTime();
        boolean firstUse = session.singleUseObjects().putIfAbsent(USED_REFRESH_TOKEN_KEY_PREFIX + sha256(presented), Math.max(1, remaining));
        Optional<Finding> replay = RefreshTokenRules.oneTimeUse(client.isPublicClient(), dpopBound, firstUse);
        if (replay.isPresent() && mode == Mode.ENFORCE) {
            revokeFamily(realm, client, token);
        }
        apply(realm, client.getClientId(), EventType.REFRESH_TOKEN, replay.map(List::of).orElse(List.of()));
    }

    /** The family of a refresh token: every token of its client in its (online or offline) user session. */
    private void revokeFamily(RealmModel realm, ClientModel client, RefreshToken token) {
        UserSessionModel userSession = TokenUtil.TOKEN_TYPE_OFFLINE.equals(token.getType())
                ? session.sessions().getOfflineUserSession(realm, token.getSessionId())
                : session.sessions().getUserSession(realm, token.getSessionId());
        AuthenticatedClientSessionModel clientSession = userSession == null ? null
                : userSession.getAuthenticatedClientSessionByClient(client.getId());
        if (clientSession != null) {
            TokenManager.detachClientSession(clientSession);
        }
    }

    private void registration(RealmModel realm, ClientPolicyContext event, EventType eventType) throws ClientPolicyException {
        ClientCRUDContext context = (ClientCRUDContext) event;
        ClientRepresentation proposed = context.getProposedClientRepresentation();
        if (proposed == null || (proposed.getProtocol() != null && !OIDCLoginProtocol.LOGIN_PROTOCOL.equals(proposed.getProtocol()))) {
            return;
        }
        String clientId = proposed.getClientId() != null ? proposed.getClientId()
                : context.getTargetClient() != null ? context.getTargetClient().getClientId() : null;
        ClientModel target = context.getTargetClient();
        List<String> redirectUris = RedirectUriRegistration.inForce(
                proposed.getRedirectUris() != null ? proposed.getRedirectUris()
                        : target != null ? List.copyOf(target.getRedirectUris()) : List.of(),
                proposed.getRootUrl() != null ? proposed.getRootUrl() : target != null ? target.getRootUrl() : null);
        try {
            apply(realm, clientId, eventType, baseline.checkClient(
                    new ClientSettings(clientId, Boolean.TRUE.equals(proposed.isPublicClient()), redirectUris)));
        } catch (ClientPolicyException rejection) {
            if (event instanceof DynamicClientRegisterContext || event instanceof DynamicClientUpdateContext) {
                // Keycloak answers dynamic registration policy errors with 403 insufficient_scope and
                // puts only the error code into error_description; carry the full reason there instead.
                throw new ClientPolicyException(rejection.getErrorDetail(), rejection.getErrorDetail());
            }
            throw rejection;
        }
    }

    /** Records every finding whose rule is not off, then rejects with the first enforced one. */
    private void apply(RealmModel realm, String clientId, EventType eventType, List<Finding> findings) throws ClientPolicyException {
        Finding rejection = null;
        for (Finding finding : findings) {
            Mode mode = modes.modeOf(finding.rule(), realm, clientId);
            if (mode == Mode.OFF) {
                continue;
            }
            FindingRecorder.record(session, realm, clientId, eventType, finding, mode);
            if (mode == Mode.ENFORCE && rejection == null) {
                rejection = finding;
            }
        }
        if (rejection != null) {
            throw new ClientPolicyException(rejection.error(), rejection.errorDescription());
        }
    }

    private static AuthorizationRequest describe(ClientModel client, AuthorizationEndpointRequest request) {
        return new AuthorizationRequest(settings(client), request.getResponseType(), request.getRedirectUri(),
                request.getCodeChallenge(), request.getCodeChallengeMethod());
    }

    private static ClientSettings settings(ClientModel client) {
        return new ClientSettings(client.getClientId(), client.isPublicClient(),
                RedirectUriRegistration.inForce(List.copyOf(client.getRedirectUris()), client.getRootUrl()));
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
