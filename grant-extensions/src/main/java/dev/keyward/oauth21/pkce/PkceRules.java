package dev.keyward.oauth21.pkce;

import java.util.Optional;

import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Metadata;
import dev.keyward.oauth21.rule.OAuthErrors;
import dev.keyward.oauth21.rule.TokenRequest;
import dev.keyward.oauth21.rule.Violation;

/**
 * PKCE (RFC 7636) as OAuth 2.1 §4.1.1 requires it: S256 only, well-formed challenge and verifier;
 * and RFC 9700 §2.1.1: a challenge is never accepted twice.
 */
public final class PkceRules {

    /** Keycloak's client attribute behind "PKCE Method". */
    static final int S256_CHALLENGE_LENGTH = 43;
    private static final String S256 = "S256";
    private static final String PLAIN = "plain";
    static final int MIN_VERIFIER_LENGTH = 43;
    static final int MAX_VERIFIER_LENGTH = 128;
    /**
     * 43 base64url characters carry 258 bits; a SHA-256 digest fills 256 of them, so the last
     * character's two low bits are zero (RFC 4648 §5 without padding).
     */
    private static final String S256_LAST_CHARACTERS = "AEIMQUYcgkosw048";

    private PkceRules() {
    }

    /** OAuth 2.1 §4.1.1: every code request carries code_challenge with method S256. */
    public static Optional<Violation> s256ChallengeRequired(AuthorizationRequest request) {
        if (!request.requestsCode()) {
            return Optional.empty();
        }
        String challenge = request.codeChallenge();
        String method = request.codeChallengeMethod();
        if (challenge == null || challenge.isEmpty()) {
            return fail(OAuthErrors.INVALID_REQUEST, "code_challenge is required (OAuth 2.1 section 4.1.1)");
        }
        if (!S256.equals(method)) {
            return fail(OAuthErrors.INVALID_REQUEST, method == null
                    ? "code_challenge_method is required and must be S256 (a missing method means plain, RFC 7636 section 4.3)"
                    : "code_challenge_method must be S256, not '" + printable(method) + "'");
        }
        if (!isS256Challenge(challenge)) {
            return fail(OAuthErrors.INVALID_REQUEST,
                    "code_challenge must be the 43-character base64url SHA-256 digest of the verifier (RFC 7636 section 4.2), got "
                            + challenge.length() + " characters");
        }
        return Optional.empty();
    }

    /** RFC 7636 §4.1: a verifier has 43 to 128 characters of [A-Z] [a-z] [0-9] - . _ ~ */
    public static Optional<Violation> wellFormedVerifier(TokenRequest request) {
        if (!"authorization_code".equals(request.grantType())) {
            return Optional.empty();
        }
        String verifier = request.codeVerifier();
        if (verifier == null || verifier.isEmpty()) {
            return fail(OAuthErrors.INVALID_GRANT, "code_verifier is required (OAuth 2.1 section 4.1.3)");
        }
        if (!isVerifier(verifier)) {
            return fail(OAuthErrors.INVALID_GRANT,
                    "code_verifier must have 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636 section 4.1)");
        }
        return Optional.empty();
    }

    /** RFC 9700 §2.1.1: a challenge seen in an earlier request is refused; silent while that is unknown. */
    public static Optional<Violation> singleUseChallenge(AuthorizationRequest request) {
        if (request.codeChallenge() == null || !Boolean.FALSE.equals(request.challengeFirstSeen())) {
            return Optional.empty();
        }
        return fail(OAuthErrors.INVALID_REQUEST, "this code_challenge was already used in an earlier authorization request;"
                + " create a new code_verifier for every request (RFC 9700 section 2.1.1)");
    }

    /** OAuth 2.1 §4.1.1: a registration does not set the PKCE method to {@code plain}. */
    public static Optional<Violation> noPlainMethod(ClientRegistration registration) {
        if (!PLAIN.equals(registration.proposed().pkceMethod())
                || (registration.stored() != null && PLAIN.equals(registration.stored().pkceMethod()))) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(OAuthErrors.INVALID_CLIENT_METADATA, "the PKCE method must be S256, not plain (OAuth 2.1 section 4.1.1)")
                .about(methodSetting(PLAIN)));
    }

    /**
     * OAuth 2.1 §4.1.1, for the compliance report: a code-flow client whose PKCE method is not S256
     * is not asked for PKCE by Keycloak, so its requests without an S256 challenge will be refused.
     */
    public static Optional<Violation> s256MethodConfigured(ClientSettings client) {
        if (!client.standardFlow() || S256.equals(client.pkceMethod()) || PLAIN.equals(client.pkceMethod())) {
            return Optional.empty();
        }
        return fail(OAuthErrors.INVALID_REQUEST, "Keycloak does not require PKCE of this client; each authorization request"
                + " without an S256 code_challenge will be refused").map(violation -> violation.about(methodSetting("")));
    }

    private static Violation.Setting methodSetting(String value) {
        return new Violation.Setting(ClientSetting.PKCE_METHOD.id(), value, "set PKCE Method to S256 under Advanced > Advanced settings", S256, true);
    }

    /** With S256 required, {@code plain} is not a method a client may use. */
    public static Metadata advertiseS256Only(Metadata metadata) {
        return metadata.withCodeChallengeMethods(S256::equals);
    }

    public static boolean isS256Challenge(String challenge) {
        if (challenge.length() != S256_CHALLENGE_LENGTH) {
            return false;
        }
        for (int i = 0; i < challenge.length(); i++) {
            if (!isBase64Url(challenge.charAt(i))) {
                return false;
            }
        }
        return S256_LAST_CHARACTERS.indexOf(challenge.charAt(S256_CHALLENGE_LENGTH - 1)) >= 0;
    }

    public static boolean isVerifier(String verifier) {
        if (verifier.length() < MIN_VERIFIER_LENGTH || verifier.length() > MAX_VERIFIER_LENGTH) {
            return false;
        }
        for (int i = 0; i < verifier.length(); i++) {
            char c = verifier.charAt(i);
            if (!(isAlphanumeric(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64Url(char c) {
        return isAlphanumeric(c) || c == '-' || c == '_';
    }

    private static boolean isAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Echoes at most 20 visible ASCII characters of a client-supplied value. */
    private static String printable(String value) {
        String visible = value.replaceAll("[^\\x21-\\x7e]", "?");
        return visible.length() > 20 ? visible.substring(0, 20) + "..." : visible;
    }

    private static Optional<Violation> fail(String error, String description) {
        return Optional.of(Violation.of(error, description));
    }
}
