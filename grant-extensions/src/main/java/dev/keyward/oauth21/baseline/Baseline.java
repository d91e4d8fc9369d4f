package dev.keyward.oauth21.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.keyward.oauth21.grant.GrantTypeRules;
import dev.keyward.oauth21.pkce.PkceRules;
import dev.keyward.oauth21.redirect.RedirectUriRules;

/**
 * The OAuth 2.1 baseline as a pipeline of rules, grouped by the moment they can judge:
 * the same rules serve enforcement, report-only mode and compliance reports of stored clients.
 * Modes and exemptions are applied by the caller, per finding.
 */
public final class Baseline {

    private static final Baseline OAUTH_2_1 = new Baseline(
            List.of(RedirectUriRules::exactMatch),
            List.of(GrantTypeRules::codeResponseTypeOnly, PkceRules::s256ChallengeRequired),
            List.of(GrantTypeRules::noPasswordGrant, PkceRules::wellFormedVerifier),
            List.of(RedirectUriRules::compliantRegistrations));

    private final List<Rule<AuthorizationRequest>> redirectRules;
    private final List<Rule<AuthorizationRequest>> authorizationRules;
    private final List<Rule<TokenRequest>> tokenRules;
    private final List<Rule<ClientSettings>> clientRules;

    private Baseline(List<Rule<AuthorizationRequest>> redirectRules,
                     List<Rule<AuthorizationRequest>> authorizationRules,
                     List<Rule<TokenRequest>> tokenRules,
                     List<Rule<ClientSettings>> clientRules) {
        this.redirectRules = redirectRules;
        this.authorizationRules = authorizationRules;
        this.tokenRules = tokenRules;
        this.clientRules = clientRules;
    }

    public static Baseline oauth21() {
        return OAUTH_2_1;
    }

    /** Checks that must pass before anything is sent to the redirect URI; failures are shown on an error page. */
    public List<Finding> checkRedirect(AuthorizationRequest request) {
        return run(redirectRules, request);
    }

    /** Checks of an authorization request whose redirect URI is trusted; failures go back to the client. */
    public List<Finding> checkAuthorization(AuthorizationRequest request) {
        return run(authorizationRules, request);
    }

    public List<Finding> checkToken(TokenRequest request) {
        return run(tokenRules, request);
    }

    /** Checks of a client's stored configuration: at registration, at update, and in compliance reports. */
    public List<Finding> checkClient(ClientSettings client) {
        return run(clientRules, client);
    }

    private static <S> List<Finding> run(List<Rule<S>> rules, S subject) {
        List<Finding> findings = new ArrayList<>(0);
        for (Rule<S> rule : rules) {
            Optional<Finding> finding = rule.check(subject);
            finding.ifPresent(findings::add);
        }
        return findings;
    }
}
