package dev.keyward.oauth21.compliance;

import java.util.ArrayList;
import java.util.Collections;
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

    /** FNV-1's offset basis and prime, for {@link #version}. */
    private static final long VERSION_SEED = 0xcbf29ce484222325L;
    private static final long VERSION_MULTIPLIER = 0x100000001b3L;

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

    /**
     * A 64-bit hash of the settings judged, for a fix to notice that the client changed since the
     * report was read (an optimistic lock among admins, not a secret, so no cryptographic digest: a
     * report on 10,000 clients computes one each). Independent of the order in which the store lists
     * the redirect URIs (a set in Keycloak), and the same on every node and JVM.
     */
    public static String version(ClientSettings settings) {
        long hash = mix(mix(VERSION_SEED, settings.clientId()), settings.pkceMethod());
        hash = hash * VERSION_MULTIPLIER + ((settings.publicClient() ? 1 : 0) | (settings.standardFlow() ? 2 : 0)
                | (settings.implicitFlow() ? 4 : 0) | (settings.directAccessGrants() ? 8 : 0));
        List<String> uris = settings.redirectUris();
        if (uris.size() > 1) {
            uris = new ArrayList<>(uris);
            Collections.sort(uris);
        }
        for (String uri : uris) {
            hash = mix(hash, uri);
        }
        return HexFormat.of().toHexDigits(hash);
    }

    /** Polynomial hash of the text, then a separator, so that "ab","c" and "a","bc" differ; null differs from "". */
    private static long mix(long hash, String text) {
        if (text == null) {
            return hash * VERSION_MULTIPLIER + 1;
        }
        long mixed = hash;
        for (int i = 0; i < text.length(); i++) {
            mixed = mixed * VERSION_MULTIPLIER + text.charAt(i);
        }
        return mixed * VERSION_MULTIPLIER + 2;
    }
}
