package dev.keyward.console.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.keycloak.common.Version;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

import dev.keyward.console.ConsoleFiles;

/**
 * {@code /realms/{realm}/keyward/console/}: the console's page and its scripts, styles and message bundles, from the
 * JAR. Anonymous and read-only: the page signs the admin in, and every datum comes from the admin REST API, which
 * checks the admin's permissions.
 */
public class ConsoleResourceProvider implements RealmResourceProvider {

    /**
     * Scripts, styles and data only from this server; no inline script or style, no framing. Replaces Keycloak's
     * default headers, which would allow inline code.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final KeycloakSession session;

    ConsoleResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    /** The page; {@code console} without the slash redirects, so that the page's relative links resolve under it. */
    @GET
    @Path("console")
    public Response page() {
        if (!session.getContext().getUri().getRequestUri().getPath().endsWith("/")) {
            return Response.status(Response.Status.FOUND).location(session.getContext().getUri().getRequestUriBuilder().path("/").build()).build();
        }
        String resources = session.getContext().getUri().getBaseUriBuilder().path("resources").path(Version.RESOURCES_VERSION).build().getRawPath();
        String page = read(ConsoleFiles.ROOT + ConsoleFiles.INDEX).orElseThrow(() -> new IllegalStateException("index.html is missing from the JAR"))
                .replace(ConsoleFiles.RESOURCES_PLACEHOLDER, resources);
        return answer(Response.ok(page), "text/html; charset=utf-8");
    }

    @GET
    @Path("console/{file: .+}")
    public Response file(@PathParam("file") String name) {
        Optional<ConsoleFiles.ConsoleFile> file = ConsoleFiles.named(name);
        Optional<String> content = file.flatMap(found -> read(found.resource()));
        if (content.isEmpty()) {
            return answer(Response.status(Response.Status.NOT_FOUND).entity("Not found\n"), "text/plain; charset=utf-8");
        }
        return answer(Response.ok(content.get()), file.get().mediaType());
    }

    /** Revalidated on each load, so an upgraded JAR's console is used at once; the files are small. */
    private Response answer(Response.ResponseBuilder response, String mediaType) {
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        return response.type(mediaType).cacheControl(cache)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = ConsoleResourceProvider.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
    }
}
