package dev.keyward.mappers.access;

import java.util.List;
import java.util.Map;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;

/** The filtered roles-and-groups mapper's settings, read from its config in one place. */
public record AccessClaimConfig(boolean realmRoles, boolean clientRoles, boolean groups,
                                List<GlobPattern> include, List<GlobPattern> exclude, boolean audienceClientsOnly,
                                String stripPrefix, Shape shape, boolean deduplicate, int maxEntries, int maxBytes) {

    public static final Setting<Boolean> REALM_ROLES = Setting.flag("realm-roles", "Realm roles", "Add the user's realm roles.", true);
    public static final Setting<Boolean> CLIENT_ROLES = Setting.flag("client-roles", "Client roles", "Add the user's client roles.", true);
    public static final Setting<Boolean> GROUPS = Setting.flag("groups", "Groups",
            "Add the user's groups, as full paths such as /staff/engineering.", false);
    public static final Setting<List<String>> INCLUDE = Setting.multivalued("include", "Include",
            "Keep only entries matching one of these patterns (* any characters, ? one). Realm roles match as 'role',"
                    + " client roles as 'client-id/role', groups as '/group/path'. Empty: keep all.");
    public static final Setting<List<String>> EXCLUDE = Setting.multivalued("exclude", "Exclude",
            "Drop entries matching one of these patterns, after Include.");
    public static final Setting<Boolean> AUDIENCE_CLIENTS_ONLY = Setting.flag("audience-clients-only", "Only clients in the audience",
            "Client roles only of clients in the token's audience.", false);
    public static final Setting<String> STRIP_PREFIX = Setting.text("strip-prefix", "Strip prefix",
            "Removed from the start of each role name or group path, e.g. 'app-'.", "");
    public static final Setting<Shape> SHAPE = Setting.choice("shape", "Output shape",
            "array: [\"admin\", ...]. by-client: {\"realm\": [...], \"<client-id>\": [...], \"groups\": [...]}. string: space-delimited.",
            Shape.values(), Shape::value, Shape.ARRAY, Shape.ARRAY);
    public static final Setting<Boolean> DEDUPLICATE = Setting.flag("deduplicate", "Drop duplicates",
            "Drop repeated names (within a client, for by-client).", true);
    public static final Setting<Integer> MAX_ENTRIES = Setting.wholeNumber("max-entries", "Maximum entries",
            "Cut the claim after this many entries, in a fixed order, and add '<claim>_truncated': true. 0: no limit.", 0, 0, "0: no limit");
    public static final Setting<Integer> MAX_BYTES = Setting.wholeNumber("max-bytes", "Maximum bytes",
            "Cut the claim when its JSON would exceed this many bytes, and add '<claim>_truncated': true. 0: no limit.", 0, 0, "0: no limit");
    /** In the order the admin console shows them. */
    public static final List<Setting<?>> SETTINGS = List.of(REALM_ROLES, CLIENT_ROLES, GROUPS, INCLUDE, EXCLUDE, AUDIENCE_CLIENTS_ONLY,
            STRIP_PREFIX, SHAPE, DEDUPLICATE, MAX_ENTRIES, MAX_BYTES);

    public AccessClaimConfig {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** How the claim looks. */
    public enum Shape {
        /** {@code ["admin", "viewer", "/staff"]} */
        ARRAY("array"),
        /** {@code {"realm": ["admin"], "billing": ["viewer"], "groups": ["/staff"]}} */
        BY_CLIENT("by-client"),
        /** {@code "admin viewer /staff"} */
        STRING("string");

        private final String value;

        Shape(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** Reads the settings; each value that cannot be read is added to {@code problems} and replaced by its default. */
    public static AccessClaimConfig read(Map<String, String> settings, Problems problems) {
        return new AccessClaimConfig(REALM_ROLES.read(settings, problems), CLIENT_ROLES.read(settings, problems), GROUPS.read(settings, problems),
                patterns(INCLUDE.read(settings, problems)), patterns(EXCLUDE.read(settings, problems)),
                AUDIENCE_CLIENTS_ONLY.read(settings, problems), STRIP_PREFIX.read(settings, problems), SHAPE.read(settings, problems),
                DEDUPLICATE.read(settings, problems), MAX_ENTRIES.read(settings, problems), MAX_BYTES.read(settings, problems));
    }

    private static List<GlobPattern> patterns(List<String> values) {
        return values.stream().map(GlobPattern::new).toList();
    }
}
