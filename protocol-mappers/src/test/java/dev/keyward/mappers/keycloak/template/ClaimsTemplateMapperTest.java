package dev.keyward.mappers.keycloak.template;

import static dev.keyward.mappers.keycloak.SaveCheck.assertAccepted;
import static dev.keyward.mappers.keycloak.SaveCheck.assertRefused;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimsTemplateMapperTest {

    private final ClaimsTemplateMapper mapper = new ClaimsTemplateMapper();

    @Test
    void aSaveNeedsAClaimNameAndATemplateThatCompiles() {
        assertRefused(mapper, Map.of("claim.name", "bad", "template", "{\n  \"a\": \"{{ user.atribute.x }}\"\n}"),
                "Invalid claim template: line 2, column 8 (at /a): unknown source ''user.atribute.x''; sources are user.id");
        assertRefused(mapper, Map.of("template", "{}"), "Token Claim Name is required.");
        assertAccepted(mapper, Map.of("claim.name", "org", "template", "{\"id\": \"{{ user.id }}\"}"));
    }
}
