package dev.keyward.oauth21.rule;

import java.util.List;
import java.util.Optional;

/**
 * The security profile a client is held to. Each is the one before it and more: a FAPI 2.0 client
 * meets every OAuth 2.1 rule as well. A server, a realm and a client can each raise it, never lower
 * it, so the stricter of the three applies.
 */
public enum Profile {
    /** OAuth 2.1 and the client-hygiene rules: every client. */
    OAUTH21,
    /** FAPI 2.0 Security Profile: the clients raised to it. */
    FAPI2;

    /** {@code oauth21} or {@code fapi2} (any case, surrounding spaces ignored), else empty. */
    public static Optional<Profile> parse(String value) {
        return LowerCaseIds.parse(values(), value);
    }

    public static List<String> ids() {
        return LowerCaseIds.all(values());
    }

    public String id() {
        return LowerCaseIds.of(this);
    }

    /** Whether a client of this profile is held to the rules of {@code other}. */
    public boolean includes(Profile other) {
        return compareTo(other) >= 0;
    }

    public Profile stricter(Profile other) {
        return includes(other) ? this : other;
    }
}
