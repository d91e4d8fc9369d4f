package dev.keyward.oauth21.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.oauth21.baseline.Finding;
import dev.keyward.oauth21.baseline.RuleId;
import org.junit.jupiter.api.Test;

class RefreshTokenRulesTest {

    @Test
    void aPublicClientsRefreshTokenIsGoodForOneRefresh() {
        assertThat(RefreshTokenRules.oneTimeUse(true, false, true)).isEmpty();
        assertThat(RefreshTokenRules.oneTimeUse(true, false, false)).get().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(RuleId.REFRESH_TOKEN_ROTATION);
            assertThat(f.error()).isEqualTo("invalid_grant");
        });
        assertThat(RefreshTokenRules.oneTimeUse(true, false, false)).map(Finding::description).get().asString()
                .contains("already used").contains("revoked");
    }

    @Test
    void confidentialClientsAndDpopBoundTokensAreLeftAlone() {
        assertThat(RefreshTokenRules.oneTimeUse(false, false, false)).isEmpty();
        assertThat(RefreshTokenRules.oneTimeUse(true, true, false)).isEmpty();
        assertThat(RefreshTokenRules.applies(false, false)).isFalse();
        assertThat(RefreshTokenRules.applies(true, true)).isFalse();
        assertThat(RefreshTokenRules.applies(true, false)).isTrue();
    }
}
