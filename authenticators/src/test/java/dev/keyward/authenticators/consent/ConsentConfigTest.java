package dev.keyward.authenticators.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConsentConfigTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void anUnconfiguredStepRemembersNinetyDaysForClientsThatRequireConsent() {
        ConsentConfig config = ConsentConfig.from(null);

        assertThat(config.rememberFor()).isEqualTo(Duration.ofDays(90));
        assertThat(config.alwaysAsk()).isEmpty();
        assertThat(config.appliesTo(true)).isTrue();
        assertThat(config.appliesTo(false)).isFalse();
    }

    @Test
    void readsEachSetting() {
        ConsentConfig config = ConsentConfig.from(Map.of(
                ConsentConfig.REMEMBER_FOR, " 12h ",
                ConsentConfig.ALWAYS_ASK_SCOPES, "payments##  ## offline_access",
                ConsentConfig.CLIENTS, "all"));

        assertThat(config.rememberFor()).isEqualTo(Duration.ofHours(12));
        assertThat(config.alwaysAsk()).containsExactlyInAnyOrder("payments", "offline_access");
        assertThat(config.appliesTo(false)).isTrue();
    }

    @Test
    void understandsEachDurationUnitAndZero() {
        assertThat(ConsentConfig.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(ConsentConfig.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(ConsentConfig.parseDuration("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(ConsentConfig.parseDuration("365d")).isEqualTo(Duration.ofDays(365));
        assertThat(ConsentConfig.parseDuration("0")).isZero();
    }

    @Test
    void aBadDurationIsRefusedWithTheSettingNameAndAnExample() {
        for (String bad : new String[] {"", "90", "-5d", "1.5h", "P90D", "9999999d", "90 days"}) {
            assertThatThrownBy(() -> ConsentConfig.from(Map.of(ConsentConfig.REMEMBER_FOR, bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("remember-for")
                    .hasMessageContaining("90d");
        }
    }

    @Test
    void anUnknownClientsChoiceIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> ConsentConfig.from(Map.of(ConsentConfig.CLIENTS, "some")))
                .hasMessage("clients: 'some' is not one of consent-required, all");
    }

    @Test
    void aRememberedConsentCountsUntilItsDurationHasPassed() {
        ConsentConfig config = new ConsentConfig(Duration.ofMinutes(10), Set.of(), ConsentConfig.Clients.ALL);
        RememberedConsent remembered = new RememberedConsent(Set.of("profile"), T0);

        assertThat(config.stillRemembers(remembered, T0.plusSeconds(599))).isTrue();
        assertThat(config.stillRemembers(remembered, T0.plusSeconds(600))).isFalse();
        assertThat(config.stillRemembers(null, T0)).isFalse();
    }

    @Test
    void zeroMeansNothingIsRemembered() {
        ConsentConfig config = new ConsentConfig(Duration.ZERO, Set.of(), ConsentConfig.Clients.ALL);

        assertThat(config.stillRemembers(new RememberedConsent(Set.of("profile"), T0), T0)).isFalse();
    }

    @Test
    void aStoredConfigWithBadValuesKeepsTheGoodOnesAndAsksMoreForTheBadOnes() {
        List<String> problems = new ArrayList<>();

        ConsentConfig config = ConsentConfig.read(Map.of(ConsentConfig.REMEMBER_FOR, "ninety days",
                ConsentConfig.CLIENTS, "some", ConsentConfig.ALWAYS_ASK_SCOPES, "payments"), problems::add);

        assertThat(config).isEqualTo(new ConsentConfig(Duration.ZERO, Set.of("payments"), ConsentConfig.Clients.ALL));
        assertThat(problems).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("remember-for: 'ninety days'"))
                .anySatisfy(p -> assertThat(p).startsWith("clients: 'some'"));
    }
}
