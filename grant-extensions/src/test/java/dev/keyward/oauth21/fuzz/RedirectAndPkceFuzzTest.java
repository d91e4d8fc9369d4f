package dev.keyward.oauth21.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.keyward.oauth21.pkce.PkceRules;
import dev.keyward.oauth21.redirect.RedirectUriMatcher;
import dev.keyward.oauth21.redirect.RedirectUriRegistration;

/**
 * Properties of the redirect URI and PKCE checks under Jazzer. Without {@code JAZZER_FUZZ=1} each
 * runs its kept inputs (src/test/resources/.../*Inputs) as regression tests in {@code mvn verify};
 * with it, Jazzer fuzzes one target for its duration (docs/robustness.md).
 */
class RedirectAndPkceFuzzTest {

    private static final Pattern LOOPBACK = Pattern.compile("(http://(?:127\\.0\\.0\\.1|\\[::1\\]))((?:[/?].*)?)", Pattern.DOTALL);

    @FuzzTest(maxDuration = "10m", maxExecutions = 10_000_000)
    void anAcceptedRedirectUriIsTheRegisteredOneOrItsLoopbackWithAPort(FuzzedDataProvider data) {
        String registered = data.consumeString(120);
        String requested = data.consumeRemainingAsString();

        if (RedirectUriMatcher.matches(requested, registered)) {
            assertThat(requested.equals(registered) || isLoopbackWithPort(requested, registered))
                    .as("accepted %s for registered %s", requested, registered).isTrue();
        }
    }

    @FuzzTest(maxDuration = "10m", maxExecutions = 10_000_000)
    void aRegistrableRedirectUriIsAbsoluteWithoutWildcardOrFragmentAndHttpOnlyOnLoopback(FuzzedDataProvider data) {
        String uri = data.consumeRemainingAsString();

        if (RedirectUriRegistration.problem(uri).isEmpty()) {
            assertThat(uri).doesNotContain("*", "#", " ").matches("(?s)[a-zA-Z][a-zA-Z0-9+.-]*:.+");
            String scheme = uri.substring(0, uri.indexOf(':'));
            if (scheme.equals("http")) {
                assertThat(uri).matches("(?s)http://(127\\.0\\.0\\.1|\\[::1\\])([:/?].*)?");
            } else if (!scheme.equals("https")) {
                assertThat(uri).as("a private-use scheme in reverse-domain form, then a path").matches("(?s)[^.:]+(\\.[^.:]+)+:.+");
            }
        }
    }

    @FuzzTest(maxDuration = "10m", maxExecutions = 10_000_000)
    void anS256ChallengeIsExactlyTheUnpaddedBase64UrlOfThirtyTwoBytes(FuzzedDataProvider data) {
        String challenge = data.consumeRemainingAsString();

        assertThat(PkceRules.isS256Challenge(challenge)).as(challenge).isEqualTo(isCanonicalSha256(challenge));
    }

    @FuzzTest(maxDuration = "10m", maxExecutions = 10_000_000)
    void aVerifierIsFortyThreeToOneHundredTwentyEightUnreservedCharacters(FuzzedDataProvider data) {
        String verifier = data.consumeRemainingAsString();

        assertThat(PkceRules.isVerifier(verifier)).as(verifier).isEqualTo(verifier.matches("[A-Za-z0-9._~-]{43,128}"));
    }

    private static boolean isLoopbackWithPort(String requested, String registered) {
        Matcher origin = LOOPBACK.matcher(registered);
        return origin.matches() && requested.matches(Pattern.quote(origin.group(1)) + ":[1-9][0-9]{0,4}" + Pattern.quote(origin.group(2)))
                && Integer.parseInt(requested.substring(origin.group(1).length() + 1, requested.length() - origin.group(2).length())) <= 65535;
    }

    /** Independent of PkceRules: decode and encode again with the JDK. */
    private static boolean isCanonicalSha256(String challenge) {
        if (!challenge.matches("[A-Za-z0-9_-]*")) {
            return false;
        }
        try {
            byte[] digest = Base64.getUrlDecoder().decode(challenge);
            return digest.length == 32 && Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(challenge);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
