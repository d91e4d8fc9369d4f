package dev.keyward.oauth21.exemption;

import java.time.Duration;
import java.time.Instant;

import dev.keyward.oauth21.rule.RuleId;

/**
 * A client let off one rule for a while, with the reason an admin gave. It stops applying on
 * its own at {@code expires}, and never lasts longer than the server's cap counted from when it
 * was granted, however it was written.
 */
public record Exemption(RuleId rule, String reason, Instant expires, Instant grantedAt, String grantedBy) {

    public boolean activeAt(Instant now, int maxDays) {
        return maxDays > 0
                && now.isBefore(expires)
                && now.isBefore(grantedAt.plus(Duration.ofDays(maxDays)));
    }
}
