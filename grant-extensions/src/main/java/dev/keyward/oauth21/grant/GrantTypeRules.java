package dev.keyward.oauth21.grant;

import java.util.Optional;
import java.util.Set;

import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.Metadata;
import dev.keyward.oauth21.rule.OAuthErrors;
import dev.keyward.oauth21.rule.TokenRequest;
import dev.keyward.oauth21.rule.Violation;

/** The grants OAuth 2.1 removed: implicit (and hybrid response types) and the password grant. */
public final class GrantTypeRules {

    /** Keycloak's client settings behind "Implicit flow" and "Direct access grants". */
    private static final Set<String> CODE_ONLY_RESPONSE_TYPES = Set.of("code", "none");

    private GrantTypeRules() {
    }

    /** OAuth 2.1 §10.1: the authorization endpoint answers with a code only (or none, for OIDC prompt checks). */
    public static Optional<Violation> codeResponseTypeOnly(AuthorizationRequest request) {
        String responseType = request.responseType();
        if (responseType == null || CODE_ONLY_RESPONSE_TYPES.contains(responseType)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.UNSUPPORTED_RESPONSE_TYPE,
                "response_type must be 'code'; tokens are never returned from the authorization endpoint (OAuth 2.1 section 10.1)"));
    }

    /** OAuth 2.1 §10.2: the resource owner password credentials grant is gone. */
    public static Optional<Violation> noPasswordGrant(TokenRequest request) {
        if (!"password".equals(request.grantType())) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.UNSUPPORTED_GRANT_TYPE,
                "the password grant is not allowed; use the authorization code grant with PKCE (OAuth 2.1 section 10.2)"));
    }

    /** OAuth 2.1 §10.1: a registration does not switch the implicit flow on. */
    public static Optional<Violation> implicitFlowOff(ClientRegistration registration) {
        if (!registration.proposed().implicitFlow() || (registration.stored() != null && registration.stored().implicitFlow())) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "the implicit flow must stay off; use the authorization code flow with PKCE (OAuth 2.1 section 10.1)")
                .about(new Violation.Setting(ClientSetting.IMPLICIT_FLOW.id(), "true",
                        "switch Implicit flow off under Settings > Capability config", "false", true)));
    }

    /** OAuth 2.1 §10.2: a registration does not switch the password grant ("Direct access grants") on. */
    public static Optional<Violation> directAccessGrantsOff(ClientRegistration registration) {
        if (!registration.proposed().directAccessGrants()
                || (registration.stored() != null && registration.stored().directAccessGrants())) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA,
                        "direct access grants (the password grant) must stay off; use the authorization code flow with PKCE"
                                + " (OAuth 2.1 section 10.2)")
                .about(new Violation.Setting(ClientSetting.DIRECT_ACCESS_GRANTS.id(), "true",
                        "switch Direct access grants off under Settings > Capability config", "false", true)));
    }

    /** Without implicit and hybrid flows, only {@code code} and {@code none} are response types, and no implicit grant. */
    public static Metadata advertiseCodeFlowOnly(Metadata metadata) {
        return metadata.withResponseTypes(CODE_ONLY_RESPONSE_TYPES::contains).withGrantTypes(grant -> !"implicit".equals(grant));
    }

    public static Metadata advertiseNoPasswordGrant(Metadata metadata) {
        return metadata.withGrantTypes(grant -> !"password".equals(grant));
    }
}
