package dev.keyward.shield.keycloak;

import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import dev.keyward.shield.MalformedInput;

/**
 * Refuses a request whose standard headers Keycloak's own parsers cannot read, before any endpoint
 * runs: Keycloak parses them lazily, deep inside endpoints and response filters, and answers 500
 * when they fail (docs/known-keycloak-issues.md). Each header is read with the same parser
 * Keycloak uses later, so exactly what would fail there is refused here, with a 400.
 * <p>
 * A JAX-RS provider: Keycloak registers the {@code @Provider} classes of provider JARs when
 * {@code kc.sh build} indexes them. Priority 5 runs it after Keycloak's bootstrap filter (1) and
 * before its query-parameter filter (10).
 */
@Provider
@PreMatching
@Priority(5)
public class MalformedHeadersFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<Header> headers = List.of(new Header(HttpHeaders.CONTENT_TYPE, request::getMediaType, MalformedInput.CONTENT_TYPE),
                new Header(HttpHeaders.COOKIE, request::getCookies, MalformedInput.COOKIE),
                new Header(HttpHeaders.ACCEPT, request::getAcceptableMediaTypes, MalformedInput.ACCEPT),
                new Header(HttpHeaders.ACCEPT_LANGUAGE, request::getAcceptableLanguages, MalformedInput.ACCEPT_LANGUAGE));
        for (Header header : headers) {
            // An absent header parses to a default, which cannot fail: most requests carry only some of them.
            if (request.getHeaderString(header.name()) == null) {
                continue;
            }
            try {
                header.parse().get();
            } catch (RuntimeException unreadable) {
                request.abortWith(MalformedInputResponses.refusal(header.input()));
                return;
            }
        }
    }

    /** A header, read through Keycloak's parser for it. */
    private record Header(String name, Supplier<?> parse, MalformedInput input) {
    }
}
