package dev.keyward.oauth21.baseline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.keyward.oauth21.fapi2.Fapi2Rules;
import dev.keyward.oauth21.grant.GrantTypeRules;
import dev.keyward.oauth21.hygiene.HygieneRules;
import dev.keyward.oauth21.pkce.PkceRules;
import dev.keyward.oauth21.redirect.RedirectUriRules;
import dev.keyward.oauth21.refresh.RefreshTokenRules;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Metadata;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Phase;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.rule.RuleId;
import dev.keyward.oauth21.rule.RuleSet;

/**
 * The OAuth 2.1 baseline, the client-hygiene rules and the FAPI 2.0 rules (for the clients raised to that profile):
 * every rule Keyward enforces, registered once with its id, the checks
 * it runs in each phase and what it keeps discovery documents from advertising. This is the one
 * place that says which rules exist; options, events, exemptions and docs use these ids.
 */
public final class Baseline {

    /** OAuth 2.1 §4.1.1, RFC 7636: every authorization-code request carries an S256 challenge. */
    public static final RuleId PKCE_REQUIRED = RuleId.of("pkce-required");
    /** RFC 9700 §2.1.1: a code_challenge is never accepted twice. */
    public static final RuleId SINGLE_USE_CHALLENGE = RuleId.of("single-use-challenge");
    /** OAuth 2.1 §2.3.1, RFC 8252 §7: redirect URIs match exactly, loopback on any port. */
    public static final RuleId EXACT_REDIRECT_URI = RuleId.of("exact-redirect-uri");
    /** OAuth 2.1 §10.1: no implicit grant and no hybrid response types. */
    public static final RuleId NO_IMPLICIT_OR_HYBRID = RuleId.of("no-implicit-or-hybrid");
    /** OAuth 2.1 §10.2: no resource owner password credentials grant. */
    public static final RuleId NO_PASSWORD_GRANT = RuleId.of("no-password-grant");
    /** OAuth 2.1 §4.3.1, RFC 9700 §4.14.2: a public client's refresh token is used once; a replay revokes its family. */
    public static final RuleId REFRESH_TOKEN_ROTATION = RuleId.of("refresh-token-rotation");
    /** RFC 8414 §2, OIDC Discovery §3: metadata does not advertise what an enforcing rule forbids. */
    public static final RuleId TRUTHFUL_METADATA = RuleId.of("truthful-metadata");

    /** Client hygiene ({@link HygieneRules}), reporting by default: web origins are exact origins, never {@code *}. */
    public static final RuleId EXACT_WEB_ORIGINS = RuleId.of("exact-web-origins");
    /** OIDC RP-Initiated Logout §3, RFC 9700 §4.1: post-logout redirect URIs as exact as redirect URIs. */
    public static final RuleId EXACT_POST_LOGOUT_REDIRECT_URI = RuleId.of("exact-post-logout-redirect-uri");
    /** RFC 9700 §2.3: a public client's tokens carry the roles of its scope, not all of the user's. */
    public static final RuleId LIMITED_PUBLIC_CLIENT_SCOPE = RuleId.of("limited-public-client-scope");
    /** RFC 9700 §4.15: a client with a service account does not also sign users in. */
    public static final RuleId SEPARATE_SERVICE_ACCOUNT = RuleId.of("separate-service-account");
    /** The standard flow is on only with a redirect URI to send codes to. */
    public static final RuleId CODE_FLOW_NEEDS_REDIRECT_URI = RuleId.of("code-flow-needs-redirect-uri");

    /** OIDC Core §11, RFC 9700 §4.14: offline_access is asked for, never a default client scope. */
    public static final RuleId NO_DEFAULT_OFFLINE_ACCESS = RuleId.of("no-default-offline-access");
    /** RFC 9700 §4.10, RFC 6819 §5.1.5.3: access tokens live at most an hour. */
    public static final RuleId SHORT_LIVED_ACCESS_TOKENS = RuleId.of("short-lived-access-tokens");

