package dev.keyward.oauth21.exemption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import java.util.List;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.rule.RuleId;
import org.junit.jupiter.api.Test;

class ExemptionTest {

    private static final List<RuleId> RULES = Baseline.oauth21().ruleIds();

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aValidRequestIsGranted() {
        ExemptionRequest request = new ExemptionRequest("no-password-grant", "  legacy batch job, ticket OPS-12 ", "2026-12-31");

        assertThat(request.problems(NOW, 90, RULES)).isEmpty();
        Exemption exemption = request.grant(NOW, "admin", RULES);
        assertThat(exemption.rule()).isEqualTo(RuleId.of("no-password-grant"));
        assertThat(exemption.reason()).isEqualTo("legacy batch job, ticket OPS-12");
        assertThat(exemption.expires()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
        assertThat(exemption.grantedAt()).isEqualTo(NOW);
    }

    @Test
    void everyProblemIsNamed() {
        assertThat(new ExemptionRequest("pkce", " ", "soon").problems(NOW, 90, RULES)).containsExactly(
                "rule 'pkce' is unknown; the rules are pkce-required, single-use-challenge, exact-redirect-uri, no-implicit-or-hybrid, no-password-grant, refresh-token-rotation, truthful-metadata, exact-web-origins, exact-post-logout-redirect-uri, limited-public-client-scope, separate-service-account, code-flow-needs-redirect-uri, no-default-offline-access, short-lived-access-tokens, fapi2-pushed-requests, fapi2-pushed-redirect-uri, fapi2-confidential-client, fapi2-client-authentication, fapi2-sender-constrained-tokens, fapi2-issuer-in-response, fapi2-short-lived-codes, fapi2-short-lived-request-uris, fapi2-no-refresh-token-rotation, fapi2-signing-algorithms, fapi2-key-sizes",
                "reason is required: say why the client needs the exemption",
                "expires is required, as a date (2026-12-31, meaning its start in UTC) or an instant (2026-12-31T12:00:00Z)");
        assertThat(new ExemptionRequest("pkce-required", "x".repeat(501), null).problems(NOW, 90, RULES))
                .contains("reason may have at most 500 characters");
    }

    @Test
    void theExpiryLiesInTheFutureWithinTheServerCap() {
        assertThat(new ExemptionRequest("pkce-required", "r", "2026-11-27T09:59:59Z").problems(NOW, 90, RULES)).containsExactly("expires must be in the future");
        assertThat(new ExemptionRequest("pkce-required", "r", "2027-03-01").problems(NOW, 90, RULES))
                .containsExactly("expires may be at most 90 days ahead (server option exemption-max-days)");
        assertThat(new ExemptionRequest("pkce-required", "r", "2027-02-25T10:00:00Z").problems(NOW, 90, RULES)).isEmpty();
    }

    @Test
    void aServerCanForbidExemptions() {
        assertThat(new ExemptionRequest("pkce-required", "r", "2026-12-01").problems(NOW, 0, RULES))
                .containsExactly("exemptions are disabled on this server (exemption-max-days=0)");
    }

    @Test
    void anExemptionStopsApplyingOnItsOwn() {
        Exemption exemption = new Exemption(RuleId.of("pkce-required"), "r", NOW.plus(Duration.ofDays(10)), NOW, "admin");

        assertThat(exemption.activeAt(NOW, 90)).isTrue();
        assertThat(exemption.activeAt(NOW.plus(Duration.ofDays(10)).minusSeconds(1), 90)).isTrue();
        assertThat(exemption.activeAt(NOW.plus(Duration.ofDays(10)), 90)).isFalse();
    }

    @Test
    void theServerCapAlsoBoundsExemptionsWrittenByHand() {
        Exemption tooLong = new Exemption(RuleId.of("pkce-required"), "r", NOW.plus(Duration.ofDays(3650)), NOW, "someone");

        assertThat(tooLong.activeAt(NOW.plus(Duration.ofDays(89)), 90)).isTrue();
        assertThat(tooLong.activeAt(NOW.plus(Duration.ofDays(91)), 90)).isFalse();
        assertThat(tooLong.activeAt(NOW, 0)).as("exemptions forbidden later").isFalse();
    }
}
