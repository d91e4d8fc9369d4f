package dev.keyward.oauth21.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.modes.EffectiveMode;
import dev.keyward.oauth21.refresh.RefreshTokenRules;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.RuleId;

/**
 * Judges stored clients with the same rules the executor runs on live requests: a registration
 * judged in full plus what the client's requests will meet, then the modes in force and the
 * exemptions decide each finding's outcome and the client's verdict.
 */
public final class ComplianceScan {

    private final Baseline baseline;

    public ComplianceScan(Baseline baseline) {
        this.baseline = baseline;
    }

    /**
     * @param modes the client's mode per rule, as {@code ModePolicy} decides it for requests
     */
    public ClientReview review(ReviewedClient client, Function<RuleId, EffectiveMode> modes) {
        List<ReportedFinding> findings = new ArrayList<>();
        for (Finding finding : baseline.checkStoredClient(client.settings())) {
            EffectiveMode mode = modes.apply(finding.rule());
            findings.add(ReportedFinding.of(finding.rule(), finding.violation(), mode.realmMode(), outcome(finding, mode)));
        }
        return new ClientReview(client.settings().clientId(), verdict(client, findings, false), verdict(client, findings, true), findings,
                client.settings().version(), RefreshTokenRules.protection(client.settings()), client.settings().profile(),
                client.settings().realmProfile());
    }

    private static Outcome outcome(Finding finding, EffectiveMode mode) {
        if (mode.source() == EffectiveMode.Source.BUILT_IN_EXEMPTION) {
            return Outcome.BUILTIN;
        }
        if (mode.source() == EffectiveMode.Source.GRANTED_EXEMPTION) {
            return Outcome.EXEMPTED;
        }
        if (!finding.violation().setting().refuses()) {
            return Outcome.CHANGES;
        }
        return switch (mode.mode()) {
            case ENFORCE -> Outcome.BREAKS;
            case REPORT -> Outcome.REPORTED;
            case OFF -> Outcome.OFF;
        };
    }

    private static ClientVerdict verdict(ReviewedClient client, List<ReportedFinding> findings, boolean everythingEnforced) {
        if (findings.stream().anyMatch(f -> everythingEnforced ? f.refusedWhenEnforced() : f.outcome() == Outcome.BREAKS)) {
            return ClientVerdict.BREAKS;
        }
        if (findings.stream().anyMatch(f -> f.outcome() == Outcome.EXEMPTED)) {
            return ClientVerdict.EXEMPTED;
        }
        if (client.keycloaksOwn() || findings.stream().anyMatch(f -> f.outcome() == Outcome.BUILTIN)) {
            return ClientVerdict.BUILTIN;
        }
        return ClientVerdict.COMPLIANT;
    }
}
