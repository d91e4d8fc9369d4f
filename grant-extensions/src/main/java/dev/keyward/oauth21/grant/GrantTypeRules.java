package dev.keyward.oauth21.grant;

import java.util.Optional;

import dev.keyward.oauth21.baseline.AuthorizationRequest;
import dev.keyward.oauth21.baseline.Finding;
import dev.keyward.oauth21.baseline.OAuthErrors;
import dev.keyward.oauth21.baseline.RuleId;
import dev.keyward.oauth21.baseline.TokenRequest;

/** The grants OAuth 2.1 removed: implicit (and hybrid response types) and the password grant. */
public final class GrantTypeRules {

    private GrantTypeRules() {
    }

    /** OAuth 2.1 §10.1: the authorization endpoint answers with a code only (or none, for OIDC prompt checks). */
    public static Optional<Finding> codeResponseTypeOnly(AuthorizationRequest request) {
        String responseType = request.responseType();
        if (responseType == null || responseType.equals("code") || responseType.equals("none")) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(RuleId.NO_IMPLICIT_OR_HYBRID, OAuthErrors.UNSUPPORTED_RESPONSE_TYPE,
                "response_type must be 'code'; tokens are never returned from the authorization endpoint (OAuth 2.1 section 10.1)"));
    }

    /** OAuth 2.1 §10.2: the resource owner password credentials grant is gone. */
    public static Optional<Finding> noPasswordGrant(TokenRequest request) {
        if (!"password".equals(request.grantType())) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(RuleId.NO_PASSWORD_GRANT, OAuthErrors.UNSUPPORTED_GRANT_TYPE,
                "the password grant is not allowed; use the authorization code grant with PKCE (OAuth 2.1 section 10.2)"));
    }

    /** True when the response type asks for an authorization code, alone or with tokens. */
    public static boolean requestsCode(String responseType) {
        if (responseType == null) {
            return false;
        }
        for (String part : responseType.split(" ")) {
            if (part.equals("code")) {
                return true;
            }
        }
        return false;
    }
}
