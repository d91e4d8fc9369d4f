package dev.keyward.mappers.keycloak.audience;

import static dev.keyward.mappers.keycloak.SaveCheck.assertAccepted;
import static dev.keyward.mappers.keycloak.SaveCheck.assertRefused;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ResourceAudienceMapperTest {

    private final ResourceAudienceMapper mapper = new ResourceAudienceMapper();

    @Test
    void aSaveNeedsResourceIndicators() {
        assertRefused(mapper, Map.of("allowed-resources", "orders"), "Allowed resource ''orders'' is not an absolute URI.");
        assertAccepted(mapper, Map.of("allowed-resources", "https://orders.example/"));
    }
}
