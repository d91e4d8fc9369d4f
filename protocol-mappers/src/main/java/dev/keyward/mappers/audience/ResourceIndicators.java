package dev.keyward.mappers.audience;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.keyward.settings.UrlPolicy;

/**
 * RFC 8707 resource indicators: which requested resources to refuse with {@code invalid_target},
 * and which audience a token gets.
 */
public final class ResourceIndicators {

    public static final String PARAMETER = "resource";
    public static final String INVALID_TARGET = "invalid_target";

    private ResourceIndicators() {
    }

    /**
     * Why the requested resources are refused ({@code invalid_target}'s description), or empty.
     *
     * @param requested  the request's {@code resource} values
     * @param allowed    the client's allowlist
     * @param authorized the resources of the authorization request this token request redeems; empty if none
     */
    public static Optional<String> refusal(List<String> requested, Collection<String> allowed, Collection<String> authorized) {
        for (String resource : requested) {
            // RFC 8707 §2: an absolute URI without a fragment.
            Optional<String> syntax = UrlPolicy.RESOURCE_INDICATOR.problem(resource);
            if (syntax.isPresent()) {
                return Optional.of("resource '" + resource + "' " + syntax.get());
            }
            if (!allowed.contains(resource)) {
                return Optional.of("resource '" + resource + "' is not allowed for this client");
            }
            if (!authorized.isEmpty() && !authorized.contains(resource)) {
                return Optional.of("resource '" + resource + "' was not part of the authorization request");
            }
        }
        return Optional.empty();
    }

    /**
     * The access token's audience, first that applies: the token request's resources, those of
     * the authorization request, the configured default. Only allowed values count; empty means
     * leave Keycloak's audience as it is.
     */
    public static List<String> audience(List<String> tokenRequest, List<String> authorizationRequest, ResourceAudienceConfig config) {
        for (List<String> candidate : List.of(tokenRequest, authorizationRequest, config.defaultAudience())) {
            List<String> allowed = candidate.stream().filter(config.allowed()::contains).distinct().toList();
            if (!allowed.isEmpty()) {
                return allowed;
            }
        }
        return List.of();
    }
}
