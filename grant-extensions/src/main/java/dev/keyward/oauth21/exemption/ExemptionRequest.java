package dev.keyward.oauth21.exemption;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.keyward.oauth21.rule.RuleId;

/** An admin's request to exempt a client from a rule, checked against the server's limits. */
public record ExemptionRequest(String rule, String reason, String expires) {

    static final int MAX_REASON_LENGTH = 500;

    /**
     * Every problem with the request, in words an admin can act on; empty when it can be granted.
     *
     * @param rules the rules a client can be exempted from
     */
    public List<String> problems(Instant now, int maxDays, List<RuleId> rules) {
        List<String> problems = new ArrayList<>();
        if (maxDays <= 0) {
            problems.add("exemptions are disabled on this server (exemption-max-days=0)");
            return problems;
        }
        if (RuleId.find(rules, rule).isEmpty()) {
            problems.add("rule '" + rule + "' is unknown; the rules are " + RuleId.list(rules));
        }
        if (reason == null || reason.isBlank()) {
            problems.add("reason is required: say why the client needs the exemption");
        } else if (reason.length() > MAX_REASON_LENGTH) {
            problems.add("reason may have at most " + MAX_REASON_LENGTH + " characters");
        }
        Optional<Instant> expiry = parseExpiry(expires);
        if (expiry.isEmpty()) {
            problems.add("expires is required, as a date (2026-12-31, meaning its start in UTC) or an instant (2026-12-31T12:00:00Z)");
        } else if (!expiry.get().isAfter(now)) {
            problems.add("expires must be in the future");
        } else if (expiry.get().isAfter(now.plus(Duration.ofDays(maxDays)))) {
            problems.add("expires may be at most " + maxDays + " days ahead (server option exemption-max-days)");
        }
        return problems;
    }

    /** The exemption to store; call only when {@link #problems} is empty. */
    public Exemption grant(Instant now, String grantedBy, List<RuleId> rules) {
        return new Exemption(RuleId.find(rules, rule).orElseThrow(), reason.strip(), parseExpiry(expires).orElseThrow(), now, grantedBy);
    }

    static Optional<Instant> parseExpiry(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
