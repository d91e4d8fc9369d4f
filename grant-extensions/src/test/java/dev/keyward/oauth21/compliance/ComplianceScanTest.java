package dev.keyward.oauth21.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.RuleId;
import org.junit.jupiter.api.Test;

class ComplianceScanTest {

    private static final Instant NEXT_MONTH = Instant.parse("2027-01-01T00:00:00Z");
    private final ComplianceScan scan = new ComplianceScan(Baseline.oauth21());

    private static ReviewedClient plain(ClientSettings settings) {
        return new ReviewedClient(settings, false, Set.of(), Map.of());
    }

    private static ClientSettings confidential(String clientId, List<String> redirectUris, String pkceMethod, boolean implicit, boolean password) {
        return new ClientSettings(clientId, false, redirectUris, pkceMethod, true, implicit, password);
    }

    @Test
    void aClientWithS256AndExactUrisIsCompliant() {
        ClientReview review = scan.review(plain(confidential("web", List.of("https://web.example/cb", "http://127.0.0.1/cb"), "S256",
                false, false)), rule -> Mode.ENFORCE);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.COMPLIANT);
        assertThat(review.verdictWhenEnforced()).isEqualTo(ClientVerdict.COMPLIANT);
        assertThat(review.findings()).isEmpty();
    }

    @Test
    void aLegacyClientBreaksWithOneFindingPerSettingAndTheFixForEach() {
        ClientReview review = scan.review(plain(confidential("legacy", List.of("https://legacy.example/*", "http://legacy.example/cb"),
                null, true, true)), rule -> Mode.ENFORCE);

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
                rule -> Mode.REPORT);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.COMPLIANT);
        assertThat(review.verdictWhenEnforced()).isEqualTo(ClientVerdict.BREAKS);
        assertThat(review.findings()).singleElement().satisfies(f -> {
            assertThat(f.value()).isEqualTo("plain");
            assertThat(f.outcome()).isEqualTo(Outcome.REPORTED);
        });
    }

    @Test
    void anExemptedRuleLetsTheClientOffUntilItExpires() {
        ClientSettings passwordClient = confidential("batch", List.of(), "S256", false, true);
        ClientReview review = scan.review(new ReviewedClient(passwordClient, false, Set.of(),
                Map.of(Baseline.NO_PASSWORD_GRANT, NEXT_MONTH)), rule -> Mode.ENFORCE);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.EXEMPTED);
        assertThat(review.verdictWhenEnforced()).isEqualTo(ClientVerdict.EXEMPTED);
        assertThat(review.findings()).singleElement().extracting(ReportedFinding::outcome).isEqualTo(Outcome.EXEMPTED);
    }

    @Test
    void keycloaksOwnClientsAreBuiltin() {
        ClientSettings console = new ClientSettings("security-admin-console", true, List.of("/admin/master/console/*"), "S256", true,
                false, false);
        Set<RuleId> builtIn = Set.of(Baseline.EXACT_REDIRECT_URI);

        ClientReview review = scan.review(new ReviewedClient(console, true, builtIn, Map.of()), rule -> Mode.ENFORCE);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.BUILTIN);
        assertThat(review.findings()).extracting(ReportedFinding::outcome).contains(Outcome.BUILTIN);
    }

    @Test
    void aPublicClientKeepsWorkingButIsToldItsRefreshTokensBecomeSingleUse() {
        ClientSettings spa = new ClientSettings("spa", true, List.of("https://spa.example/cb"), "S256", true, false, false);

        ClientReview review = scan.review(plain(spa), rule -> Mode.ENFORCE);

        assertThat(review.verdict()).isEqualTo(ClientVerdict.COMPLIANT);
        assertThat(review.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Baseline.REFRESH_TOKEN_ROTATION);
            assertThat(f.outcome()).isEqualTo(Outcome.CHANGES);
        });
    }

    @Test
    void theVersionChangesWithAnySettingJudged() {
        ClientSettings before = confidential("web", List.of("https://web.example/cb"), null, false, false);
        ClientSettings after = confidential("web", List.of("https://web.example/cb"), "S256", false, false);

        assertThat(ComplianceScan.version(before)).hasSize(16).isNotEqualTo(ComplianceScan.version(after))
                .isEqualTo(ComplianceScan.version(confidential("web", List.of("https://web.example/cb"), null, false, false)));
    }

    @Test
    void theVersionTellsApartSettingsThatReadAlike() {
        assertThat(ComplianceScan.version(confidential("web", List.of("https://a.example/bc"), null, false, false)))
                .isNotEqualTo(ComplianceScan.version(confidential("web", List.of("https://a.example/b", "c"), null, false, false)))
                .isNotEqualTo(ComplianceScan.version(confidential("web", List.of("https://a.example/bc"), "", false, false)))
                .isNotEqualTo(ComplianceScan.version(confidential("web", List.of("https://a.example/bc"), null, true, false)))
                .isNotEqualTo(ComplianceScan.version(confidential("webs", List.of("https://a.example/bc"), null, false, false)));
    }

    @Test
    void theVersionDoesNotDependOnTheOrderOfTheRedirectUris() {
        List<String> uris = List.of("https://web.example/cb", "https://web.example/silent", "http://127.0.0.1/cb");
        ClientSettings stored = confidential("web", uris, null, false, false);
        ClientSettings listedOtherwise = confidential("web", List.of(uris.get(2), uris.get(0), uris.get(1)), null, false, false);
        ClientSettings oneUriLess = confidential("web", uris.subList(0, 2), null, false, false);

        assertThat(ComplianceScan.version(stored)).isEqualTo(ComplianceScan.version(listedOtherwise))
                .isNotEqualTo(ComplianceScan.version(oneUriLess));
    }

    @Test
    void theSummaryCountsEachVerdict() {
        List<ClientReview> reviews = List.of(
                scan.review(plain(confidential("a", List.of(), "S256", false, false)), rule -> Mode.ENFORCE),
                scan.review(plain(confidential("b", List.of(), "S256", true, false)), rule -> Mode.ENFORCE),
                scan.review(plain(confidential("c", List.of(), "S256", true, false)), rule -> Mode.REPORT));

        assertThat(ComplianceSummary.of(reviews)).isEqualTo(new ComplianceSummary(3, 2, 1, 0, 0, 2));
    }

    @Test
    void csvHasOneRowPerFindingAndOneForAClientWithoutAndQuotesWhatNeedsIt() {
        ClientReview clean = scan.review(plain(confidential("a", List.of(), "S256", false, false)), rule -> Mode.ENFORCE);
        ClientReview legacy = scan.review(plain(confidential("b,c", List.of(), "S256", true, true)), rule -> Mode.ENFORCE);

        assertThat(ComplianceCsv.rows("acme", clean, RuntimeActivity.NONE)).containsExactly("acme,a,compliant,compliant,,,,,,,0,");
        assertThat(ComplianceCsv.rows("acme", legacy, new RuntimeActivity(3, Instant.parse("2026-12-01T10:00:00Z"), List.of())))
                .hasSize(2).allSatisfy(row -> assertThat(row).startsWith("acme,\"b,c\",breaks,breaks,").endsWith(",3,2026-12-01T10:00:00Z"));
        assertThat(ComplianceCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ComplianceCsv.field("=cmd()")).isEqualTo("'=cmd()");
        assertThat(ComplianceCsv.HEADER.split(",")).hasSize(12);
    }
}
