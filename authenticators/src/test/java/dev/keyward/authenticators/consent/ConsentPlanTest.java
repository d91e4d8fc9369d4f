package dev.keyward.authenticators.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConsentPlanTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final ConsentConfig ONE_DAY = new ConsentConfig(Duration.ofDays(1), Set.of(), ConsentConfig.Clients.ALL);

    private static final RequestedScope PROFILE = new RequestedScope("profile", true, true);
    private static final RequestedScope EMAIL = new RequestedScope("email", true, true);
    private static final RequestedScope ACR = new RequestedScope("acr", true, false);
    private static final RequestedScope PHONE = new RequestedScope("phone", false, true);
    private static final RequestedScope ADDRESS = new RequestedScope("address", false, true);
    private static final List<RequestedScope> REQUEST = List.of(PROFILE, EMAIL, ACR, PHONE, ADDRESS);

    @Test
    void aFirstLoginAsksAboutEveryDisplayedScopeAndNothingAboutHiddenOnes() {
        ConsentPlan plan = ConsentPlan.of(REQUEST, null, ONE_DAY, false, T0);

        assertThat(plan.ask()).containsExactly(PROFILE, EMAIL, PHONE, ADDRESS);
        assertThat(plan.needsAnswer()).isTrue();
        assertThat(plan.alreadyAllowed()).isEmpty();
    }

    @Test
    void requiredScopesAreGrantedAndOptionalOnesOnlyWhenTicked() {
        ConsentDecision decision = ConsentPlan.of(REQUEST, null, ONE_DAY, false, T0).decide(Set.of("phone"));

        assertThat(decision.granted()).containsExactlyInAnyOrder("profile", "email", "phone");
        assertThat(decision.denied()).containsExactly("address");
        assertThat(decision.toRemember()).containsExactlyInAnyOrder("profile", "email", "phone");
    }

    @Test
    void aTickCannotTurnARequiredScopeDownOrAddOneThatWasNotAsked() {
        ConsentDecision decision = ConsentPlan.of(REQUEST, null, ONE_DAY, false, T0).decide(Set.of("admin", "acr"));

        assertThat(decision.granted()).containsExactlyInAnyOrder("profile", "email");
        assertThat(decision.denied()).containsExactlyInAnyOrder("phone", "address");
    }

    @Test
    void aRememberedConsentAsksOnlyAboutWhatItDoesNotCover() {
        RememberedConsent remembered = new RememberedConsent(Set.of("profile", "email", "phone"), T0);

        ConsentPlan plan = ConsentPlan.of(REQUEST, remembered, ONE_DAY, false, T0.plusSeconds(60));

        assertThat(plan.ask()).containsExactly(ADDRESS);
        assertThat(plan.alreadyAllowed()).containsExactlyInAnyOrder("profile", "email", "phone");
    }

    @Test
    void nothingIsAskedWhenTheRememberedConsentCoversTheRequest() {
        RememberedConsent remembered = new RememberedConsent(Set.of("profile", "email", "phone", "address"), T0);

        assertThat(ConsentPlan.of(REQUEST, remembered, ONE_DAY, false, T0.plusSeconds(60)).needsAnswer()).isFalse();
    }

    @Test
    void anExpiredConsentAsksAboutEverythingAgain() {
        RememberedConsent remembered = new RememberedConsent(Set.of("profile", "email", "phone", "address"), T0);

        ConsentPlan plan = ConsentPlan.of(REQUEST, remembered, ONE_DAY, false, T0.plus(Duration.ofDays(1)));

        assertThat(plan.ask()).containsExactly(PROFILE, EMAIL, PHONE, ADDRESS);
        assertThat(plan.remembered()).isEmpty();
    }

    @Test
    void promptConsentIgnoresMemory() {
        RememberedConsent remembered = new RememberedConsent(Set.of("profile", "email", "phone", "address"), T0);

        assertThat(ConsentPlan.of(REQUEST, remembered, ONE_DAY, true, T0.plusSeconds(1)).ask()).hasSize(4);
    }

    @Test
    void alwaysAskScopesAreAskedEvenWhenRemembered() {
        ConsentConfig config = new ConsentConfig(Duration.ofDays(1), Set.of("phone"), ConsentConfig.Clients.ALL);
        RememberedConsent remembered = new RememberedConsent(Set.of("profile", "email", "phone", "address"), T0);

        ConsentPlan plan = ConsentPlan.of(REQUEST, remembered, config, false, T0.plusSeconds(1));

        assertThat(plan.ask()).containsExactly(PHONE);
        assertThat(plan.alreadyAllowed()).doesNotContain("phone");
    }

    @Test
    void earlierGrantsOutsideThisRequestAreKeptAndARefusalNowWithdrawsAnEarlierGrant() {
        ConsentConfig config = new ConsentConfig(Duration.ofDays(1), Set.of("phone"), ConsentConfig.Clients.ALL);
        RememberedConsent remembered = new RememberedConsent(Set.of("profile", "email", "phone", "calendar"), T0);

        ConsentDecision decision = ConsentPlan.of(REQUEST, remembered, config, false, T0.plusSeconds(1)).decide(Set.of());

        assertThat(decision.denied()).containsExactlyInAnyOrder("phone", "address");
        assertThat(decision.toRemember()).containsExactlyInAnyOrder("profile", "email", "calendar");
    }

    @Test
    void narrowingDropsOnlyDeniedScopesFromTheScopeParameter() {
        ConsentDecision decision = new ConsentDecision(Set.of("profile"), Set.of("phone", "address"), Set.of());

        assertThat(decision.narrow("openid  phone profile address dynamic:42")).isEqualTo("openid profile dynamic:42");
        assertThat(decision.narrow("phone")).isEmpty();
        assertThat(decision.narrow(null)).isNull();
    }
}
