package dev.keyward.oauth21.rule;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a discovery document (RFC 8414 §2, OpenID Connect Discovery §3) advertises that rules
 * judge; a list is null when the document does not have it.
 */
public record Metadata(List<String> codeChallengeMethods, List<String> responseTypes, List<String> grantTypes) {

    public Metadata withCodeChallengeMethods(Predicate<String> keep) {
        return new Metadata(filter(codeChallengeMethods, keep), responseTypes, grantTypes);
    }

    public Metadata withResponseTypes(Predicate<String> keep) {
        return new Metadata(codeChallengeMethods, filter(responseTypes, keep), grantTypes);
    }

    public Metadata withGrantTypes(Predicate<String> keep) {
        return new Metadata(codeChallengeMethods, responseTypes, filter(grantTypes, keep));
    }

    private static List<String> filter(List<String> values, Predicate<String> keep) {
        return values == null ? null : values.stream().filter(keep).toList();
    }
}
