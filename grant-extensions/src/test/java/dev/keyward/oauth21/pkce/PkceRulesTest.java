package dev.keyward.oauth21.pkce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Metadata;
import dev.keyward.oauth21.rule.TokenRequest;
import dev.keyward.oauth21.rule.Violation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PkceRulesTest {

    private static final ClientSettings CLIENT = new ClientSettings("spa", true, List.of("https://app.example/cb"));
    /** RFC 7636 Appendix B. */
    private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private static Optional<Violation> authorize(String responseType, String challenge, String method) {
        return PkceRules.s256ChallengeRequired(new AuthorizationRequest(CLIENT, responseType, "https://app.example/cb", challenge, method));
    }

    private static Optional<Violation> redeem(String verifier) {
        return PkceRules.wellFormedVerifier(new TokenRequest(CLIENT, "authorization_code", verifier));
    }

    @Test
    void acceptsTheRfc7636Example() {
        assertThat(authorize("code", RFC_CHALLENGE, "S256")).isEmpty();
        assertThat(redeem(RFC_VERIFIER)).isEmpty();
    }

    @Test
    void requiresAChallengeOnEveryCodeRequest() {
        assertThat(authorize("code", null, null)).get()
                .satisfies(f -> {
                    assertThat(f.error()).isEqualTo("invalid_request");
                    assertThat(f.description()).contains("code_challenge is required");
                });
        assertThat(authorize("code", "", "S256")).isPresent();
        assertThat(authorize("code id_token", null, null)).isPresent();
    }

    @Test
    void doesNotJudgeRequestsWithoutACode() {
        assertThat(authorize("none", null, null)).isEmpty();
        assertThat(authorize(null, null, null)).isEmpty();
        assertThat(PkceRules.wellFormedVerifier(new TokenRequest(CLIENT, "refresh_token", null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "s256", "S256 ", "SHA256", ""})
    void acceptsOnlyTheS256Method(String method) {
        assertThat(authorize("code", RFC_CHALLENGE, method)).get()
                .extracting(Violation::description).asString().contains("must be S256");
    }

    @Test
    void aMissingMethodMeansPlainAndIsRefused() {
        assertThat(authorize("code", RFC_CHALLENGE, null)).get()
                .extracting(Violation::description).asString().contains("missing method means plain");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c",      // 42
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cMA",    // 44
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM=",    // padding
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM",     // base64, not base64url
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN",     // 43 chars but not a 256-bit value
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw cM",
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVP-mB92K27uhbUJU1p1r", // a verifier sent as plain
    })
    void refusesChallengesThatAreNotAnS256Digest(String challenge) {
        assertThat(authorize("code", challenge, "S256")).get()
                .extracting(Violation::description).asString().contains("43-character base64url SHA-256 digest");
    }

    @Property
    void everyS256DigestIsAcceptedAsAChallenge(@ForAll @StringLength(min = 43, max = 128) String seed) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);

        assertThat(PkceRules.isS256Challenge(challenge)).isTrue();
    }

    @Property
    void onlyTheCanonicalEncodingOf256BitsIsAChallenge(@ForAll("base64url") String candidate) {
        assertThat(PkceRules.isS256Challenge(candidate)).isEqualTo(isCanonical256Bits(candidate));
    }

    /** Decoded by the JDK and encoded back: 32 bytes that encode to exactly this text. */
    private static boolean isCanonical256Bits(String candidate) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(candidate);
            return bytes.length == 32 && Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(candidate);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    @Test
    void aChallengeSeenBeforeIsRefusedAndAnUnknownOneIsNotJudged() {
        AuthorizationRequest request = new AuthorizationRequest(CLIENT, "code", "https://app.example/cb", RFC_CHALLENGE, "S256");

        assertThat(PkceRules.singleUseChallenge(request)).isEmpty();
        assertThat(PkceRules.singleUseChallenge(request.withChallengeFirstSeen(true))).isEmpty();
        assertThat(PkceRules.singleUseChallenge(request.withChallengeFirstSeen(false))).get()
                .satisfies(v -> {
                    assertThat(v.error()).isEqualTo("invalid_request");
                    assertThat(v.description()).contains("already used", "RFC 9700 section 2.1.1");
                });
    }

    @Test
    void discoveryAdvertisesOnlyS256() {
        assertThat(PkceRules.advertiseS256Only(new Metadata(List.of("plain", "S256"), null, null)).codeChallengeMethods())
                .containsExactly("S256");
    }

    @Provide
    Arbitrary<String> base64url() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofMinLength(0).ofMaxLength(130);
    }

    @Property
    void verifiersOfTheUnreservedSetAndRightLengthAreAccepted(@ForAll("verifiers") String verifier) {
        assertThat(redeem(verifier)).isEmpty();
    }

    @Provide
    Arbitrary<String> verifiers() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
                .ofMinLength(43).ofMaxLength(128);
    }

    @Property
    void anyStringOutsideTheGrammarIsRefused(@ForAll String verifier) {
        boolean grammatical = verifier.length() >= 43 && verifier.length() <= 128
                && verifier.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_' || c == '~');
        assertThat(PkceRules.isVerifier(verifier)).isEqualTo(grammatical);
    }

    @ParameterizedTest
    @ValueSource(ints = {42, 129, 10_000})
    void refusesVerifiersOfTheWrongLength(int length) {
        assertThat(redeem("a".repeat(length))).get()
                .extracting(Violation::error).isEqualTo("invalid_grant");
    }

    @Test
    void requiresAVerifierWhenRedeemingACode() {
        assertThat(redeem(null)).get().extracting(Violation::description).asString().contains("code_verifier is required");
        assertThat(redeem("")).isPresent();
        assertThat(redeem("\u00e9".repeat(50))).isPresent();
    }

    @Test
    void echoesOnlyASafePrefixOfAHostileMethod() {
        assertThat(authorize("code", RFC_CHALLENGE, "<script>alert(1)</script>\r\nX-Injected: 1")).get()
                .extracting(Violation::description).asString()
                .doesNotContain("\r", "\n", "X-Injected")
                .hasSizeLessThan(120);
    }
}
