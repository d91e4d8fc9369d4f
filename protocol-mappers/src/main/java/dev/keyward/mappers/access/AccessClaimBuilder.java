package dev.keyward.mappers.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the roles-and-groups claim: filter, order, rename, de-duplicate, cut to budget, shape.
 * The order is fixed (realm roles, then client roles by client, then groups; each by name), so the
 * same user gets the same claim and a cut always drops the same entries.
 */
public final class AccessClaimBuilder {

    static final String REALM_KEY = "realm";
    static final String GROUPS_KEY = "groups";

    private static final Comparator<AccessEntry> ORDER = Comparator.comparing(AccessEntry::kind)
            .thenComparing(e -> e.clientId() == null ? "" : e.clientId())
            .thenComparing(AccessEntry::name);

    private AccessClaimBuilder() {
    }

    /**
     * @param entries  the user's effective roles and group memberships
     * @param audience the token's audience (client IDs), for "audience clients only"
     */
    public static AccessClaim build(Collection<AccessEntry> entries, Set<String> audience, AccessClaimConfig config) {
        List<AccessEntry> selected = new ArrayList<>(entries.size());
        for (AccessEntry entry : entries) {
            if (wanted(entry, audience, config)) {
                selected.add(entry);
            }
        }
        selected.sort(ORDER);

        Budget budget = new Budget(config);
        Set<String> seen = config.deduplicate() ? new HashSet<>() : null;
        List<String> flat = new ArrayList<>();
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (AccessEntry entry : selected) {
            String name = outputName(entry, config.stripPrefix());
            String key = config.shape() == AccessClaimConfig.Shape.BY_CLIENT ? key(entry) : null;
            if (seen != null && !seen.add(key == null ? name : key + '\u0000' + name)) {
                continue;
            }
            List<String> group = key == null ? flat : byKey.get(key);
            if (!budget.admit(name, key, group == null)) {
                return new AccessClaim(value(config.shape(), flat, byKey), true);
            }
            if (key != null) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
            } else {
                flat.add(name);
            }
        }
        return new AccessClaim(value(config.shape(), flat, byKey), false);
    }

    private static boolean wanted(AccessEntry entry, Set<String> audience, AccessClaimConfig config) {
        switch (entry.kind()) {
            case REALM_ROLE -> {
                if (!config.realmRoles()) {
                    return false;
                }
            }
            case CLIENT_ROLE -> {
                if (!config.clientRoles() || config.audienceClientsOnly() && !audience.contains(entry.clientId())) {
                    return false;
                }
            }
            case GROUP -> {
                if (!config.groups()) {
                    return false;
                }
            }
        }
        String qualified = entry.qualifiedName();
        if (!config.include().isEmpty() && config.include().stream().noneMatch(p -> p.matches(qualified))) {
            return false;
        }
        return config.exclude().stream().noneMatch(p -> p.matches(qualified));
    }

    private static String outputName(AccessEntry entry, String prefix) {
        String name = entry.name();
        return !prefix.isEmpty() && name.startsWith(prefix) && name.length() > prefix.length() ? name.substring(prefix.length()) : name;
    }

    private static String key(AccessEntry entry) {
        return switch (entry.kind()) {
            case REALM_ROLE -> REALM_KEY;
            case CLIENT_ROLE -> entry.clientId();
            case GROUP -> GROUPS_KEY;
        };
    }

    private static Object value(AccessClaimConfig.Shape shape, List<String> flat, Map<String, List<String>> byKey) {
        return switch (shape) {
            case ARRAY -> flat.isEmpty() ? null : flat;
            case STRING -> flat.isEmpty() ? null : String.join(" ", flat);
            case BY_CLIENT -> byKey.isEmpty() ? null : byKey;
        };
    }

    /** Counts entries and the claim's serialized JSON size as it grows. */
    private static final class Budget {
        private final AccessClaimConfig config;
        private int entries;
        private long bytes;

        Budget(AccessClaimConfig config) {
            this.config = config;
            this.bytes = 2; // [] or {} or ""
        }

        boolean admit(String name, String key, boolean newKey) {
            long cost = switch (config.shape()) {
                case ARRAY -> (entries > 0 ? 1 : 0) + JsonSize.ofString(name);
                case STRING -> (entries > 0 ? 1 : 0) + JsonSize.ofString(name) - 2;
                case BY_CLIENT -> (newKey ? (entries > 0 ? 1 : 0) + JsonSize.ofString(key) + 3 : 1) + JsonSize.ofString(name);
            };
            if (config.maxEntries() > 0 && entries + 1 > config.maxEntries()
                    || config.maxBytes() > 0 && bytes + cost > config.maxBytes()) {
                return false;
            }
            entries++;
            bytes += cost;
            return true;
        }
    }
}
