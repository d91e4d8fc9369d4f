package dev.keyward.oauth21.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Mode;
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
     * @param modes the realm's effective mode per rule
     */
    public ClientReview review(ReviewedClient client, Function<RuleId, Mode> modes) {
        List<ReportedFinding> findings = new ArrayList<>();
        for (Finding finding : baseline.checkStoredClient(client.settings())) {
            Mode mode = modes.apply(finding.rule());
            findings.add(ReportedFinding.of(finding.rule(), finding.violation(), mode, outcome(client, finding, mode)));
        }
        return new ClientReview(client.settings().clientId(), verdict(client, findings, false), verdict(client, findings, true), findings,
                version(client.settings()));
    }

    private static Outcome outcome(ReviewedClient client, Finding finding, Mode mode) {
        if (client.builtInExemptions().contains(finding.rule())) {
            return Outcome.BUILTIN;
        }
        if (client.grantedExemptions().containsKey(finding.rule())) {
            return Outcome.EXEMPTED;
        }
        if (!finding.violation().setting().refuses()) {
            return Outcome.CHANGES;
        }
        return switch (mode) {
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

    /** A short digest of the settings judged: changes when any of them changes. */
    public static String version(ClientSettings settings) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(settings.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
