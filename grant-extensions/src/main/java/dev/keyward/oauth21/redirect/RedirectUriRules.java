package dev.keyward.oauth21.redirect;

import java.util.List;
import java.util.Optional;

import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSetting;
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
        // The requested URI is what an exact list would have to hold, should the request be legitimate.
        return Optional.of(Violation.of(OAuthErrors.INVALID_REQUEST, "redirect_uri does not exactly match a registered redirect URI" + closest)
                .about(new Violation.Setting(ClientSetting.REDIRECT_URIS.id(), requested, "add this exact URI under Settings > Access settings > Valid redirect URIs"
                        + " if the application really uses it", null, true)));
    }

    /**
     * Every redirect URI a registration adds is one OAuth 2.1 allows; URIs the stored client already
     * had are left to request-time checks (and the compliance report). The offenders are named.
     */
    public static Optional<Violation> compliantRegistrations(ClientRegistration registration) {
        List<String> offenders = registration.proposed().redirectUris().stream()
                .filter(uri -> !registration.keepsRedirectUri(uri))
                .filter(uri -> RedirectUriRegistration.problem(uri, registration.proposed().onThisServer(uri)).isPresent())
                .toList();
        if (offenders.isEmpty()) {
            return Optional.empty();
        }
        String first = offenders.get(0);
        return Optional.of(Violation.of(OAuthErrors.INVALID_REDIRECT_URI,
                        "redirect URI '" + first + "' is not allowed: " + RedirectUriRegistration.problem(first, registration.proposed().onThisServer(first)).orElseThrow())
                .about(new Violation.Setting(ClientSetting.REDIRECT_URIS.id(), String.join(" ", offenders), "replace each under Settings > Access settings >"
                        + " Valid redirect URIs by the exact URIs the application uses (https, or http only on 127.0.0.1 or [::1]);"
                        + " the report lists the URIs seen at runtime", null, true)));
    }
}
