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
 * Builds the roles-and-groups claim: filter, rename, de-duplicate, cut to budget, shape. Without a
 * budget the entries keep Keycloak's order; with one they are sorted first (realm roles, client
 * roles by client, groups; each by name), so a cut always drops the same entries.
 */
public final class AccessClaimBuilder {

    static final String REALM_KEY = "realm";
    static final String GROUPS_KEY = "groups";

    // Written out rather than chained from Comparator.comparing: it runs ~5000 times per token for 500 roles.
    private static final Comparator<AccessEntry> ORDER = (a, b) -> {
        int byKind = Integer.compare(a.kind().ordinal(), b.kind().ordinal());
        if (byKind != 0) {
            return byKind;
        }
        if (a.clientId() != null && b.clientId() != null) {
            int byClient = a.clientId().compareTo(b.clientId());
            if (byClient != 0) {
                return byClient;
            }
        }
        return a.name().compareTo(b.name());
    };

    private AccessClaimBuilder() {
    }

    /**
     * @param entries  the user's effective roles and group memberships
     * @param audience the token's audience (client IDs), for "audience clients only"
     */
    public static AccessClaim build(Collection<AccessEntry> entries, Set<String> audience, AccessClaimConfig config) {
        // Sorting costs more than the rest of the work for 100 groups; it is only needed to make a cut repeatable,
        // so without a budget the entries are filtered on the way through, in Keycloak's order.
        boolean budgeted = config.maxEntries() > 0 || config.maxBytes() > 0;
        Collection<AccessEntry> source = entries;
        if (budgeted) {
            List<AccessEntry> selected = new ArrayList<>(entries.size());
            for (AccessEntry entry : entries) {
                if (wanted(entry, audience, config)) {
                    selected.add(entry);
                }
            }
            selected.sort(ORDER);
            source = selected;
        }

        Budget budget = new Budget(config);
        boolean byClient = config.shape() == AccessClaimConfig.Shape.BY_CLIENT;
        // Names can only repeat after stripping a prefix, or across clients in a flat claim; skip the set otherwise.
        boolean mayRepeat = !config.stripPrefix().isEmpty() || !byClient && config.clientRoles();
        Set<String> seen = config.deduplicate() && mayRepeat ? new HashSet<>() : null;
        List<String> flat = byClient ? List.of() : new ArrayList<>(source.size());
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (AccessEntry entry : source) {
            if (!budgeted && !wanted(entry, audience, config)) {
                continue;
            }
            String name = outputName(entry, config.stripPrefix());
            String key = byClient ? key(entry) : null;
            if (seen != null && !seen.add(byClient ? key + '\u0000' + name : name)) {
                continue;
            }
            List<String> group = byClient ? byKey.get(key) : flat;
            if (!budget.admit(name, key, group == null)) {
                return new AccessClaim(value(config.shape(), flat, byKey), true);
            }
            if (group == null) {
                group = new ArrayList<>();
                byKey.put(key, group);
            }
            group.add(name);
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
        if (config.include().isEmpty() && config.exclude().isEmpty()) {
            return true;
        }
        String qualified = entry.qualifiedName();
        if (!config.include().isEmpty() && !anyMatches(config.include(), qualified)) {
            return false;
        }
        return !anyMatches(config.exclude(), qualified);
    }

    private static boolean anyMatches(List<GlobPattern> patterns, String text) {
        for (GlobPattern pattern : patterns) {
            if (pattern.matches(text)) {
                return true;
            }
        }
        return false;
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
            if (config.maxBytes() == 0) {
                entries++;
                return config.maxEntries() == 0 || entries <= config.maxEntries();
            }
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
