package dev.keyward.oauth21.example;

import java.util.Optional;

import dev.keyward.oauth21.rule.OAuthErrors;
import dev.keyward.oauth21.rule.TokenRequest;
import dev.keyward.oauth21.rule.Violation;

/**
 * The example rule of docs/architecture.md ("Add a rule"): a public client has no credentials,
 * so it cannot use the client credentials grant (RFC 6749 §4.4). A pure function of the request
 * record, citing the spec where it decides, returning a violation with the OAuth error to answer.
 */
public final class PublicClientCredentialsRules {

    private PublicClientCredentialsRules() {
    }

    /** RFC 6749 §4.4: the client credentials grant is for confidential clients only. */
    public static Optional<Violation> confidentialClientsOnly(TokenRequest request) {
        if (!"client_credentials".equals(request.grantType()) || !request.client().publicClient()) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.UNSUPPORTED_GRANT_TYPE,
                "a public client cannot use the client credentials grant (RFC 6749 section 4.4)"));
    }
}
