package dev.keyward.oauth21.rule;

import java.util.List;
import java.util.Optional;

/** What a rule does when a request breaks it. */
public enum Mode {
    /** The rule is not evaluated. */
    OFF,
    /** The request proceeds; the finding is recorded as an event and logged. */
    REPORT,
    /** The request is rejected with an OAuth error; the finding is recorded as an event and logged. */
    ENFORCE;

    /** {@code off}, {@code report} or {@code enforce} (any case, surrounding spaces ignored), else empty. */
    public static Optional<Mode> parse(String value) {
        return LowerCaseIds.parse(values(), value);
    }

    public static List<String> ids() {
        return LowerCaseIds.all(values());
    }

    public String id() {
        return LowerCaseIds.of(this);
    }

    /** This mode, or {@code ceiling} where this one is stricter. */
    public Mode atMost(Mode ceiling) {
        return compareTo(ceiling) <= 0 ? this : ceiling;
    }

    /** The stricter of two modes: a realm may tighten the server's baseline, never loosen it. */
    public Mode stricter(Mode other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
