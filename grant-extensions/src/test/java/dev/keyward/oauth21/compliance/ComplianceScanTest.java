package dev.keyward.oauth21.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.modes.EffectiveMode;
import dev.keyward.oauth21.refresh.RefreshTokenRules;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Mode;
import org.junit.jupiter.api.Test;

class ComplianceScanTest {

    private static final EffectiveMode ENFORCED = EffectiveMode.server(Mode.ENFORCE);
    private static final EffectiveMode REPORTED = EffectiveMode.server(Mode.REPORT);
    private final ComplianceScan scan = new ComplianceScan(Baseline.oauth21());

    private static ReviewedClient plain(ClientSettings settings) {
        return new ReviewedClient(settings, false);
    }

    private static ClientSettings confidential(String clientId, List<String> redirectUris, String pkceMethod, boolean implicit, boolean password) {
        return new ClientSettings(clientId, false, redirectUris, pkceMethod, true, implicit, password);
    }

    @Test
    void aClientWithS256AndExactUrisIsCompliant() {
        ClientReview review = scan.review(plain(confidential("web", List.of("https://web.example/cb", "http://127.0.0.1/cb"), "S256",
                false, false)), rule -> ENFORCED);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.COMPLIANT);
        assertThat(review.verdictWhenEnforced()).isEqualTo(ClientVerdict.COMPLIANT);
        assertThat(review.findings()).isEmpty();
    }

    @Test
    void aLegacyClientBreaksWithOneFindingPerSettingAndTheFixForEach() {
        ClientReview review = scan.review(plain(confidential("legacy", List.of("https://legacy.example/*", "http://legacy.example/cb"),
                null, true, true)), rule -> ENFORCED);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.BREAKS);
        assertThat(review.findings()).extracting(f -> f.rule().id(), ReportedFinding::setting, ReportedFinding::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("exact-redirect-uri", "redirectUris", "https://legacy.example/* http://legacy.example/cb"),
                        org.assertj.core.groups.Tuple.tuple("no-implicit-or-hybrid", "implicitFlowEnabled", "true"),
                        org.assertj.core.groups.Tuple.tuple("no-password-grant", "directAccessGrantsEnabled", "true"),
                        org.assertj.core.groups.Tuple.tuple("pkce-required", "attributes.pkce.code.challenge.method", ""));
        assertThat(review.findings()).allSatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.BREAKS);
            assertThat(f.fix()).isNotBlank();
        });
        assertThat(review.findings()).filteredOn(ReportedFinding::fixableInOneClick).extracting(ReportedFinding::safeValue)
                .containsExactlyInAnyOrder("false", "false", "S256");
    }

    @Test
    void inReportModeItBreaksOnlyOnceEverythingIsEnforced() {
        ClientReview review = scan.review(plain(confidential("legacy", List.of("https://legacy.example/cb"), "plain", false, false)),
                rule -> REPORTED);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.COMPLIANT);
        assertThat(review.verdictWhenEnforced()).isEqualTo(ClientVerdict.BREAKS);
        assertThat(review.findings()).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo("plain");
            assertThat(f.outcome()).isEqualTo(Outcome.REPORTED);
        });
    }

    @Test
    void anExemptedRuleLetsTheClientOffUntilItExpires() {
        ClientSettings passwordClient = confidential("batch", List.of("https://batch.example/cb"), "S256", false, true);
        ClientReview review = scan.review(plain(passwordClient), rule -> rule == Baseline.NO_PASSWORD_GRANT
                ? new EffectiveMode(Mode.OFF, EffectiveMode.Source.GRANTED_EXEMPTION, Mode.ENFORCE) : ENFORCED);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.EXEMPTED);
        assertThat(review.verdictWhenEnforced()).isEqualTo(ClientVerdict.EXEMPTED);
        assertThat(review.findings()).singleElement().extracting(ReportedFinding::outcome).isEqualTo(Outcome.EXEMPTED);
    }

    @Test
    void keycloaksOwnClientsAreBuiltin() {
        ClientSettings console = new ClientSettings("security-admin-console", true, List.of("/admin/master/console/*"), "S256", true,
                false, false).with(ClientSetting.FULL_SCOPE_ALLOWED, false);
        ClientReview review = scan.review(new ReviewedClient(console, true), rule -> rule == Baseline.EXACT_REDIRECT_URI
                ? new EffectiveMode(Mode.OFF, EffectiveMode.Source.BUILT_IN_EXEMPTION, Mode.ENFORCE) : ENFORCED);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.BUILTIN);
        assertThat(review.findings()).extracting(ReportedFinding::outcome).contains(Outcome.BUILTIN);
    }

    @Test
    void aPublicClientKeepsWorkingButIsToldItsRefreshTokensBecomeSingleUse() {
        ClientSettings spa = new ClientSettings("spa", true, List.of("https://spa.example/cb"), "S256", true, false, false)
                .with(ClientSetting.FULL_SCOPE_ALLOWED, false);

        ClientReview review = scan.review(plain(spa), rule -> ENFORCED);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.COMPLIANT);
        assertThat(review.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Baseline.REFRESH_TOKEN_ROTATION);
            assertThat(f.outcome()).isEqualTo(Outcome.CHANGES);
        });
    }

    @Test
    void aHygieneFindingReportsWhileItsRuleReportsAndBreaksOnceEnforced() {
        ClientSettings spa = new ClientSettings("spa", true, List.of("https://spa.example/cb"), "S256", true, false, false);

        ClientReview review = scan.review(plain(spa), rule -> rule == Baseline.LIMITED_PUBLIC_CLIENT_SCOPE ? REPORTED : ENFORCED);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.COMPLIANT);
        assertThat(review.verdictWhenEnforced()).isEqualTo(ClientVerdict.BREAKS);
        assertThat(review.findings()).filteredOn(f -> f.rule() == Baseline.LIMITED_PUBLIC_CLIENT_SCOPE).singleElement()
                .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.REPORTED));
    }

    @Test
    void aPublicClientThatRequiresDpopHasSenderConstrainedRefreshTokensInsteadOfRotatedOnes() {
        ClientSettings spa = new ClientSettings("spa", true, List.of("https://spa.example/cb"), "S256", true, false, false)
                .with(ClientSetting.FULL_SCOPE_ALLOWED, false);
        ClientSettings dpopSpa = spa.with(ClientSetting.DPOP_BOUND_TOKENS, "true");

        assertThat(scan.review(plain(spa), rule -> ENFORCED).refreshTokens()).contains(RefreshTokenRules.Protection.ROTATION);
        ClientReview dpop = scan.review(plain(dpopSpa), rule -> ENFORCED);
        assertThat(dpop.refreshTokens()).contains(RefreshTokenRules.Protection.DPOP);
        assertThat(dpop.findings()).as("nothing changes for it: its refresh tokens are bound, not rotated").isEmpty();
        assertThat(scan.review(plain(confidential("web", List.of("https://web.example/cb"), "S256", false, false)), rule -> ENFORCED)
                .refreshTokens()).isEmpty();
    }

    @Test
    void theSummaryCountsEachVerdict() {
        List<ClientReview> reviews = List.of(
                scan.review(plain(confidential("a", List.of("https://app.example/cb"), "S256", false, false)), rule -> ENFORCED),
                scan.review(plain(confidential("b", List.of("https://app.example/cb"), "S256", true, false)), rule -> ENFORCED),
                scan.review(plain(confidential("c", List.of("https://app.example/cb"), "S256", true, false)), rule -> REPORTED));

        assertThat(ComplianceSummary.of(reviews)).isEqualTo(new ComplianceSummary(3, 2, 1, 0, 0, 2));
    }

    @Test
    void csvHasOneRowPerFindingAndOneForAClientWithoutAndQuotesWhatNeedsIt() {
        ClientReview clean = scan.review(plain(confidential("a", List.of("https://app.example/cb"), "S256", false, false)), rule -> ENFORCED);
        ClientReview legacy = scan.review(plain(confidential("b,c", List.of("https://app.example/cb"), "S256", true, true)), rule -> ENFORCED);

        assertThat(ComplianceCsv.rows("acme", clean, RuntimeActivity.NONE)).containsExactly("acme,a,compliant,compliant,,,,,,,0,");
        assertThat(ComplianceCsv.rows("acme", legacy, new RuntimeActivity(3, Instant.parse("2026-12-01T10:00:00Z"), List.of())))
                .hasSize(2).allSatisfy(row -> assertThat(row).startsWith("acme,\"b,c\",breaks,breaks,").endsWith(",3,2026-12-01T10:00:00Z"));
        assertThat(ComplianceCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ComplianceCsv.field("=cmd()")).isEqualTo("'=cmd()");
        assertThat(ComplianceCsv.HEADER.split(",")).hasSize(12);
    }
}
