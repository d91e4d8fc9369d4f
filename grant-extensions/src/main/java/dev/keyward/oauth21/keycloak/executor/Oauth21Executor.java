package dev.keyward.oauth21.keycloak.executor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.OAuth2Constants;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.par.clientpolicy.context.PushedAuthorizationRequestContext;
import org.keycloak.representations.RefreshToken;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.DynamicClientRegisterContext;
import org.keycloak.services.clientpolicy.context.DynamicClientUpdateContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;
import org.keycloak.services.clientpolicy.context.TokenRefreshResponseContext;
import org.keycloak.services.clientpolicy.context.TokenRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.keycloak.modes.RuleModes;
import dev.keyward.oauth21.modes.ModePolicy;
import dev.keyward.oauth21.refresh.RefreshTokenRules;
import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.OAuthErrors;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.rule.Phase;
import dev.keyward.oauth21.rule.RefreshRequest;
import dev.keyward.oauth21.rule.SingleUseLedger;
import dev.keyward.oauth21.rule.TokenRequest;
import dev.keyward.oauth21.rule.Verdict;
import dev.keyward.oauth21.rule.Violation;

/**
 * Runs the OAuth 2.1 baseline on Keycloak's client-policy events: translates each event into a
 * request record, learns what stateful rules need from the single-use ledger, asks the
 * {@link Baseline} for findings, records them, and refuses with the first enforced one.
 */
