package dev.keyward.oauth21.compliance;

import java.util.Locale;

/** What the baseline means for one client. */
public enum ClientVerdict {
    /** Nothing it is set up to do will be refused. */
    COMPLIANT,
    /** Some of its requests will be refused (in enforce mode). */
    BREAKS,
    /** It would break, but an active exemption lets it off until the exemption expires. */
    EXEMPTED,
    /** One of Keycloak's own clients, kept working by Keyward's built-in exemptions. */
    BUILTIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
