package dev.keyward.keycloak.profile;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.securityprofile.SecurityProfileProvider;
import org.keycloak.securityprofile.SecurityProfileProviderFactory;
import org.keycloak.services.clientpolicy.ClientPoliciesUtil;
import org.keycloak.services.clientpolicy.ClientPolicyException;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;

/**
 * Makes the OAuth 2.1 baseline global: Keycloak merges a security profile's client profiles and
 * policies into every realm, including realms created or imported later, and realm admins
 * cannot edit them. Keycloak's own default profile is kept and extended, not replaced.
 * Its order makes it Keycloak's default security profile without any option; set
 * {@code --spi-security-profile--provider=default} to go back to Keycloak's alone.
 */
public class KeywardSecurityProfileProviderFactory implements SecurityProfileProviderFactory, StatelessProviderFactory<SecurityProfileProvider> {

    public static final String PROVIDER_ID = "keyward";
    static final String STOCK_PROVIDER_ID = "default";
    static final String PROFILES_FILE = "keyward-oauth21-client-profiles";
    static final String POLICIES_FILE = "keyward-oauth21-client-policies";

    private volatile KeywardSecurityProfileProvider provider;

    @Override
    public SecurityProfileProvider create(KeycloakSession session) {
        if (provider == null) {
            synchronized (this) {
                if (provider == null) {
                    provider = load(session);
                }
            }
        }
        return provider;
    }

    private static KeywardSecurityProfileProvider load(KeycloakSession session) {
        SecurityProfileProvider stock = session.getProvider(SecurityProfileProvider.class, STOCK_PROVIDER_ID);
        List<ClientProfileRepresentation> profiles = new ArrayList<>(stock == null ? List.of() : stock.getDefaultClientProfiles());
        List<ClientPolicyRepresentation> policies = new ArrayList<>(stock == null ? List.of() : stock.getDefaultClientPolicies());
        try {
            profiles.addAll(ClientPoliciesUtil.readGlobalClientProfilesRepresentation(session, PROFILES_FILE));
            policies.addAll(ClientPoliciesUtil.readGlobalClientPoliciesRepresentation(session, POLICIES_FILE, profiles));
        } catch (ClientPolicyException e) {
            throw new IllegalStateException("Keyward JAR is damaged: its global client policies do not load: " + e.getErrorDetail(), e);
        }
        String name = stock == null ? PROVIDER_ID : stock.getName() + "+" + PROVIDER_ID;
        return new KeywardSecurityProfileProvider(name, List.copyOf(profiles), List.copyOf(policies));
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** Above Keycloak's own provider (order 0), so Keycloak picks this one as the default. */
    @Override
    public int order() {
        return 100;
    }
}