public class Oauth21Executor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    /** The events {@link #executeOnEvent} judges; Keycloak's other client-policy events carry nothing the baseline checks. */
    private static final Set<ClientPolicyEvent> JUDGED_EVENTS = EnumSet.of(ClientPolicyEvent.PRE_AUTHORIZATION_REQUEST,
            ClientPolicyEvent.AUTHORIZATION_REQUEST, ClientPolicyEvent.PUSHED_AUTHORIZATION_REQUEST, ClientPolicyEvent.TOKEN_REQUEST,
            ClientPolicyEvent.RESOURCE_OWNER_PASSWORD_CREDENTIALS_REQUEST, ClientPolicyEvent.TOKEN_REFRESH_RESPONSE,
            ClientPolicyEvent.REGISTER, ClientPolicyEvent.UPDATE);

    private static final String SEEN_CHALLENGE = "pkce-challenge:";
    private static final String USED_REFRESH_TOKEN = "used-refresh-token";

    private final KeycloakSession session;
    private final RuleModes modes;
    private final Baseline baseline;
    private final SingleUseLedger ledger;

    Oauth21Executor(KeycloakSession session, RuleModes modes, Baseline baseline) {
        this.session = session;
        this.modes = modes;
        this.baseline = baseline;
        this.ledger = new KeycloakSingleUseLedger(session);
    }

    @Override
    public String getProviderId() {
        return Oauth21ExecutorFactory.PROVIDER_ID;
    }

    /** Whether the baseline judges this event: Keyward's global client policy asks before Keycloak builds its executors. */
    public static boolean judges(ClientPolicyContext context) {
        return JUDGED_EVENTS.contains(context.getEvent());
    }

    /**
     * The client comes from the session context, where Keycloak puts the client it looked up or
     * authenticated before any policy runs; the contexts' own {@code getClient()} exists only from 26.6.
     */
    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        RealmModel realm = session.getContext().getRealm();
        switch (context.getEvent()) {
            case PRE_AUTHORIZATION_REQUEST -> preAuthorization(realm, (PreAuthorizationRequestContext) context);
            case AUTHORIZATION_REQUEST -> {
                AuthorizationRequestContext authorization = (AuthorizationRequestContext) context;
                // A pushed request's challenge was spent when it was pushed.
                authorization(realm, KeycloakRequests.authorization(session, session.getContext().getClient(), modes.realmSettings(realm),
                        authorization.getAuthorizationEndpointRequest(), authorization.isParRequest()), EventType.LOGIN, !authorization.isParRequest());
            }
            case PUSHED_AUTHORIZATION_REQUEST -> {
                PushedAuthorizationRequestContext par = (PushedAuthorizationRequestContext) context;
                ClientModel client = session.getContext().getClient();
                AuthorizationRequest pushed = KeycloakRequests.authorization(session, client, modes.realmSettings(realm), par.getRequest(), true);
                List<Finding> findings = new ArrayList<>(baseline.check(Phase.REDIRECT, pushed));
                findings.addAll(baseline.check(Phase.PUSH, pushed));
                findings.addAll(clientAuthentication(pushed.client(), par.getRequestParameters()));
                judge(realm, client.getClientId(), EventType.PUSHED_AUTHORIZATION_REQUEST, findings);
                authorization(realm, pushed, EventType.PUSHED_AUTHORIZATION_REQUEST, true);
            }
            case TOKEN_REQUEST -> {
                ClientModel client = session.getContext().getClient();
                // Keycloak authenticates the client before this event; without one it has already answered.
                if (client != null) {
                    MultivaluedMap<String, String> params = ((TokenRequestContext) context).getParams();
                    TokenRequest request = KeycloakRequests.token(session, client, modes.realmSettings(realm),
                            params.getFirst(OAuth2Constants.GRANT_TYPE), params.getFirst(OAuth2Constants.CODE_VERIFIER));
                    judge(realm, client.getClientId(), EventType.CODE_TO_TOKEN, clientAuthentication(request.client(), params));
                    token(realm, client, EventType.CODE_TO_TOKEN, request);
                }
            }
            case RESOURCE_OWNER_PASSWORD_CREDENTIALS_REQUEST -> {
                ClientModel client = session.getContext().getClient();
                token(realm, client, EventType.LOGIN, KeycloakRequests.token(session, client, modes.realmSettings(realm), OAuth2Constants.PASSWORD, null));
            }
            case TOKEN_REFRESH_RESPONSE -> refreshed(realm, (TokenRefreshResponseContext) context);
            case REGISTER -> registration(realm, context, EventType.CLIENT_REGISTER);
            case UPDATE -> registration(realm, context, EventType.CLIENT_UPDATE);
            default -> {
                // Not in JUDGED_EVENTS.
            }
        }
    }

    /** Before Keycloak matches the redirect URI itself: a failure here is shown on an error page, never redirected. */
    private void preAuthorization(RealmModel realm, PreAuthorizationRequestContext context) throws ClientPolicyException {
        ClientModel client = context.getClientId() == null ? null : realm.getClientByClientId(context.getClientId());
        // Unknown clients get Keycloak's own error; PAR requests were checked when pushed.
        if (client == null || context.getRequestParameters().containsKey(OIDCLoginProtocol.REQUEST_URI_PARAM)) {
            return;
        }
        AuthorizationRequest request = KeycloakRequests.authorization(session, client, modes.realmSettings(realm), context.getRequestParameters());
        judge(realm, client.getClientId(), EventType.LOGIN, baseline.check(Phase.REDIRECT, request));
    }

    private void authorization(RealmModel realm, AuthorizationRequest request, EventType eventType, boolean challengeIsNew)
            throws ClientPolicyException {
        List<Finding> findings = baseline.check(Phase.AUTHORIZATION, request);
        // Only a request that passes the other checks spends its challenge, for as long as a code for it could be redeemed.
        if (findings.isEmpty() && challengeIsNew && request.codeChallenge() != null
                && modes.modeOf(Baseline.SINGLE_USE_CHALLENGE, realm, null) != Mode.OFF) {
            long lifespan = (long) realm.getAccessCodeLifespanLogin() + realm.getAccessCodeLifespan();
            boolean firstSeen = ledger.firstSight(SEEN_CHALLENGE + realm.getId(), request.codeChallenge(), lifespan);
            findings = baseline.check(Phase.AUTHORIZATION, request.withChallengeFirstSeen(firstSeen));
        }
        String clientId = request.client().clientId();
        judge(realm, clientId, eventType, withEnforcedConfiguration(realm, clientId, request.client(), findings));
    }

    /**
     * The findings on the client assertion a request authenticates with; the assertion is decoded only for a client whose
     * profile has a rule on it (FAPI 2.0), not on every private_key_jwt request.
     */
    private List<Finding> clientAuthentication(ClientSettings client, MultivaluedMap<String, String> form) {
        if (!baseline.judges(Phase.CLIENT_AUTHENTICATION, client)) {
            return List.of();
        }
        return KeycloakRequests.clientAssertion(session, client, form).map(assertion -> baseline.check(Phase.CLIENT_AUTHENTICATION, assertion))
                .orElse(List.of());
    }

    private void token(RealmModel realm, ClientModel client, EventType eventType, TokenRequest request) throws ClientPolicyException {
        judge(realm, client.getClientId(), eventType,
                withEnforcedConfiguration(realm, client.getClientId(), request.client(), baseline.check(Phase.TOKEN, request)));
    }

    /**
     * The client's own configuration first, where a rule that judges it is enforced for this client, then the request's
     * findings: the configuration's other findings are the compliance report's, not recorded again on every request.
     */
    private List<Finding> withEnforcedConfiguration(RealmModel realm, String clientId, ClientSettings client, List<Finding> requestFindings) {
        List<Finding> enforced = baseline.check(Phase.CLIENT_REQUEST, client).stream()
                .filter(finding -> modes.modeOf(finding.rule(), realm, clientId) == Mode.ENFORCE).toList();
        if (enforced.isEmpty()) {
            return requestFindings;
        }
        List<Finding> all = new ArrayList<>(enforced);
        all.addAll(requestFindings);
        return all;
    }

    /**
     * After Keycloak has verified the presented refresh token (signature, session, client) and built
     * the new tokens, before it answers: the token is not decoded a second time, and only a refresh
     * Keycloak would grant marks a token as used. The new refresh token carries the presented one's
     * session, type and DPoP binding, and expires no earlier, so it serves for the family and for how
     * long the used token must be remembered.
     */
    private void refreshed(RealmModel realm, TokenRefreshResponseContext context) throws ClientPolicyException {
        ClientModel client = session.getContext().getClient();
        String presented = context.getParams().getFirst(OAuth2Constants.REFRESH_TOKEN);
        RefreshToken issued = context.getAccessTokenResponseBuilder().getRefreshToken();
        if (client == null || presented == null || issued == null
                || modes.modeOf(Baseline.REFRESH_TOKEN_ROTATION, realm, client.getClientId()) == Mode.OFF) {
            return;
        }
        RefreshRequest request = new RefreshRequest(client.isPublicClient(), TokenFamilies.dpopBound(issued), null);
        if (RefreshTokenRules.applies(request)) {
            long remaining = issued.getExp() == null ? realm.getSsoSessionMaxLifespan() : issued.getExp() - Time.currentTime();
            request = request.withFirstUse(ledger.firstSight(USED_REFRESH_TOKEN, presented, remaining));
        }
        judge(realm, client.getClientId(), EventType.REFRESH_TOKEN, baseline.check(Phase.REFRESH, request),
                effect -> TokenFamilies.revoke(session, realm, client, issued));
    }

    /**
     * A ratchet: refuses only what the change adds. Violations the stored client already had are
     * kept, recorded as such, listed by the compliance report and still enforced at request time.
     */
    private void registration(RealmModel realm, ClientPolicyContext event, EventType eventType) throws ClientPolicyException {
        ClientRegistration registration = KeycloakRequests.registration(session, (ClientCRUDContext) event, modes.realmSettings(realm)).orElse(null);
        if (registration == null) {
            return;
        }
        String clientId = registration.proposed().clientId();
        Object profile = registration.proposed().value(ClientSetting.PROFILE);
        if (profile != null && !((String) profile).isBlank() && Profile.parse((String) profile).isEmpty()) {
            throw new ClientPolicyException(OAuthErrors.INVALID_CLIENT_METADATA, ModePolicy.PROFILE_ATTRIBUTE + " is '" + profile
                    + "' but must be one of " + String.join(", ", Profile.ids()));
        }
        List<Finding> added = baseline.check(Phase.REGISTRATION, registration);
        if (registration.stored() != null) {
            baseline.check(Phase.REGISTRATION, ClientRegistration.judgedInFull(registration.proposed())).stream()
                    .filter(finding -> added.stream().map(Finding::rule).noneMatch(finding.rule()::equals))
                    .filter(finding -> modes.modeOf(finding.rule(), realm, clientId) != Mode.OFF)
                    .forEach(kept -> FindingRecorder.recordKept(session, realm, clientId, kept));
        }
        try {
            judge(realm, clientId, eventType, added);
        } catch (ClientPolicyException rejection) {
            if (event instanceof DynamicClientRegisterContext || event instanceof DynamicClientUpdateContext) {
                // Keycloak answers dynamic registration policy errors with 403 insufficient_scope and
                // puts only the error code into error_description; carry the full reason there instead.
                throw new ClientPolicyException(rejection.getErrorDetail(), rejection.getErrorDetail());
            }
            throw rejection;
        }
    }

    private void judge(RealmModel realm, String clientId, EventType eventType, List<Finding> findings) throws ClientPolicyException {
        judge(realm, clientId, eventType, findings, effect -> {
            // Only refresh findings have effects.
        });
    }

    /** Records every finding whose rule is not off, carries out the enforced effects, then refuses with the first enforced finding. */
    private void judge(RealmModel realm, String clientId, EventType eventType, List<Finding> findings,
                       Consumer<Violation.Effect> effects) throws ClientPolicyException {
        if (findings.isEmpty()) {
            return;
        }
        Verdict verdict = Verdict.of(findings, rule -> modes.modeOf(rule, realm, clientId));
        verdict.recorded().forEach(judged -> FindingRecorder.record(session, realm, clientId, eventType, judged));
        verdict.effects().forEach(effects);
        if (verdict.refusal().isPresent()) {
            Finding refusal = verdict.refusal().get();
            throw new ClientPolicyException(refusal.error(), refusal.errorDescription());
        }
    }
}
