package dev.keyward.oauth21.compliance;

import java.util.List;

/**
 * One client in the compliance report.
 *
 * @param verdict             with the modes in force
 * @param verdictWhenEnforced once every rule is enforced
 * @param version             identifies the settings judged, so a fix can refuse to act on a client changed since
 */
public record ClientReview(String clientId, ClientVerdict verdict, ClientVerdict verdictWhenEnforced, List<ReportedFinding> findings,
                           String version) {

    public ClientReview {
        findings = List.copyOf(findings);
    }
}
