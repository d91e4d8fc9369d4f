package dev.keyward.oauth21.redirect;

import java.util.Optional;

import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.OAuthErrors;
import dev.keyward.oauth21.rule.Violation;

/** The exact-redirect-uri rule, on requests and on registrations. */
public final class RedirectUriRules {

    private RedirectUriRules() {
    }

    /** OAuth 2.1 §4.1.1: the requested redirect_uri equals a registered one (loopback: any port). */
    public static Optional<Violation> exactMatch(AuthorizationRequest request) {
        String requested = request.redirectUri();
        // Without redirect_uri, Keycloak uses the client's only registered URI, which registration checks.
        if (requested == null) {
            return Optional.empty();
        }
        if (RedirectUriMatcher.matchesAny(requested, request.client().redirectUris())) {
            return Optional.empty();
        }
        String closest = RedirectUriMatcher.closest(requested, request.client().redirectUris())
                .map(uri -> "; the closest registered URI is " + uri)
                .orElse("; the client has no registered redirect URIs");
        return Optional.of(Violation.of(OAuthErrors.INVALID_REQUEST,
                "redirect_uri does not exactly match a registered redirect URI" + closest));
    }

    /** Every registered redirect URI is one OAuth 2.1 allows; the first offender is named. */
    public static Optional<Violation> compliantRegistrations(ClientSettings client) {
        for (String uri : client.redirectUris()) {
            Optional<String> problem = RedirectUriRegistration.problem(uri);
            if (problem.isPresent()) {
                return Optional.of(Violation.of(OAuthErrors.INVALID_REDIRECT_URI,
                        "redirect URI '" + uri + "' is not allowed: " + problem.get()));
            }
        }
        return Optional.empty();
    }
}
