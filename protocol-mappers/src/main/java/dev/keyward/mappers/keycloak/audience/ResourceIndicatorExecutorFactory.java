package dev.keyward.mappers.keycloak.audience;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;

/** The RFC 8707 check behind {@link ResourceAudienceMapper}; Keyward's global client policy runs it for every client. */
public class ResourceIndicatorExecutorFactory implements ClientPolicyExecutorProviderFactory, StatelessProviderFactory<ClientPolicyExecutorProvider> {

    public static final String PROVIDER_ID = "keyward-resource-indicators";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new ResourceIndicatorExecutor(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Keyward: refuses RFC 8707 resource values a client's 'Keyward audience from resource indicators' mapper does not"
                + " allow, with invalid_target. Clients without that mapper are not affected.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
