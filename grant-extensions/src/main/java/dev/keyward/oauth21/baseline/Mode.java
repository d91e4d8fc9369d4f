package dev.keyward.oauth21.baseline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a rule does when a request breaks it. */
public enum Mode {
    /** The rule is not evaluated. */
    OFF,
    /** The request proceeds; the finding is recorded as an event and logged. */
    REPORT,
    /** The request is rejected with an OAuth error; the finding is recorded as an event and logged. */
    ENFORCE;

    /** Parses {@code off}, {@code report} or {@code enforce}; anything else is a configuration error naming the option. */
    public static Mode parse(String option, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Keyward: " + option + " is '" + value + "' but must be one of "
                    + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stricter of two modes: a realm may tighten the server's baseline, never loosen it. */
    public Mode stricter(Mode other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
