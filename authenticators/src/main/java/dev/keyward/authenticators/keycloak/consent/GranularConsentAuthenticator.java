package dev.keyward.authenticators.keycloak.consent;

import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.TokenUtil;

import dev.keyward.authenticators.consent.ConsentConfig;
import dev.keyward.authenticators.consent.ConsentDecision;
import dev.keyward.authenticators.consent.ConsentPlan;
import dev.keyward.authenticators.consent.RememberedConsent;
import dev.keyward.authenticators.consent.RequestedScope;
import dev.keyward.authenticators.keycloak.flow.AfterSignInStep;
import dev.keyward.authenticators.keycloak.flow.ClientAnswer;
import dev.keyward.authenticators.keycloak.flow.ClientNames;
import dev.keyward.authenticators.keycloak.flow.StoredSettings;
import dev.keyward.settings.UrlPolicy;

/**
 * Shows the requested scopes, lets the user untick optional ones, stores the answer in
 * Keycloak's consent store and narrows the request to what was granted. Decisions live in
 * {@link ConsentPlan} and {@link ConsentDecision}; this class only talks to Keycloak.
 */
public class GranularConsentAuthenticator extends AfterSignInStep {

    static final String TEMPLATE = "keyward-consent.ftl";
    static final String DETAIL_GRANTED = "keyward_granted_scopes";
    static final String DETAIL_DENIED = "keyward_denied_scopes";
    // When the screen was shown, so the answer is judged against the same memory the user saw.
    private static final String SHOWN_AT_NOTE = "keyward.consent.shown-at";
    // Keycloak cannot check these settings on save; a bad one is logged at each login and asks more.
    private static final StoredSettings<ConsentConfig> SETTINGS =
            new StoredSettings<>("consent step", "the choice that asks more", ConsentConfig::read);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        ConsentConfig config = config(context);
        if (!config.appliesTo(context.getAuthenticationSession().getClient().isConsentRequired())) {
            context.success();
            return;
        }
        long now = Time.currentTimeMillis();
        RequestScopes scopes = RequestScopes.of(context);
        ConsentPlan plan = scopes.plan(config, Instant.ofEpochMilli(now));
        if (!plan.needsAnswer()) {
            context.success();
            return;
        }
        context.getAuthenticationSession().setAuthNote(SHOWN_AT_NOTE, Long.toString(now));
        context.challenge(page(context, scopes, plan));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String shownAt = authSession.getAuthNote(SHOWN_AT_NOTE);
        if (shownAt == null) {
            // A post without a screen shown first (replayed or forged): start over.
            authenticate(context);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        RequestScopes scopes = RequestScopes.of(context);
        ConsentPlan plan = scopes.plan(config(context), Instant.ofEpochMilli(Long.parseLong(shownAt)));
        authSession.removeAuthNote(SHOWN_AT_NOTE);

        if (form.containsKey("deny")) {
            context.getEvent().clone().event(EventType.GRANT_CONSENT_ERROR)
                    .detail(DETAIL_GRANTED, "")
                    .detail(DETAIL_DENIED, plan.ask().stream().map(RequestedScope::name).collect(Collectors.joining(" ")))
                    .error(Errors.REJECTED_BY_USER);
            ClientAnswer.accessDenied(context);
            return;
        }

        List<String> ticked = form.get("scope");
        ConsentDecision decision = plan.decide(ticked == null ? Set.of() : Set.copyOf(ticked));
        boolean updated = scopes.remember(decision);
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, decision.narrow(authSession.getClientNote(OIDCLoginProtocol.SCOPE_PARAM)));
        AuthenticationManager.setClientScopesInSession(context.getSession(), authSession);
        // prompt=consent has been honoured here; Keycloak's own screen must not ask a second time.
        authSession.setClientNote(OIDCLoginProtocol.PROMPT_PARAM, withoutConsentPrompt(authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM)));

        context.getEvent().clone().event(updated ? EventType.UPDATE_CONSENT : EventType.GRANT_CONSENT)
                .detail(DETAIL_GRANTED, String.join(" ", decision.granted()))
                .detail(DETAIL_DENIED, String.join(" ", decision.denied()))
                .success();
        context.success();
    }

    private static ConsentConfig config(AuthenticationFlowContext context) {
        return SETTINGS.read(context.getRealm(), context.getAuthenticatorConfig());
    }

    private static Response page(AuthenticationFlowContext context, RequestScopes scopes, ConsentPlan plan) {
        ClientModel client = context.getAuthenticationSession().getClient();
        List<Map<String, Object>> ask = new ArrayList<>();
        for (RequestedScope scope : plan.ask()) {
            ask.add(Map.of("name", scope.name(), "text", scopes.consentText(scope.name()), "required", scope.required()));
        }
        List<String> alreadyAllowed = plan.alreadyAllowed().stream().map(scopes::consentText).toList();
        var form = context.form()
                .setAttribute("keywardClientName", ClientNames.displayName(client))
                .setAttribute("keywardScopes", ask)
                .setAttribute("keywardAlreadyAllowed", alreadyAllowed);
        // Admin-entered URLs: nothing that could run script; the logo is https only, like the login page.
        UrlPolicy.HTTPS_IMAGE.accepted(client.getAttribute("logoUri")).ifPresent(url -> form.setAttribute("keywardClientLogo", url));
        UrlPolicy.WEB_LINK.accepted(client.getAttribute("policyUri")).ifPresent(url -> form.setAttribute("keywardPolicyUrl", url));
        UrlPolicy.WEB_LINK.accepted(client.getAttribute("tosUri")).ifPresent(url -> form.setAttribute("keywardTermsUrl", url));
        return form.createForm(TEMPLATE);
    }

    static String withoutConsentPrompt(String prompt) {
        if (prompt == null || !TokenUtil.hasPrompt(prompt, OIDCLoginProtocol.PROMPT_VALUE_CONSENT)) {
            return prompt;
        }
        String rest = Arrays.stream(prompt.split(" "))
                .filter(p -> !p.isEmpty() && !p.equals(OIDCLoginProtocol.PROMPT_VALUE_CONSENT))
                .collect(Collectors.joining(" "));
        return rest.isEmpty() ? null : rest;
    }

    /** The request's client scopes keyed the way the plan names them, and the user's stored consent. */
    private record RequestScopes(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client,
                                 Map<String, ClientScopeModel> byKey, List<RequestedScope> requested,
                                 UserConsentModel stored, boolean promptConsent) {

        static RequestScopes of(AuthenticationFlowContext context) {
            AuthenticationSessionModel authSession = context.getAuthenticationSession();
            ClientModel client = authSession.getClient();
            RealmModel realm = context.getRealm();
            Set<String> defaults = client.getClientScopes(true).keySet();
            Map<String, ClientScopeModel> byKey = new LinkedHashMap<>();
            List<RequestedScope> requested = new ArrayList<>();
            // Keycloak fills the session's client scopes only after the flow; ask it what this request's scope parameter means.
            TokenManager.getRequestedClientScopes(context.getSession(), authSession.getClientNote(OIDCLoginProtocol.SCOPE_PARAM), client, context.getUser())
                    .forEach(scope -> {
                        // The client itself is among them, for its own consent text.
                        String key = key(scope);
                        byKey.put(key, scope);
                        requested.add(new RequestedScope(key, scope instanceof ClientModel || defaults.contains(scope.getName()), scope.isDisplayOnConsentScreen()));
                    });
            UserConsentModel stored = ConsentStore.read(context.getSession(), realm, context.getUser(), client);
            if (stored != null) {
                stored.getGrantedClientScopes().forEach(scope -> byKey.putIfAbsent(key(scope), scope));
            }
            boolean promptConsent = TokenUtil.hasPrompt(authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM), OIDCLoginProtocol.PROMPT_VALUE_CONSENT);
            return new RequestScopes(context.getSession(), realm, context.getUser(), client, byKey, requested, stored, promptConsent);
        }

        /** Names a scope; the client itself gets a key no scope name can have (scope tokens hold no spaces). */
        static String key(ClientScopeModel scope) {
            return scope instanceof ClientModel c ? "client " + c.getClientId() : scope.getName();
        }

        ConsentPlan plan(ConsentConfig config, Instant now) {
            RememberedConsent remembered = stored == null ? null : new RememberedConsent(
                    stored.getGrantedClientScopes().stream().map(RequestScopes::key).collect(Collectors.toSet()),
                    Instant.ofEpochMilli(Objects.requireNonNullElse(stored.getLastUpdatedDate(), stored.getCreatedDate())));
            return ConsentPlan.of(requested, remembered, config, promptConsent, now);
        }

        String consentText(String key) {
            ClientScopeModel scope = byKey.get(key);
            String text = scope.getConsentScreenText();
            if (text != null && !text.isBlank()) {
                return text;
            }
            return scope instanceof ClientModel c ? ClientNames.displayName(c) : scope.getName();
        }

        /** Writes the decision to Keycloak's consent store; true when it replaced an earlier consent. */
        boolean remember(ConsentDecision decision) {
            UserConsentModel consent = new UserConsentModel(client);
            for (String key : decision.toRemember()) {
                ClientScopeModel scope = byKey.get(key);
                if (scope != null) {
                    consent.addGrantedClientScope(scope);
                }
            }
            return ConsentStore.write(session, realm, user, consent);
        }
    }
}
