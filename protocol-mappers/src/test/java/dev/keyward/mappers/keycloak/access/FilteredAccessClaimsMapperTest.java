package dev.keyward.mappers.keycloak.access;

import static dev.keyward.mappers.keycloak.SaveCheck.assertAccepted;
import static dev.keyward.mappers.keycloak.SaveCheck.assertRefused;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FilteredAccessClaimsMapperTest {

    private final FilteredAccessClaimsMapper mapper = new FilteredAccessClaimsMapper();

    @Test
    void aSaveNeedsAClaimNameAndReadableSettings() {
        assertRefused(mapper, Map.of("shape", "csv", "max-bytes", "8k"),
                "Token Claim Name is required. Output shape ''csv'' is not one of array, by-client, string."
                        + " Maximum bytes must be a whole number of 0 or more (0: no limit), not ''8k''.");
        assertAccepted(mapper, Map.of("claim.name", "access", "shape", "by-client"));
    }
}
