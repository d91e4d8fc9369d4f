package dev.keyward.oauth21.modes;

import dev.keyward.oauth21.rule.Mode;

/**
 * A rule's mode for one client of one realm, and where it comes from.
 *
 * @param realmMode the realm's mode without exemptions: what applies once an exemption ends
 */
public record EffectiveMode(Mode mode, Source source, Mode realmMode) {

    /** A mode as the server sets it, no realm or client changing it. */
    public static EffectiveMode server(Mode mode) {
        return new EffectiveMode(mode, Source.SERVER, mode);
    }

    public enum Source {
        /** The server's option (or the default, enforce). */
        SERVER,
        /** The realm's attributes made the server's mode stricter. */
        REALM,
        /** One of Keyward's listed exemptions for Keycloak's own clients. */
        BUILT_IN_EXEMPTION,
        /** An exemption an admin granted, unexpired. */
        GRANTED_EXEMPTION
    }
}
