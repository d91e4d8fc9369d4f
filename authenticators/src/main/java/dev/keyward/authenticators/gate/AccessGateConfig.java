package dev.keyward.authenticators.gate;

import java.util.Map;

import dev.keyward.settings.Problems;

/**
 * The gate's settings: the name of the client role that grants access. A client opts in by
 * defining a client role of that name; users get it directly, through a composite role, or
 * through a group. Clients without the role are not gated.
 */
public record AccessGateConfig(String accessRole) {

    public static final String ACCESS_ROLE = "access-role";
    public static final String DEFAULT_ACCESS_ROLE = "access";

    /**
     * Reads the authenticator's config; a missing or blank value means the default. Any other
     * text can name a client role, so no value is unreadable and {@code problems} stays as it was.
     */
    public static AccessGateConfig read(Map<String, String> settings, Problems problems) {
        String role = settings == null ? null : settings.get(ACCESS_ROLE);
        return new AccessGateConfig(role == null || role.isBlank() ? DEFAULT_ACCESS_ROLE : role.strip());
    }
}
