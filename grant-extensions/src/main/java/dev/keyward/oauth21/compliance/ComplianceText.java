package dev.keyward.oauth21.compliance;

import java.util.List;

/**
 * The compliance report as plain text, for places that can only show text (the admin console's
 * extension tab): the summary, then each client that breaks or would break once enforced, with
 * its findings and fixes, up to a limit.
 */
public final class ComplianceText {

    private ComplianceText() {
    }

    public static String render(List<ClientReview> reviews, int maxClients) {
        ComplianceSummary summary = ComplianceSummary.of(reviews);
        StringBuilder text = new StringBuilder()
                .append(summary.clients()).append(" clients: ").append(summary.compliant()).append(" compliant, ")
                .append(summary.breaks()).append(" break, ").append(summary.exempted()).append(" exempted, ")
                .append(summary.builtin()).append(" built-in; ").append(summary.breaksWhenEnforced())
                .append(" would break once every rule is enforced.\n");
        List<ClientReview> shown = reviews.stream().filter(r -> r.verdictWhenEnforced() == ClientVerdict.BREAKS).toList();
        for (ClientReview review : shown.subList(0, Math.min(maxClients, shown.size()))) {
            text.append('\n').append(review.clientId()).append(": ").append(review.verdict().id())
                    .append(" (once enforced: ").append(review.verdictWhenEnforced().id()).append(")\n");
            for (ReportedFinding finding : review.findings()) {
                if (finding.refusedWhenEnforced()) {
                    text.append("  ").append(finding.rule().id()).append(": ").append(finding.setting()).append(" = ")
                            .append(finding.value().isEmpty() ? "(not set)" : finding.value()).append(" -> ").append(finding.fix()).append('\n');
                }
            }
        }
        if (shown.size() > maxClients) {
            text.append("\n... and ").append(shown.size() - maxClients).append(" more clients; the full report is served by the admin REST API.\n");
        }
        return text.toString();
    }
}
