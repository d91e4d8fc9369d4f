package dev.keyward.authenticators.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keyward.settings.Problems;

class AccessGateConfigTest {

    private final Problems problems = new Problems();

    @Test
    void theAccessRoleDefaultsToAccess() {
        assertThat(AccessGateConfig.read(null, problems).accessRole()).isEqualTo("access");
        assertThat(AccessGateConfig.read(Map.of(), problems).accessRole()).isEqualTo("access");
        assertThat(AccessGateConfig.read(Map.of("access-role", "   "), problems).accessRole()).isEqualTo("access");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void aConfiguredRoleIsTrimmed() {
        assertThat(AccessGateConfig.read(Map.of("access-role", " app-user "), problems).accessRole()).isEqualTo("app-user");
        assertThat(problems.isEmpty()).isTrue();
    }
}
