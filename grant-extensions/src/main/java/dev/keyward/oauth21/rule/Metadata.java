package dev.keyward.oauth21.rule;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a discovery document (RFC 8414 §2, OpenID Connect Discovery §3, RFC 9126 §5, RFC 9449 §5.1) advertises that
 * rules judge; a value is null when the document does not have it.
 */
public record Metadata(List<String> codeChallengeMethods, List<String> responseTypes, List<String> grantTypes,
                       List<String> tokenEndpointAuthMethods, List<String> tokenEndpointAuthSigningAlgorithms,
                       List<String> idTokenSigningAlgorithms, List<String> dpopSigningAlgorithms, Boolean requirePushedAuthorizationRequests) {

    /** A document that says nothing about client authentication, signing algorithms or PAR. */
    public Metadata(List<String> codeChallengeMethods, List<String> responseTypes, List<String> grantTypes) {
        this(codeChallengeMethods, responseTypes, grantTypes, null, null, null, null, null);
    }

    public Metadata withCodeChallengeMethods(Predicate<String> keep) {
        return new Metadata(filter(codeChallengeMethods, keep), responseTypes, grantTypes, tokenEndpointAuthMethods,
                tokenEndpointAuthSigningAlgorithms, idTokenSigningAlgorithms, dpopSigningAlgorithms, requirePushedAuthorizationRequests);
    }

    public Metadata withResponseTypes(Predicate<String> keep) {
        return new Metadata(codeChallengeMethods, filter(responseTypes, keep), grantTypes, tokenEndpointAuthMethods,
                tokenEndpointAuthSigningAlgorithms, idTokenSigningAlgorithms, dpopSigningAlgorithms, requirePushedAuthorizationRequests);
    }

    public Metadata withGrantTypes(Predicate<String> keep) {
        return new Metadata(codeChallengeMethods, responseTypes, filter(grantTypes, keep), tokenEndpointAuthMethods,
                tokenEndpointAuthSigningAlgorithms, idTokenSigningAlgorithms, dpopSigningAlgorithms, requirePushedAuthorizationRequests);
    }

    public Metadata withTokenEndpointAuthMethods(Predicate<String> keep) {
        return new Metadata(codeChallengeMethods, responseTypes, grantTypes, filter(tokenEndpointAuthMethods, keep),
                tokenEndpointAuthSigningAlgorithms, idTokenSigningAlgorithms, dpopSigningAlgorithms, requirePushedAuthorizationRequests);
    }

    /** Keeps these of the algorithms for client assertions and ID tokens. */
    public Metadata withSigningAlgorithms(Predicate<String> keep) {
        return new Metadata(codeChallengeMethods, responseTypes, grantTypes, tokenEndpointAuthMethods,
                filter(tokenEndpointAuthSigningAlgorithms, keep), filter(idTokenSigningAlgorithms, keep), dpopSigningAlgorithms,
                requirePushedAuthorizationRequests);
    }

    public Metadata withDpopSigningAlgorithms(Predicate<String> keep) {
        return new Metadata(codeChallengeMethods, responseTypes, grantTypes, tokenEndpointAuthMethods,
                tokenEndpointAuthSigningAlgorithms, idTokenSigningAlgorithms, filter(dpopSigningAlgorithms, keep), requirePushedAuthorizationRequests);
    }

    public Metadata requiringPushedAuthorizationRequests() {
        return new Metadata(codeChallengeMethods, responseTypes, grantTypes, tokenEndpointAuthMethods,
                tokenEndpointAuthSigningAlgorithms, idTokenSigningAlgorithms, dpopSigningAlgorithms, true);
    }

    private static List<String> filter(List<String> values, Predicate<String> keep) {
        return values == null ? null : values.stream().filter(keep).toList();
    }
}
