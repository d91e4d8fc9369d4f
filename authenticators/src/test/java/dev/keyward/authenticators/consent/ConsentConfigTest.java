package dev.keyward.authenticators.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.keyward.settings.Problems;

class ConsentConfigTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final Problems problems = new Problems();

    @Test
    void anUnconfiguredStepRemembersNinetyDaysForClientsThatRequireConsent() {
        ConsentConfig config = ConsentConfig.read(null, problems);

        assertThat(config.rememberFor()).isEqualTo(Duration.ofDays(90));
        assertThat(config.alwaysAsk()).isEmpty();
        assertThat(config.appliesTo(true)).isTrue();
        assertThat(config.appliesTo(false)).isFalse();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void readsEachSetting() {
        ConsentConfig config = ConsentConfig.read(Map.of(
                ConsentConfig.REMEMBER_FOR.key(), " 12h ",
                ConsentConfig.ALWAYS_ASK_SCOPES.key(), "payments##  ## offline_access",
                ConsentConfig.CLIENTS.key(), "all"), problems);

        assertThat(config.rememberFor()).isEqualTo(Duration.ofHours(12));
        assertThat(config.alwaysAsk()).containsExactlyInAnyOrder("payments", "offline_access");
        assertThat(config.appliesTo(false)).isTrue();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void understandsEachDurationUnitAndZero() {
        assertThat(ConsentConfig.parseDuration("45s")).contains(Duration.ofSeconds(45));
        assertThat(ConsentConfig.parseDuration("30m")).contains(Duration.ofMinutes(30));
        assertThat(ConsentConfig.parseDuration("2H")).contains(Duration.ofHours(2));
        assertThat(ConsentConfig.parseDuration("365d")).contains(Duration.ofDays(365));
        assertThat(ConsentConfig.parseDuration("0")).contains(Duration.ZERO);
    }

    @Test
    void aBlankSettingReadsAsNotSet() {
        ConsentConfig config = ConsentConfig.read(Map.of(ConsentConfig.REMEMBER_FOR.key(), " ", ConsentConfig.CLIENTS.key(), ""), problems);

        assertThat(config.rememberFor()).isEqualTo(Duration.ofDays(90));
        assertThat(config.clients()).isEqualTo(ConsentConfig.Clients.CONSENT_REQUIRED);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void aBadDurationIsReportedWithTheSettingNameAndAnExampleAndRemembersNothing() {
        for (String bad : new String[] {"90", "-5d", "1.5h", "P90D", "9999999d", "90 days"}) {
            Problems reported = new Problems();

            ConsentConfig config = ConsentConfig.read(Map.of(ConsentConfig.REMEMBER_FOR.key(), bad), reported);

            assertThat(config.rememberFor()).as(bad).isZero();
            assertThat(reported.list()).as(bad).singleElement().satisfies(p -> {
                assertThat(p.setting()).isEqualTo("remember-for");
                assertThat(p.message()).contains("Remember consent for", "90d");
            });
        }
    }

    @Test
    void anUnknownClientsChoiceIsReportedWithTheChoicesAndAsksForAllClients() {
        ConsentConfig config = ConsentConfig.read(Map.of(ConsentConfig.CLIENTS.key(), "some"), problems);

        assertThat(config.clients()).isEqualTo(ConsentConfig.Clients.ALL);
        assertThat(problems.messages()).containsExactly("Ask for 'some' is not one of consent-required, all.");
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
        ConsentConfig config = ConsentConfig.read(Map.of(ConsentConfig.REMEMBER_FOR.key(), "ninety days",
                ConsentConfig.CLIENTS.key(), "some", ConsentConfig.ALWAYS_ASK_SCOPES.key(), "payments"), problems);

        assertThat(config).isEqualTo(new ConsentConfig(Duration.ZERO, Set.of("payments"), ConsentConfig.Clients.ALL));
        assertThat(problems.list()).extracting(Problems.Problem::setting).containsExactlyInAnyOrder("remember-for", "clients");
        assertThat(problems.messages()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("Remember consent for: 'ninety days'"))
                .anySatisfy(p -> assertThat(p).startsWith("Ask for 'some'"));
    }
}