    /** FAPI 2.0 SP §5.3.2.2, RFC 9126: only pushed authorization requests. */
    public static final RuleId FAPI2_PUSHED_REQUESTS = RuleId.of("fapi2-pushed-requests");
    /** FAPI 2.0 SP §5.3.2.2: a pushed request names its redirect_uri. */
    public static final RuleId FAPI2_PUSHED_REDIRECT_URI = RuleId.of("fapi2-pushed-redirect-uri");
    /** FAPI 2.0 SP §5.3.2.1: confidential clients only. */
    public static final RuleId FAPI2_CONFIDENTIAL_CLIENT = RuleId.of("fapi2-confidential-client");
    /** FAPI 2.0 SP §5.3.2.1: private_key_jwt (the issuer its assertions' only audience) or mutual TLS. */
    public static final RuleId FAPI2_CLIENT_AUTHENTICATION = RuleId.of("fapi2-client-authentication");
    /** FAPI 2.0 SP §5.3.2.1, RFC 9449: sender-constrained (DPoP-bound) tokens. */
    public static final RuleId FAPI2_SENDER_CONSTRAINED_TOKENS = RuleId.of("fapi2-sender-constrained-tokens");
    /** FAPI 2.0 SP §5.3.2.2, RFC 9207: iss in the authorization response. */
    public static final RuleId FAPI2_ISSUER_IN_RESPONSE = RuleId.of("fapi2-issuer-in-response");
    /** FAPI 2.0 SP §5.3.2.1: authorization codes live at most 60 s. */
    public static final RuleId FAPI2_SHORT_LIVED_CODES = RuleId.of("fapi2-short-lived-codes");
    /** FAPI 2.0 SP §5.3.2.2: request_uri lives under 600 s. */
    public static final RuleId FAPI2_SHORT_LIVED_REQUEST_URIS = RuleId.of("fapi2-short-lived-request-uris");
    /** FAPI 2.0 SP §5.3.2.1: no refresh-token rotation but in extraordinary circumstances. */
    public static final RuleId FAPI2_NO_REFRESH_TOKEN_ROTATION = RuleId.of("fapi2-no-refresh-token-rotation");
    /** FAPI 2.0 SP §5.4.1: PS256, ES256 or EdDSA. */
    public static final RuleId FAPI2_SIGNING_ALGORITHMS = RuleId.of("fapi2-signing-algorithms");

    /** FAPI 2.0 SP §5.4.1: client keys RSA ≥ 2048 bits, elliptic curve ≥ 224 bits. */
    public static final RuleId FAPI2_KEY_SIZES = RuleId.of("fapi2-key-sizes");

    private static final Baseline OAUTH_2_1 = new Baseline(oauth21Rules().build());

    private final RuleSet rules;
    private final Map<RuleId, Mode> blanketCeilings;

    /** A baseline of other rules; Keyward itself runs {@link #oauth21()}. */
    public Baseline(RuleSet rules) {
        this.rules = rules;
        Map<RuleId, Mode> ceilings = new LinkedHashMap<>();
        rules.ids().stream().filter(rule -> rules.blanketCeiling(rule) != Mode.ENFORCE).forEach(rule -> ceilings.put(rule, rules.blanketCeiling(rule)));
        this.blanketCeilings = Collections.unmodifiableMap(ceilings);
    }

    public static Baseline oauth21() {
        return OAUTH_2_1;
    }

