package dev.keyward.oauth21.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.oauth21.rule.RefreshRequest;
import dev.keyward.oauth21.rule.Violation;
import org.junit.jupiter.api.Test;

class RefreshTokenRulesTest {

    @Test
    void aPublicClientsRefreshTokenIsGoodForOneRefresh() {
        RefreshRequest publicClient = new RefreshRequest(true, false, null);

        assertThat(RefreshTokenRules.oneTimeUse(publicClient.withFirstUse(true))).isEmpty();
        assertThat(RefreshTokenRules.oneTimeUse(publicClient.withFirstUse(false))).get().satisfies(v -> {
            assertThat(v.error()).isEqualTo("invalid_grant");
            assertThat(v.description()).contains("already used").contains("revoked");
            assertThat(v.effect()).isEqualTo(Violation.Effect.REVOKE_TOKEN_FAMILY);
        });
    }

    @Test
    void anUnknownFirstUseIsNotJudged() {
        assertThat(RefreshTokenRules.oneTimeUse(new RefreshRequest(true, false, null))).isEmpty();
    }

    @Test
    void confidentialClientsAndDpopBoundTokensAreLeftAlone() {
        assertThat(RefreshTokenRules.oneTimeUse(new RefreshRequest(false, false, false))).isEmpty();
        assertThat(RefreshTokenRules.oneTimeUse(new RefreshRequest(true, true, false))).isEmpty();
        assertThat(RefreshTokenRules.applies(new RefreshRequest(false, false, null))).isFalse();
        assertThat(RefreshTokenRules.applies(new RefreshRequest(true, true, null))).isFalse();
        assertThat(RefreshTokenRules.applies(new RefreshRequest(true, false, null))).isTrue();
    }
}
