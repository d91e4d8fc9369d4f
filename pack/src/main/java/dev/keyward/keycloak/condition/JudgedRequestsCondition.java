package dev.keyward.keycloak.condition;

import org.keycloak.representations.idm.ClientPolicyConditionConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;

import dev.keyward.mappers.keycloak.audience.ResourceIndicatorExecutor;
import dev.keyward.oauth21.keycloak.executor.Oauth21Executor;

/** Votes yes for a request one of the executors in Keyward's global profiles judges, no for every other. */
public class JudgedRequestsCondition implements ClientPolicyConditionProvider<ClientPolicyConditionConfigurationRepresentation> {

    @Override
    public ClientPolicyVote applyPolicy(ClientPolicyContext context) {
        return Oauth21Executor.judges(context) || ResourceIndicatorExecutor.judges(context) ? ClientPolicyVote.YES : ClientPolicyVote.NO;
    }

    @Override
    public void setupConfiguration(ClientPolicyConditionConfigurationRepresentation config) {
        // Nothing to configure: the executors know what they judge.
    }

    @Override
    public boolean isNegativeLogic() {
        return false;
    }

    @Override
    public String getProviderId() {
        return JudgedRequestsConditionFactory.PROVIDER_ID;
    }
}
