package dev.keyward.oauth21.hygiene;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import dev.keyward.oauth21.redirect.RedirectUriRegistration;
import dev.keyward.oauth21.rule.Check;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.OAuthErrors;
import dev.keyward.oauth21.rule.RuleSet;
import dev.keyward.oauth21.rule.Violation;

/**
 * Client hygiene: stored configuration that no request reveals but that widens what a stolen token, a hostile page or
 * a confused client can do, as auditors check it offline. Each check judges a client's settings; the rule set applies
 * it to registrations (what a change adds) and, once enforced, to the client's authorization and token requests, which
 * are then refused with {@code unauthorized_client} until the setting is fixed.
 */
public final class HygieneRules {

    private static final String ANY_ORIGIN = "*";
    private static final String REDIRECT_URIS_ORIGINS = "+";
    private static final String OFFLINE_ACCESS = "offline_access";
    /**
     * One hour. RFC 9700 names no number; an hour admits Keycloak's own default (5 minutes) and the 15 to 60 minutes
     * operators usually choose, and catches the day-long and session-long tokens that make a stolen access token as
     * good as the session itself, where a refresh token is what should carry access on.
     */
    public static final int ACCESS_TOKEN_LIFESPAN_LIMIT = 3600;

    private HygieneRules() {
    }

