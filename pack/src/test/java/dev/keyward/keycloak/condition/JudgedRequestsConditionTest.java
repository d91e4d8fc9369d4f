package dev.keyward.keycloak.condition;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.context.ServiceAccountTokenRequestContext;

class JudgedRequestsConditionTest {

    private final JudgedRequestsCondition condition = new JudgedRequestsCondition();

    @Test
    void votesYesForEveryEventTheBaselineJudges() {
        for (ClientPolicyEvent event : new ClientPolicyEvent[] {ClientPolicyEvent.PRE_AUTHORIZATION_REQUEST,
                ClientPolicyEvent.AUTHORIZATION_REQUEST, ClientPolicyEvent.PUSHED_AUTHORIZATION_REQUEST, ClientPolicyEvent.TOKEN_REQUEST,
                ClientPolicyEvent.RESOURCE_OWNER_PASSWORD_CREDENTIALS_REQUEST, ClientPolicyEvent.TOKEN_REFRESH_RESPONSE,
                ClientPolicyEvent.REGISTER, ClientPolicyEvent.UPDATE}) {
            assertThat(condition.applyPolicy(() -> event)).as(event.name()).isEqualTo(ClientPolicyVote.YES);
        }
    }

    @Test
    void votesNoForResponsesAndRequestsNeitherExecutorJudges() {
        for (ClientPolicyEvent event : new ClientPolicyEvent[] {ClientPolicyEvent.SERVICE_ACCOUNT_TOKEN_RESPONSE,
                ClientPolicyEvent.TOKEN_RESPONSE, ClientPolicyEvent.TOKEN_INTROSPECT, ClientPolicyEvent.USERINFO_REQUEST,
                ClientPolicyEvent.LOGOUT_REQUEST, ClientPolicyEvent.TOKEN_REVOKE, ClientPolicyEvent.VIEW}) {
            assertThat(condition.applyPolicy(() -> event)).as(event.name()).isEqualTo(ClientPolicyVote.NO);
        }
    }

    @Test
    void aClientCredentialsGrantIsJudgedOnlyWhenItNamesAResource() {
        MultivaluedHashMap<String, String> plain = new MultivaluedHashMap<>();
        plain.putSingle("grant_type", "client_credentials");
        MultivaluedHashMap<String, String> withResource = new MultivaluedHashMap<>(plain);
        withResource.putSingle("resource", "https://api.example.com/");

        assertThat(condition.applyPolicy(new ServiceAccountTokenRequestContext(plain, null))).isEqualTo(ClientPolicyVote.NO);
        assertThat(condition.applyPolicy(new ServiceAccountTokenRequestContext(withResource, null))).isEqualTo(ClientPolicyVote.YES);
    }
}