    /** The OAuth 2.1 rules, open for more: {@link #oauth21()} is exactly these. */
    public static RuleSet.Builder oauth21Rules() {
        return RuleSet.builder()
                .rule(PKCE_REQUIRED, rule -> rule
                        .check(Phase.AUTHORIZATION, PkceRules::s256ChallengeRequired)
                        .check(Phase.TOKEN, PkceRules::wellFormedVerifier)
                        .check(Phase.REGISTRATION, PkceRules::noPlainMethod)
                        .check(Phase.CONFIGURATION, PkceRules::s256MethodConfigured)
                        .advertises(PkceRules::advertiseS256Only))
                .rule(SINGLE_USE_CHALLENGE, rule -> rule
                        .check(Phase.AUTHORIZATION, PkceRules::singleUseChallenge))
                .rule(EXACT_REDIRECT_URI, rule -> rule
                        .check(Phase.REDIRECT, RedirectUriRules::exactMatch)
                        .check(Phase.REGISTRATION, RedirectUriRules::compliantRegistrations))
                .rule(NO_IMPLICIT_OR_HYBRID, rule -> rule
                        .check(Phase.AUTHORIZATION, GrantTypeRules::codeResponseTypeOnly)
                        .check(Phase.REGISTRATION, GrantTypeRules::implicitFlowOff)
                        .advertises(GrantTypeRules::advertiseCodeFlowOnly))
                .rule(NO_PASSWORD_GRANT, rule -> rule
                        .check(Phase.TOKEN, GrantTypeRules::noPasswordGrant)
                        .check(Phase.REGISTRATION, GrantTypeRules::directAccessGrantsOff)
                        .advertises(GrantTypeRules::advertiseNoPasswordGrant))
                .rule(REFRESH_TOKEN_ROTATION, rule -> rule
                        .check(Phase.REFRESH, RefreshTokenRules::oneTimeUse)
                        .check(Phase.CONFIGURATION, RefreshTokenRules::singleUseForPublicClients))
                // A switch over the other rules' metadata trims; it judges no request itself.
                .rule(TRUTHFUL_METADATA, rule -> {
                })
                .rule(EXACT_WEB_ORIGINS, HygieneRules.rule(HygieneRules::exactWebOrigins))
                .rule(EXACT_POST_LOGOUT_REDIRECT_URI, HygieneRules.rule(HygieneRules::exactPostLogoutRedirectUris))
                .rule(LIMITED_PUBLIC_CLIENT_SCOPE, HygieneRules.rule(HygieneRules::limitedPublicClientScope))
                .rule(SEPARATE_SERVICE_ACCOUNT, HygieneRules.rule(HygieneRules::separateServiceAccount))
                .rule(CODE_FLOW_NEEDS_REDIRECT_URI, HygieneRules.rule(HygieneRules::codeFlowNeedsRedirectUri))
                .rule(NO_DEFAULT_OFFLINE_ACCESS, HygieneRules.rule(HygieneRules::noDefaultOfflineAccess))
                .rule(SHORT_LIVED_ACCESS_TOKENS, HygieneRules.rule(HygieneRules::shortLivedAccessTokens))
                .rule(FAPI2_PUSHED_REQUESTS, rule -> rule.profile(Profile.FAPI2)
                        .check(Phase.AUTHORIZATION, Fapi2Rules::onlyPushedRequests)
                        .registration(Fapi2Rules::pushedRequestsRequired)
                        .advertises(Fapi2Rules::advertisePushedRequestsRequired))
                .rule(FAPI2_PUSHED_REDIRECT_URI, rule -> rule.profile(Profile.FAPI2)
                        .check(Phase.PUSH, Fapi2Rules::redirectUriPushed))
                .rule(FAPI2_CONFIDENTIAL_CLIENT, rule -> rule.profile(Profile.FAPI2)
                        .configuration(Fapi2Rules::confidentialClient))
                .rule(FAPI2_CLIENT_AUTHENTICATION, rule -> rule.profile(Profile.FAPI2)
                        .configuration(Fapi2Rules::keyBasedClientAuthentication)
                        .check(Phase.CLIENT_AUTHENTICATION, Fapi2Rules::issuerAsAssertionAudience)
                        .advertises(Fapi2Rules::advertiseKeyBasedClientAuthentication))
                .rule(FAPI2_SENDER_CONSTRAINED_TOKENS, rule -> rule.profile(Profile.FAPI2)
                        .check(Phase.TOKEN, Fapi2Rules::senderConstrainedRequest)
                        .registration(Fapi2Rules::senderConstrainedConfigured)
                        .advertises(Fapi2Rules::advertiseFapiDpopAlgorithms))
                .rule(FAPI2_ISSUER_IN_RESPONSE, rule -> rule.profile(Profile.FAPI2)
                        .configuration(Fapi2Rules::issuerInResponse))
                .rule(FAPI2_SHORT_LIVED_CODES, rule -> rule.profile(Profile.FAPI2)
                        .configuration(Fapi2Rules::shortLivedCodes))
                .rule(FAPI2_SHORT_LIVED_REQUEST_URIS, rule -> rule.profile(Profile.FAPI2)
                        .configuration(Fapi2Rules::shortLivedRequestUris))
                .rule(FAPI2_NO_REFRESH_TOKEN_ROTATION, rule -> rule.profile(Profile.FAPI2)
                        .configuration(Fapi2Rules::noRefreshTokenRotation))
                .rule(FAPI2_SIGNING_ALGORITHMS, rule -> rule.profile(Profile.FAPI2)
                        .configuration(Fapi2Rules::idTokenSignature)
                        .configuration(Fapi2Rules::accessTokenSignature)
                        .configuration(Fapi2Rules::clientAssertionSignature)
                        .advertises(Fapi2Rules::advertiseFapiSigningAlgorithms))
                .rule(FAPI2_KEY_SIZES, rule -> rule.profile(Profile.FAPI2)
                        .configuration(Fapi2Rules::strongClientKeys))
                // An implicit or hybrid request is refused for its response type before anything a code request needs.
                .judgeFirst(Phase.AUTHORIZATION, NO_IMPLICIT_OR_HYBRID);
    }

    public <S> List<Finding> check(Phase<S> phase, S subject) {
        return rules.check(phase, subject);
    }

    /** Whether any check of the phase judges this client (see {@link RuleSet#judges}): what the adapter need not read otherwise. */
    public boolean judges(Phase<?> phase, ClientSettings client) {
        return rules.judges(phase, client);
    }

    /** A stored client judged in full, as a new registration would be, plus what its requests will meet. */
    public List<Finding> checkStoredClient(ClientSettings client) {
        List<Finding> findings = new ArrayList<>(rules.check(Phase.REGISTRATION, ClientRegistration.judgedInFull(client)));
        findings.addAll(rules.check(Phase.CONFIGURATION, client));
        return findings;
    }

    /**
     * The discovery metadata a client may rely on: trimmed by each enforced rule while truthful-metadata is enforced.
     * A rule of a stricter profile trims only for a realm held to that profile as a whole, so {@code enforced} says
     * whether the rule is enforced for the realm and applies to all of its clients.
     */
    public Metadata advertised(Metadata metadata, Predicate<RuleId> enforced) {
        return enforced.test(TRUTHFUL_METADATA) ? rules.advertised(metadata, enforced) : metadata;
    }

    public List<RuleId> ruleIds() {
        return rules.ids();
    }

    /** The profile whose clients the rule judges (see {@link RuleSet#profile}). */
    public Profile profile(RuleId rule) {
        return rules.profile(rule);
    }

    /** The rules whose blanket mode is capped, with the cap (see {@link RuleSet#blanketCeiling}). */
    public Map<RuleId, Mode> blanketCeilings() {
        return blanketCeilings;
    }

    /** The rule ids for messages: "pkce-required, single-use-challenge, …". */
    public String ruleIdList() {
        return RuleId.list(rules.ids());
    }
}
