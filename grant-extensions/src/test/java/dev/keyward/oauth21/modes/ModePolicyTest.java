package dev.keyward.oauth21.modes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.baseline.BaselineConfig;
import dev.keyward.oauth21.exemption.Exemption;
import dev.keyward.oauth21.rule.Mode;
import dev.keyward.oauth21.rule.Profile;
import dev.keyward.oauth21.rule.RuleId;
import org.junit.jupiter.api.Test;

class ModePolicyTest {

    private static final Instant NOW = Instant.parse("2027-01-10T12:00:00Z");
    private static final RuleId PKCE = Baseline.PKCE_REQUIRED;
    private static final RuleId PASSWORD = Baseline.NO_PASSWORD_GRANT;

    private final List<String> problems = new ArrayList<>();

    private static ModePolicy policy(Mode serverMode, Instant now) {
        BaselineConfig server = new BaselineConfig(Baseline.oauth21(), Map.of(Profile.OAUTH21, serverMode, Profile.FAPI2, Mode.REPORT), Map.of(), 90,
                Profile.OAUTH21);
        return new ModePolicy(server, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static UnaryOperator<String> realm(Map<String, String> attributes) {
        return attributes::get;
    }

    private EffectiveMode forClient(ModePolicy policy, String realm, String clientId, RuleId rule, Exemption exemption) {
        return policy.clientMode(rule, realm, realm(Map.of()), clientId,
                asked -> exemption != null && exemption.rule().equals(asked) ? Optional.of(exemption) : Optional.empty(), problems::add);
    }

    private static Exemption exemption(RuleId rule, Instant grantedAt, Instant expires) {
        return new Exemption(rule, "partner migration", expires, grantedAt, "admin");
    }

    @Test
    void aRealmWithoutSettingsRunsTheServersMode() {
        assertThat(policy(Mode.REPORT, NOW).realmMode(PKCE, realm(Map.of()), problems::add))
                .isEqualTo(new EffectiveMode(Mode.REPORT, EffectiveMode.Source.SERVER, Mode.REPORT));
    }

    @Test
    void aRealmMakesARuleStricterButNeverLooser() {
        ModePolicy report = policy(Mode.REPORT, NOW);
        ModePolicy enforce = policy(Mode.ENFORCE, NOW);

        assertThat(report.realmMode(PKCE, realm(Map.of("keyward.oauth21.rule.pkce-required", "enforce")), problems::add))
                .isEqualTo(new EffectiveMode(Mode.ENFORCE, EffectiveMode.Source.REALM, Mode.ENFORCE));
        assertThat(report.realmMode(PASSWORD, realm(Map.of("keyward.oauth21.rule.pkce-required", "enforce")), problems::add).mode())
                .isEqualTo(Mode.REPORT);
        assertThat(enforce.realmMode(PKCE, realm(Map.of("keyward.oauth21.mode", "off")), problems::add).mode()).isEqualTo(Mode.ENFORCE);
        assertThat(problems).isEmpty();
    }

    @Test
    void aRealmsBlanketModeTakesAHygieneRuleOnlyToReportItsOwnModeFurther() {
        ModePolicy report = policy(Mode.REPORT, NOW);
        RuleId scope = Baseline.LIMITED_PUBLIC_CLIENT_SCOPE;

        assertThat(report.realmMode(scope, realm(Map.of("keyward.oauth21.mode", "enforce")), problems::add))
                .isEqualTo(new EffectiveMode(Mode.REPORT, EffectiveMode.Source.SERVER, Mode.REPORT));
        assertThat(report.realmMode(PKCE, realm(Map.of("keyward.oauth21.mode", "enforce")), problems::add).mode()).isEqualTo(Mode.ENFORCE);
        assertThat(report.realmMode(scope, realm(Map.of("keyward.oauth21.rule.limited-public-client-scope", "enforce")), problems::add))
                .isEqualTo(new EffectiveMode(Mode.ENFORCE, EffectiveMode.Source.REALM, Mode.ENFORCE));
        assertThat(policy(Mode.OFF, NOW).realmMode(scope, realm(Map.of()), problems::add).mode()).isEqualTo(Mode.OFF);
        assertThat(problems).isEmpty();
    }

    @Test
    void aRealmAttributeThatNamesNoModeAddsNothingAndIsReported() {
        EffectiveMode mode = policy(Mode.REPORT, NOW).realmMode(PKCE, realm(Map.of("keyward.oauth21.mode", "strict")), problems::add);

        assertThat(mode.mode()).isEqualTo(Mode.REPORT);
        assertThat(problems).singleElement().asString().contains("keyward.oauth21.mode is 'strict'").contains("off, report, enforce");
    }

    @Test
    void aBuiltInExemptionLetsKeycloaksOwnClientOffAndNamesTheRealmsMode() {
        EffectiveMode mode = forClient(policy(Mode.ENFORCE, NOW), "master", "admin-cli", PASSWORD, null);

        assertThat(mode).isEqualTo(new EffectiveMode(Mode.OFF, EffectiveMode.Source.BUILT_IN_EXEMPTION, Mode.ENFORCE));
        assertThat(forClient(policy(Mode.ENFORCE, NOW), "acme", "admin-cli", PASSWORD, null).mode()).as("only in master").isEqualTo(Mode.ENFORCE);
    }

    @Test
    void aGrantedExemptionAppliesUntilItExpiresOrReachesTheCap() {
        Exemption untilFebruary = exemption(PASSWORD, NOW.minusSeconds(86_400), Instant.parse("2027-02-01T00:00:00Z"));
        Exemption oldGrant = exemption(PASSWORD, NOW.minusSeconds(91L * 86_400), Instant.parse("2027-02-01T00:00:00Z"));

        assertThat(forClient(policy(Mode.ENFORCE, NOW), "acme", "batch", PASSWORD, untilFebruary))
                .isEqualTo(new EffectiveMode(Mode.OFF, EffectiveMode.Source.GRANTED_EXEMPTION, Mode.ENFORCE));
        assertThat(forClient(policy(Mode.ENFORCE, Instant.parse("2027-02-01T00:00:00Z")), "acme", "batch", PASSWORD, untilFebruary).mode())
                .as("expired").isEqualTo(Mode.ENFORCE);
        assertThat(forClient(policy(Mode.ENFORCE, NOW), "acme", "batch", PASSWORD, oldGrant).mode()).as("past exemption-max-days")
                .isEqualTo(Mode.ENFORCE);
        assertThat(forClient(policy(Mode.ENFORCE, NOW), "acme", "batch", PKCE, untilFebruary).mode()).as("another rule").isEqualTo(Mode.ENFORCE);
    }
}
