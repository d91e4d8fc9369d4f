package dev.keyward.oauth21.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import dev.keyward.oauth21.baseline.RuleId;
import org.junit.jupiter.api.Test;

class AdvertisedMetadataTest {

    private static final Predicate<RuleId> ALL_ENFORCED = rule -> true;
    private static final Predicate<RuleId> NONE_ENFORCED = rule -> false;
    /** What Keycloak 26.7 advertises out of the box. */
    private static final List<String> METHODS = List.of("plain", "S256");
    private static final List<String> RESPONSE_TYPES = List.of("code", "none", "id_token", "token", "id_token token", "code id_token",
            "code token", "code id_token token");
    private static final List<String> GRANTS = List.of("authorization_code", "client_credentials", "implicit", "password",
            "refresh_token", "urn:ietf:params:oauth:grant-type:device_code");

    @Test
    void enforcingRulesRemoveWhatTheyForbid() {
        assertThat(AdvertisedMetadata.codeChallengeMethods(METHODS, ALL_ENFORCED)).containsExactly("S256");
        assertThat(AdvertisedMetadata.responseTypes(RESPONSE_TYPES, ALL_ENFORCED)).containsExactly("code", "none");
        assertThat(AdvertisedMetadata.grantTypes(GRANTS, ALL_ENFORCED))
                .containsExactly("authorization_code", "client_credentials", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code");
    }

    @Test
    void rulesThatDoNotEnforceLeaveTheMetadataAlone() {
        assertThat(AdvertisedMetadata.codeChallengeMethods(METHODS, NONE_ENFORCED)).isEqualTo(METHODS);
        assertThat(AdvertisedMetadata.responseTypes(RESPONSE_TYPES, NONE_ENFORCED)).isEqualTo(RESPONSE_TYPES);
        assertThat(AdvertisedMetadata.grantTypes(GRANTS, NONE_ENFORCED)).isEqualTo(GRANTS);
    }

    @Test
    void eachRuleRemovesOnlyItsOwnEntries() {
        Predicate<RuleId> onlyPassword = RuleId.NO_PASSWORD_GRANT::equals;

        assertThat(AdvertisedMetadata.grantTypes(GRANTS, onlyPassword)).contains("implicit").doesNotContain("password");
        assertThat(AdvertisedMetadata.codeChallengeMethods(METHODS, onlyPassword)).isEqualTo(METHODS);
    }

    @Test
    void absentListsStayAbsent() {
        assertThat(AdvertisedMetadata.codeChallengeMethods(null, ALL_ENFORCED)).isNull();
        assertThat(AdvertisedMetadata.responseTypes(null, ALL_ENFORCED)).isNull();
        assertThat(AdvertisedMetadata.grantTypes(null, ALL_ENFORCED)).isNull();
    }
}
