package dev.keyward.keycloak.condition;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProviderFactory;

import dev.keyward.keycloak.defaults.StatelessProviderFactory;

/**
 * The condition of Keyward's global client policy. Keycloak builds a satisfied policy's executors
 * (one JSON conversion each) on every client-policy event of every request; most events, such as
 * a client-credentials grant's or a refresh's response, carry nothing Keyward judges, and this
 * condition spares them that work (docs/performance.md).
 */
public class JudgedRequestsConditionFactory implements ClientPolicyConditionProviderFactory,
        StatelessProviderFactory<ClientPolicyConditionProvider> {

    public static final String PROVIDER_ID = "keyward-judged-requests";

    @Override
    public ClientPolicyConditionProvider create(KeycloakSession session) {
        return new JudgedRequestsCondition();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Keyward: true for the requests Keyward's executors judge (the OAuth 2.1 baseline's events, and requests with a"
                + " resource parameter), for every client.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
