package dev.keyward.oauth21.compliance;

import java.util.List;
import java.util.Optional;

import dev.keyward.oauth21.refresh.RefreshTokenRules;
import dev.keyward.oauth21.rule.Profile;

/**
 * One client in the compliance report.
 *
 * @param verdict             with the modes in force
 * @param verdictWhenEnforced once every rule is enforced
 * @param version             identifies the settings judged, so a fix can refuse to act on a client changed since
 * @param refreshTokens       how a public client's refresh tokens are protected (rotation or DPoP); empty for the others
 * @param profile             the profile the client is held to
 * @param realmProfile        the profile its realm holds it to; {@code profile} is stricter when the client raises itself
 */
public record ClientReview(String clientId, ClientVerdict verdict, ClientVerdict verdictWhenEnforced, List<ReportedFinding> findings,
                           String version, Optional<RefreshTokenRules.Protection> refreshTokens, Profile profile, Profile realmProfile) {

    public ClientReview {
        findings = List.copyOf(findings);
    }
}
