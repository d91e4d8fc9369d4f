package dev.keyward.mappers.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.keyward.settings.MultivaluedSetting;
import dev.keyward.settings.Problems;

/** The filtered roles-and-groups mapper's settings, read from its config in one place. */
public record AccessClaimConfig(boolean realmRoles, boolean clientRoles, boolean groups,
                                List<GlobPattern> include, List<GlobPattern> exclude, boolean audienceClientsOnly,
                                String stripPrefix, Shape shape, boolean deduplicate, int maxEntries, int maxBytes) {

    public static final String REALM_ROLES = "realm-roles";
    public static final String CLIENT_ROLES = "client-roles";
    public static final String GROUPS = "groups";
    public static final String INCLUDE = "include";
    public static final String EXCLUDE = "exclude";
    public static final String AUDIENCE_CLIENTS_ONLY = "audience-clients-only";
    public static final String STRIP_PREFIX = "strip-prefix";
    public static final String SHAPE = "shape";
    public static final String DEDUPLICATE = "deduplicate";
    public static final String MAX_ENTRIES = "max-entries";
    public static final String MAX_BYTES = "max-bytes";

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

        static Shape parse(String value, Problems problems) {
            for (Shape shape : values()) {
                if (shape.value.equals(value)) {
                    return shape;
                }
            }
            problems.add(SHAPE, "Output shape '" + value + "' is not one of "
                    + Arrays.stream(values()).map(Shape::value).collect(Collectors.joining(", ")) + ".");
            return ARRAY;
        }
    }

    /** Reads the settings; each value that cannot be read is added to {@code problems} and replaced by its default. */
    public static AccessClaimConfig read(Map<String, String> settings, Problems problems) {
        Map<String, String> values = settings == null ? Map.of() : settings;
        return new AccessClaimConfig(
                flag(values, REALM_ROLES, true),
                flag(values, CLIENT_ROLES, true),
                flag(values, GROUPS, false),
                patterns(values.get(INCLUDE)),
                patterns(values.get(EXCLUDE)),
                flag(values, AUDIENCE_CLIENTS_ONLY, false),
                values.getOrDefault(STRIP_PREFIX, ""),
                Shape.parse(values.getOrDefault(SHAPE, Shape.ARRAY.value()).strip().toLowerCase(Locale.ROOT), problems),
                flag(values, DEDUPLICATE, true),
                limit(values, MAX_ENTRIES, "Maximum entries", problems),
                limit(values, MAX_BYTES, "Maximum bytes", problems));
    }

    private static boolean flag(Map<String, String> values, String key, boolean fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.strip());
    }

    private static List<GlobPattern> patterns(String stored) {
        return MultivaluedSetting.values(stored).stream().map(GlobPattern::new).toList();
    }

    private static int limit(Map<String, String> values, String key, String label, Problems problems) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key, label + " must be a whole number of 0 or more (0: no limit), not '" + value + "'.");
        return 0;
    }
}