    /**
     * Web origins are exact origins: {@code *} lets any web page call the token endpoint with the client's codes and
     * refresh tokens and read the answers (CORS), and anything that is not scheme, host and port matches no browser's
     * Origin header, so it only hides what the list really allows.
     */
    public static Optional<Violation> exactWebOrigins(ClientSettings client) {
        List<String> offenders = client.webOrigins().stream().filter(origin -> originProblem(origin).isPresent()).toList();
        if (offenders.isEmpty()) {
            return Optional.empty();
        }
        String first = offenders.get(0);
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA, "web origin '" + first + "' is not allowed: "
                        + originProblem(first).orElseThrow())
                .about(new Violation.Setting(ClientSetting.WEB_ORIGINS.id(), String.join(" ", offenders),
                        "replace each under Settings > Access settings > Web origins by the exact origins (https://app.example.com)"
                                + " of the pages that call Keycloak, or + for those of the redirect URIs", null, true)));
    }

    /**
     * Post-logout redirect URIs follow the redirect URIs' rule (OpenID Connect RP-Initiated Logout 1.0 section 3: the
     * URI must have been registered; RFC 9700 section 4.1): no wildcard, https or loopback http, so logout is no open
     * redirector.
     */
    public static Optional<Violation> exactPostLogoutRedirectUris(ClientSettings client) {
        List<String> offenders = client.postLogoutRedirectUris().stream().filter(uri -> RedirectUriRegistration.problem(uri).isPresent()).toList();
        if (offenders.isEmpty()) {
            return Optional.empty();
        }
        String first = offenders.get(0);
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA, "post-logout redirect URI '" + first + "' is not allowed: "
                        + RedirectUriRegistration.problem(first).orElseThrow())
                .about(new Violation.Setting(ClientSetting.POST_LOGOUT_REDIRECT_URIS.id(), String.join(" ", offenders),
                        "replace each under Settings > Login settings > Valid post logout redirect URIs by the exact URI the"
                                + " application returns to after logout, or + for its redirect URIs", null, true)));
    }

    /**
     * A public client's tokens carry only the roles mapped to its scope (RFC 9700 section 2.3, access token privilege
     * restriction): code and tokens of a public client are the easiest to steal, and with full scope they carry every
     * role the user has, for every application.
     */
    public static Optional<Violation> limitedPublicClientScope(ClientSettings client) {
        if (!client.publicClient() || !client.fullScopeAllowed() || !client.signsUsersIn()) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "a public client's tokens must carry only the roles its scope maps, not every role of the user"
                                + " (RFC 9700 section 2.3)")
                .about(new Violation.Setting(ClientSetting.FULL_SCOPE_ALLOWED.id(), "true",
                        "switch Full scope allowed off under Client scopes > (the client's dedicated scope) > Scope, then assign the"
                                + " roles the application needs", null, true)));
    }

    /**
     * A client that acts as itself (its service account) does not also sign users in: two identities in one client
     * let a token of the one be taken for the other, and one secret then guards both (RFC 9700 section 4.15).
     */
    public static Optional<Violation> separateServiceAccount(ClientSettings client) {
        if (!client.serviceAccounts() || !client.signsUsersIn()) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "a client with a service account must not also sign users in; use one client for each (RFC 9700 section 4.15)")
                .about(new Violation.Setting(ClientSetting.SERVICE_ACCOUNTS.id(), "true",
                        "move the service account to a client of its own, or switch Service accounts roles off under Settings >"
                                + " Capability config", null, true)));
    }

    /**
     * The code flow is on only with somewhere to send the code: without a redirect URI every authorization request
     * is refused anyway, so the switch only widens what the client could be configured into later.
     */
    public static Optional<Violation> codeFlowNeedsRedirectUri(ClientSettings client) {
        if (!client.standardFlow() || !client.redirectUris().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "the standard flow is on but no redirect URI is registered, so no authorization request can succeed")
                .about(new Violation.Setting(ClientSetting.STANDARD_FLOW.id(), "true",
                        "switch Standard flow off under Settings > Capability config, or register the application's redirect URI",
                        "false", true)));
    }

    /**
     * {@code offline_access} is asked for, not given by default (OpenID Connect Core 1.0 section 11: offline access is
     * requested, and consented to, explicitly): as a default scope every sign-in of the client takes an offline token,
     * a refresh token that outlives the user's session and logout (RFC 9700 section 4.14). As an optional scope the
     * application still gets one when it asks.
     */
    public static Optional<Violation> noDefaultOfflineAccess(ClientSettings client) {
        List<String> defaults = client.defaultClientScopes();
        if (!defaults.contains(OFFLINE_ACCESS) || !client.signsUsersIn()) {
            return Optional.empty();
        }
        List<String> kept = defaults.stream().filter(scope -> !scope.equals(OFFLINE_ACCESS)).toList();
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "offline_access is a default client scope, so every sign-in takes a refresh token that outlives the user's"
                                + " session; it must be asked for (OpenID Connect Core 1.0 section 11)")
                .about(new Violation.Setting(ClientSetting.DEFAULT_CLIENT_SCOPES.id(), String.join(" ", defaults),
                        "set offline_access's assigned type to Optional under the client's Client scopes tab", String.join(" ", kept), true)));
    }

    /**
     * An access token lives at most {@link #ACCESS_TOKEN_LIFESPAN_LIMIT} seconds. A bearer token works for whoever holds
     * it until it expires, and a resource server that validates it locally never learns of a logout or revocation
     * (RFC 9700 section 4.10, RFC 6819 section 5.1.5.3: short expiry limits a leaked token's use). The refresh token
     * renews access without the user; a longer access token only lengthens the window of a stolen one.
     */
    public static Optional<Violation> shortLivedAccessTokens(ClientSettings client) {
        OptionalInt lifespan = client.accessTokenLifespan();
        if (!client.obtainsTokens() || lifespan.isEmpty() || lifespan.getAsInt() > 0 && lifespan.getAsInt() <= ACCESS_TOKEN_LIFESPAN_LIMIT) {
            return Optional.empty();
        }
        int seconds = lifespan.getAsInt();
        String lasts = seconds < 0 ? "until the user's session ends" : seconds + " seconds";
        String inherited = client.inheritsAccessTokenLifespan() ? " (the realm's lifespan)" : "";
        String where = client.inheritsAccessTokenLifespan()
                ? "lower Access Token Lifespan under Realm settings > Tokens, or give the client its own under Advanced > Advanced settings,"
                : "lower Access Token Lifespan under the client's Advanced > Advanced settings";
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "access tokens live " + lasts + inherited + ", longer than " + ACCESS_TOKEN_LIFESPAN_LIMIT / 60
                                + " minutes; a stolen one stays usable as long (RFC 9700 section 4.10)")
                .about(new Violation.Setting(ClientSetting.ACCESS_TOKEN_LIFESPAN.id(), seconds + inherited,
                        where + " to at most " + ACCESS_TOKEN_LIFESPAN_LIMIT / 60 + " minutes; the refresh token renews access", null, true)));
    }

    /**
     * A hygiene rule made of one check of the client's configuration ({@link RuleSet.Builder.Definition#configuration}),
     * reporting, not refusing, until a mode is set for the rule itself.
     */
    public static Consumer<RuleSet.Builder.Definition> rule(Check<ClientSettings> check) {
        return rule -> rule.configuration(check).blanketModeAtMost(Mode.REPORT);
    }

    /** Why a web origin is not one a browser sends, or empty: {@code +}, or scheme://host[:port] over https or loopback http. */
    static Optional<String> originProblem(String origin) {
        if (REDIRECT_URIS_ORIGINS.equals(origin)) {
            return Optional.empty();
        }
        if (ANY_ORIGIN.equals(origin)) {
            return Optional.of("* lets any web page use the client's codes and tokens from a browser; list the exact origins");
        }
        if (origin.indexOf('*') >= 0) {
            return Optional.of("wildcards are not origins; list each exact origin");
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return Optional.of("it is not an origin like https://app.example.com");
        }
        boolean bare = uri.getHost() != null && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!bare || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            return Optional.of("an origin is a scheme, a host and an optional port, like https://app.example.com, without a path");
        }
        return Optional.empty();
    }
}
