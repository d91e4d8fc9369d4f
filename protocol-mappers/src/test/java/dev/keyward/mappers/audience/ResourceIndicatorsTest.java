package dev.keyward.mappers.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.keyward.settings.Problems;

class ResourceIndicatorsTest {

    private static final String ORDERS = "https://orders.example/";
    private static final String BILLING = "https://billing.example/api";
    private static final ResourceAudienceConfig CONFIG = new ResourceAudienceConfig(List.of(ORDERS, BILLING), List.of(ORDERS));

    @Test
    void allowedResourcesPass() {
        assertThat(ResourceIndicators.refusal(List.of(ORDERS, BILLING), CONFIG.allowed(), Set.of())).isEmpty();
        assertThat(ResourceIndicators.refusal(List.of(), CONFIG.allowed(), Set.of())).isEmpty();
    }

    @Test
    void aResourceOffTheListOrMalformedIsRefusedWithTheReason() {
        assertThat(ResourceIndicators.refusal(List.of(ORDERS, "https://evil.example/"), CONFIG.allowed(), Set.of()))
                .contains("resource 'https://evil.example/' is not allowed for this client");
        assertThat(ResourceIndicators.refusal(List.of("orders"), CONFIG.allowed(), Set.of()))
                .contains("resource 'orders' is not an absolute URI");
        assertThat(ResourceIndicators.refusal(List.of(ORDERS + "#x"), List.of(ORDERS + "#x"), Set.of()))
                .contains("resource 'https://orders.example/#x' has a fragment, which is not allowed here");
        assertThat(ResourceIndicators.refusal(List.of("https://a b/"), CONFIG.allowed(), Set.of()))
                .contains("resource 'https://a b/' is not a URI");
    }

    @Test
    void aTokenRequestMayOnlyNarrowWhatTheAuthorizationRequestAskedFor() {
        assertThat(ResourceIndicators.refusal(List.of(ORDERS), CONFIG.allowed(), Set.of(ORDERS, BILLING))).isEmpty();
        assertThat(ResourceIndicators.refusal(List.of(BILLING), CONFIG.allowed(), Set.of(ORDERS)))
                .contains("resource 'https://billing.example/api' was not part of the authorization request");
    }

    @Test
    void theAudienceComesFromTheTokenRequestThenTheAuthorizationRequestThenTheDefault() {
        assertThat(ResourceIndicators.audience(List.of(BILLING), List.of(ORDERS), CONFIG)).containsExactly(BILLING);
        assertThat(ResourceIndicators.audience(List.of(), List.of(BILLING, ORDERS), CONFIG)).containsExactly(BILLING, ORDERS);
        assertThat(ResourceIndicators.audience(List.of(), List.of(), CONFIG)).containsExactly(ORDERS);
        assertThat(ResourceIndicators.audience(List.of(), List.of(), new ResourceAudienceConfig(List.of(ORDERS), List.of()))).isEmpty();
        assertThat(ResourceIndicators.audience(List.of("https://evil.example/"), List.of(), CONFIG))
                .as("values off the list never count").containsExactly(ORDERS);
    }

    @Test
    void aConfigNeedsAllowedAbsoluteUrisAndADefaultAmongThem() {
        assertThat(problems(Map.of()))
                .containsExactly("List at least one allowed resource (an absolute URI such as https://api.example.com/).");
        assertThat(problems(Map.of(ResourceAudienceConfig.ALLOWED_RESOURCES.key(), ORDERS + "##api",
                ResourceAudienceConfig.DEFAULT_AUDIENCE.key(), BILLING))).containsExactly(
                "Allowed resource 'api' is not an absolute URI.",
                "Default audience 'https://billing.example/api' must also be an allowed resource.");
        assertThat(problems(Map.of(ResourceAudienceConfig.ALLOWED_RESOURCES.key(), ORDERS + "##" + BILLING,
                ResourceAudienceConfig.DEFAULT_AUDIENCE.key(), ORDERS))).isEmpty();
    }

    @Test
    void whatCannotBeUsedIsLeftOutOfTheSettingsRead() {
        ResourceAudienceConfig read = ResourceAudienceConfig.read(Map.of(ResourceAudienceConfig.ALLOWED_RESOURCES.key(), ORDERS + "##api##" + ORDERS,
                ResourceAudienceConfig.DEFAULT_AUDIENCE.key(), "api##" + BILLING + "##" + ORDERS), new Problems());

        assertThat(read.allowed()).containsExactly(ORDERS);
        assertThat(read.defaultAudience()).containsExactly(ORDERS);
    }

    private static List<String> problems(Map<String, String> settings) {
        Problems problems = new Problems();
        ResourceAudienceConfig.read(settings, problems);
        return problems.messages();
    }
}
