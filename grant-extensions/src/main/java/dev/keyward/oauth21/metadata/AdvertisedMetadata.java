package dev.keyward.oauth21.metadata;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.keyward.oauth21.baseline.RuleId;

/**
 * What the discovery documents (RFC 8414 §2, OpenID Connect Discovery §3) may advertise once
 * rules enforce: a client that reads them must not be invited to do what will be refused.
 */
public final class AdvertisedMetadata {

    private static final Set<String> CODE_ONLY_RESPONSE_TYPES = Set.of("code", "none");

    private AdvertisedMetadata() {
    }

    public static List<String> codeChallengeMethods(List<String> advertised, Predicate<RuleId> enforced) {
        if (advertised == null || !enforced.test(RuleId.PKCE_REQUIRED)) {
            return advertised;
        }
        return advertised.stream().filter("S256"::equals).toList();
    }

    public static List<String> responseTypes(List<String> advertised, Predicate<RuleId> enforced) {
        if (advertised == null || !enforced.test(RuleId.NO_IMPLICIT_OR_HYBRID)) {
            return advertised;
        }
        return advertised.stream().filter(CODE_ONLY_RESPONSE_TYPES::contains).toList();
    }

    public static List<String> grantTypes(List<String> advertised, Predicate<RuleId> enforced) {
        if (advertised == null) {
            return null;
        }
        return advertised.stream()
                .filter(grant -> !("password".equals(grant) && enforced.test(RuleId.NO_PASSWORD_GRANT)))
                .filter(grant -> !("implicit".equals(grant) && enforced.test(RuleId.NO_IMPLICIT_OR_HYBRID)))
                .toList();
    }
}
