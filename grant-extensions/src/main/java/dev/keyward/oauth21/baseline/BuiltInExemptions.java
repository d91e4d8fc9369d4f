package dev.keyward.oauth21.baseline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.keyward.oauth21.rule.RuleId;

/**
 * Keycloak's own clients that must keep working under the baseline, each listed with the rule
 * it is exempt from and why. These are documented defaults, shown with every realm's exemptions.
 */
public final class BuiltInExemptions {

    /** An exemption Keyward grants out of the box; {@code realm} null means every realm. */
    public record BuiltIn(String realm, String clientId, RuleId rule, String reason) {

        public boolean appliesIn(String realmName) {
            return realm == null || realm.equals(realmName);
        }
    }

    public static final List<BuiltIn> ALL = List.of(
            new BuiltIn("master", "admin-cli", Baseline.NO_PASSWORD_GRANT,
                    "kcadm.sh and other admin tools sign in to master with the password grant on admin-cli"),
            new BuiltIn(null, "security-admin-console", Baseline.EXACT_REDIRECT_URI,
                    "Keycloak registers the admin console with a relative wildcard redirect URI on Keycloak itself"),
            new BuiltIn(null, "account-console", Baseline.EXACT_REDIRECT_URI,
                    "Keycloak registers the account console with a relative wildcard redirect URI on Keycloak itself"),
            new BuiltIn(null, "account", Baseline.EXACT_REDIRECT_URI,
                    "Keycloak registers the account client with a relative wildcard redirect URI on Keycloak itself"));

    private BuiltInExemptions() {
    }

    /** The clients Keycloak creates in every realm (and the realm clients of master). */
    private static final Set<String> KEYCLOAKS_OWN = Set.of("account", "account-console", "admin-cli", "broker", "realm-management",
            "security-admin-console");

    /**
     * The clients a realm's (or the server's) profile does not raise: Keycloak's own consoles and tools and Keyward's
     * console, public clients that sign admins and users in to Keycloak itself. A profile such as FAPI 2.0 protects the
     * realm's applications; raised with them, the admin console could no longer sign anybody in. The client's own
     * {@code keyward.profile} still raises it.
     */
    public static final Set<String> NOT_RAISED_BY_THE_REALMS_PROFILE = Set.of("account", "account-console", "admin-cli", "security-admin-console",
            "keyward-console");

    public static boolean isKeycloaksOwn(String realm, String clientId) {
        return KEYCLOAKS_OWN.contains(clientId) || ("master".equals(realm) && clientId.endsWith("-realm"));
    }

    /** The built-in exemptions of one client of one realm. */
    public static List<BuiltIn> forClient(String realm, String clientId) {
        return ALL.stream().filter(exemption -> exemption.clientId().equals(clientId) && exemption.appliesIn(realm)).toList();
    }

    public static Optional<BuiltIn> find(String realm, String clientId, RuleId rule) {
        return forClient(realm, clientId).stream().filter(exemption -> exemption.rule().equals(rule)).findFirst();
    }
}
