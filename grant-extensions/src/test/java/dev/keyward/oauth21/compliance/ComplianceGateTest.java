package dev.keyward.oauth21.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.rule.Mode;
import org.junit.jupiter.api.Test;

class ComplianceGateTest {

    private static final ReportedFinding WILDCARD = new ReportedFinding(Baseline.EXACT_REDIRECT_URI, "redirectUris", "https://app.example/*",
            "list each redirect URI exactly", "a wildcard", Mode.ENFORCE, Outcome.BREAKS, null);
    private static final ReportedFinding PASSWORD_REPORTED = new ReportedFinding(Baseline.NO_PASSWORD_GRANT, "directAccessGrantsEnabled",
            "true", "switch off Direct access grants", "the password grant", Mode.REPORT, Outcome.REPORTED, "false");

    private static ComplianceGate.Entry client(String id, ClientVerdict verdict, ClientVerdict later, ReportedFinding... findings) {
        return new ComplianceGate.Entry(new ClientReview(id, verdict, later, List.of(findings), "v1", Optional.empty(), Profile.OAUTH21,
                Profile.OAUTH21), RuntimeActivity.NONE);
    }

    @Test
    void aRealmWithoutBreakingClientsPasses() {
        ComplianceGate.Answer answer = new ComplianceGate(false).judge("acme", List.of(
                client("web", ClientVerdict.COMPLIANT, ClientVerdict.COMPLIANT),
                client("batch", ClientVerdict.COMPLIANT, ClientVerdict.BREAKS, PASSWORD_REPORTED),
                client("admin-cli", ClientVerdict.BUILTIN, ClientVerdict.BUILTIN)));

        assertThat(answer.passes()).isTrue();
        assertThat(answer.result()).isEqualTo("keyward-compliance: realm acme: no client breaks (3 clients checked)");
        assertThat(answer.lines()).startsWith("CLIENT     VERDICT    WHEN ENFORCED  RULES",
                "web        compliant  compliant      -",
                "batch      compliant  breaks         no-password-grant (reported)",
                "admin-cli  builtin    builtin        -");
        assertThat(answer.lines()).contains("Summary: 3 clients, 2 compliant, 0 break, 0 exempted, 1 built-in; 1 would break once every rule is enforced")
                .doesNotContain("Findings of the clients that break:");
        assertThat(answer.lines().get(answer.lines().size() - 1)).isEqualTo(answer.result());
    }

    @Test
    void aBreakingClientFailsWithItsBreakingFindingsTheirFixAndWhatWasSeenAtRuntime() {
        ComplianceGate.Entry legacy = new ComplianceGate.Entry(new ClientReview("legacy", ClientVerdict.BREAKS, ClientVerdict.BREAKS,
                List.of(WILDCARD, PASSWORD_REPORTED), "v1", Optional.empty(), Profile.OAUTH21, Profile.OAUTH21),
                new RuntimeActivity(7, Instant.parse("2026-12-04T08:00:00Z"), List.of()));

        ComplianceGate.Answer answer = new ComplianceGate(false).judge("acme", List.of(legacy, client("web", ClientVerdict.COMPLIANT, ClientVerdict.COMPLIANT)));

        assertThat(answer.passes()).isFalse();
        assertThat(answer.result()).isEqualTo("keyward-compliance: realm acme: 1 of 2 clients breaks: legacy");
        assertThat(answer.lines()).containsSubsequence("Findings of the clients that break:", "",
                "legacy (breaks; when enforced: breaks; Keyward findings at runtime: 7, last 2026-12-04T08:00:00Z)",
                "  exact-redirect-uri: redirectUris = https://app.example/*  [mode enforce, breaks]",
                "    fix: list each redirect URI exactly");
        assertThat(answer.lines()).as("only what breaks now").noneMatch(line -> line.startsWith("  no-password-grant"));
    }

    @Test
    void whenEnforcedAReportedFindingFailsToo() {
        ComplianceGate.Answer answer = new ComplianceGate(true).judge("acme", List.of(
                client("batch", ClientVerdict.COMPLIANT, ClientVerdict.BREAKS, PASSWORD_REPORTED)));

        assertThat(answer.passes()).isFalse();
        assertThat(answer.result()).isEqualTo("keyward-compliance: realm acme: 1 of 1 client would break once every rule is enforced: batch");
        assertThat(answer.lines()).contains("  no-password-grant: directAccessGrantsEnabled = true  [mode report, reported]");
    }

    @Test
    void theResultNamesTwentyFailingClientsAndCountsTheRest() {
        List<ComplianceGate.Entry> clients = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            clients.add(client("app-" + i, ClientVerdict.BREAKS, ClientVerdict.BREAKS, WILDCARD));
        }

        String result = new ComplianceGate(false).judge("acme", clients).result();

        assertThat(result).startsWith("keyward-compliance: realm acme: 23 of 23 clients break: app-1, app-2,").endsWith("app-20, and 3 more");
    }

    @Test
    void namesAreShownOnOneLineWithoutControlCharactersAndQuotedWhenTheyHoldASpace() {
        ComplianceGate.Answer answer = new ComplianceGate(false).judge("acme", List.of(
                client("evil\u001b[31m app\nx", ClientVerdict.BREAKS, ClientVerdict.BREAKS, WILDCARD)));

        assertThat(answer.result()).endsWith(": \"evil?[31m app x\"");
        assertThat(String.join("\n", answer.lines())).doesNotContain("\u001b");
    }

    @Test
    void clientsAskedForAreKeptAndThoseTheRealmLacksAreNamed() {
        List<ComplianceGate.Entry> report = List.of(client("web", ClientVerdict.COMPLIANT, ClientVerdict.COMPLIANT),
                client("batch", ClientVerdict.BREAKS, ClientVerdict.BREAKS, WILDCARD));

        assertThat(ComplianceGate.only(report, List.of("web"))).extracting(entry -> entry.review().clientId()).containsExactly("web");
        assertThat(ComplianceGate.only(report, List.of())).hasSize(2);
        assertThat(ComplianceGate.missing(report, List.of("web", "nope", "nope"))).containsExactly("nope");
    }
}
