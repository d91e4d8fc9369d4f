package dev.keyward.authenticators.gate;

import java.util.List;
import java.util.Map;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;

/**
 * The gate's settings: the name of the client role that grants access. A client opts in by
 * defining a client role of that name; users get it directly, through a composite role, or
 * through a group. Clients without the role are not gated.
 */
public record AccessGateConfig(String accessRole) {

    public static final Setting<String> ACCESS_ROLE = Setting.text("access-role", "Access role",
            "Name of the client role that grants access. A client opts in by defining a client role with this name.", "access");
    public static final List<Setting<?>> SETTINGS = List.of(ACCESS_ROLE);

    /**
     * Reads the authenticator's config; a missing or blank value means the default. Any other
     * text can name a client role, so no value is unreadable and {@code problems} stays as it was.
     */
    public static AccessGateConfig read(Map<String, String> settings, Problems problems) {
        return new AccessGateConfig(ACCESS_ROLE.read(settings, problems));
    }
}
