package dev.keyward.oauth21.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.rule.Mode;
import org.junit.jupiter.api.Test;

class ClientQueryTest {

    private static final ReportedFinding WILDCARD = new ReportedFinding(Baseline.EXACT_REDIRECT_URI, "redirectUris", "https://app.example/*",
            "list each redirect URI exactly", "a wildcard", Mode.ENFORCE, Outcome.BREAKS, null);
    private static final ReportedFinding PASSWORD_REPORTED = new ReportedFinding(Baseline.NO_PASSWORD_GRANT, "directAccessGrantsEnabled",
            "true", "switch off Direct access grants", "the password grant", Mode.REPORT, Outcome.REPORTED, "false");

    private static final List<ComplianceGate.Entry> REPORT = List.of(
            entry("admin-cli", ClientVerdict.BUILTIN, ClientVerdict.BUILTIN, 0),
            entry("Batch-Job", ClientVerdict.COMPLIANT, ClientVerdict.BREAKS, 3, PASSWORD_REPORTED),
            entry("legacy-spa", ClientVerdict.BREAKS, ClientVerdict.BREAKS, 9, WILDCARD, PASSWORD_REPORTED),
            entry("partner", ClientVerdict.EXEMPTED, ClientVerdict.EXEMPTED, 1),
            entry("web", ClientVerdict.COMPLIANT, ClientVerdict.COMPLIANT, 0));

    private static ComplianceGate.Entry entry(String id, ClientVerdict verdict, ClientVerdict later, int runtime, ReportedFinding... findings) {
        return new ComplianceGate.Entry(new ClientReview(id, verdict, later, List.of(findings), "v1", Optional.empty(), Profile.OAUTH21,
                Profile.OAUTH21), new RuntimeActivity(runtime, null, List.of()));
    }

    private static List<String> shown(String verdict, String rule, String search, String sort) {
        return ClientQuery.of(verdict, rule, search, sort, Baseline.oauth21().ruleIds()).apply(REPORT).stream()
                .map(entry -> entry.review().clientId()).toList();
    }

    @Test
    void withoutFiltersEveryClientIsShownByClientId() {
        assertThat(shown(null, "", " ", null)).containsExactly("Batch-Job", "admin-cli", "legacy-spa", "partner", "web");
    }

    @Test
    void filtersByVerdictIncludingThoseThatBreakOnceEnforced() {
        assertThat(shown("compliant", null, null, null)).containsExactly("Batch-Job", "web");
        assertThat(shown("breaks", null, null, null)).containsExactly("legacy-spa");
        assertThat(shown("breaks-when-enforced", null, null, null)).containsExactly("Batch-Job", "legacy-spa");
    }

    @Test
    void filtersByRuleAndByTextInTheClientIdIgnoringCase() {
        assertThat(shown(null, "no-password-grant", null, null)).containsExactly("Batch-Job", "legacy-spa");
        assertThat(shown(null, "exact-redirect-uri", "SPA", null)).containsExactly("legacy-spa");
        assertThat(shown(null, null, "JOB", null)).containsExactly("Batch-Job");
    }

    @Test
    void sortsWorstFirstByVerdictAndByCountsEitherWay() {
        assertThat(shown(null, null, null, "verdict")).containsExactly("legacy-spa", "Batch-Job", "partner", "web", "admin-cli");
        assertThat(shown(null, null, null, "-runtime")).containsExactly("legacy-spa", "Batch-Job", "partner", "admin-cli", "web");
        assertThat(shown(null, null, null, "findings")).containsExactly("admin-cli", "partner", "web", "Batch-Job", "legacy-spa");
        assertThat(shown(null, null, null, "-clientId")).containsExactly("web", "partner", "legacy-spa", "admin-cli", "Batch-Job");
    }

    @Test
    void unknownValuesAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> shown("broken", null, null, null)).hasMessage(
                "verdict must be one of compliant, breaks, exempted, builtin, breaks-when-enforced");
        assertThatThrownBy(() -> shown(null, "pkce", null, null)).hasMessageStartingWith("rule must be one of pkce-required, ");
        assertThatThrownBy(() -> shown(null, null, null, "name")).hasMessage(
                "sort must be one of clientId, verdict, findings, runtime, each with - before it to reverse");
    }
}
