package dev.keyward.oauth21.compliance;

import java.util.Locale;

/** What happens to a client's requests because of one finding, under the mode in force. */
public enum Outcome {
    /** Refused now: the rule is enforced. */
    BREAKS,
    /** Refused once the rule is enforced: it reports now. */
    REPORTED,
    /** Refused once the rule is enforced: it is off now. */
    OFF,
    /** Let off by an active exemption. */
    EXEMPTED,
    /** Let off by one of Keyward's built-in exemptions. */
    BUILTIN,
    /** Keeps working, but behaves differently (a public client's refresh tokens become single-use). */
    CHANGES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the request is refused once every rule is enforced. */
    public boolean refusedWhenEnforced() {
        return this == BREAKS || this == REPORTED || this == OFF;
    }
}
