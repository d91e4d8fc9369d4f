package dev.keyward.authenticators.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AccessGateConfigTest {

    @Test
    void theAccessRoleDefaultsToAccess() {
        assertThat(AccessGateConfig.from(null).accessRole()).isEqualTo("access");
        assertThat(AccessGateConfig.from(Map.of()).accessRole()).isEqualTo("access");
        assertThat(AccessGateConfig.from(Map.of("access-role", "   ")).accessRole()).isEqualTo("access");
    }

    @Test
    void aConfiguredRoleIsTrimmed() {
        assertThat(AccessGateConfig.from(Map.of("access-role", " app-user ")).accessRole()).isEqualTo("app-user");
    }
}
