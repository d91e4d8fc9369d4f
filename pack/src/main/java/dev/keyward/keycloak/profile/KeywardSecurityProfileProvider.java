package dev.keyward.keycloak.profile;

import java.util.List;

import org.keycloak.representations.idm.ClientPolicyRepresentation;
import org.keycloak.representations.idm.ClientProfileRepresentation;
import org.keycloak.securityprofile.SecurityProfileProvider;

/** Keycloak's default global client profiles and policies plus Keyward's OAuth 2.1 baseline. */
public class KeywardSecurityProfileProvider implements SecurityProfileProvider {

    private final String name;
    private final List<ClientProfileRepresentation> profiles;
    private final List<ClientPolicyRepresentation> policies;

    KeywardSecurityProfileProvider(String name, List<ClientProfileRepresentation> profiles, List<ClientPolicyRepresentation> policies) {
        this.name = name;
        this.profiles = profiles;
        this.policies = policies;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<ClientProfileRepresentation> getDefaultClientProfiles() {
        return profiles;
    }

    @Override
    public List<ClientPolicyRepresentation> getDefaultClientPolicies() {
        return policies;
    }

    /** Shared by every session: nothing to release. */
    @Override
    public void close() {
    }
}
