package dev.keyward.themes.keycloak.brand;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.common.Version;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;

import dev.keyward.settings.PreparedSettings;
import dev.keyward.settings.Problems;
import dev.keyward.themes.brand.Brand;
import dev.keyward.themes.brand.BrandCss;
import dev.keyward.themes.brand.BrandSettings;

/** The realm's brand stylesheet and favicon, read from its {@code keyward.brand.*} attributes on each request. */
public class BrandResourceProvider implements RealmResourceProvider {

    private static final Logger LOG = Logger.getLogger(BrandResourceProvider.class);
    // Warn once per bad value, not on every page view; admins fix values rarely, so this stays small.
    private static final PreparedSettings<String, Boolean> WARNED = new PreparedSettings<>(1_000);
    private static final int MAX_AGE_SECONDS = 60;

    private final KeycloakSession session;

    BrandResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("brand.css")
    @Produces("text/css; charset=utf-8")
    public Response stylesheet() {
        return cached(Response.ok(BrandCss.render(brand())));
    }

    /** Redirects to the realm's favicon, or to the theme's own. */
    @GET
    @Path("favicon")
    public Response favicon() {
        String url = brand().faviconUrl();
        URI target = url != null ? URI.create(url)
                : session.getContext().getUri().getBaseUriBuilder()
                        .path("resources").path(Version.RESOURCES_VERSION).path("login").path("keyward").path("img").path("favicon.ico").build();
        return cached(Response.status(Response.Status.FOUND).location(target));
    }

    private Brand brand() {
        RealmModel realm = session.getContext().getRealm();
        Problems problems = new Problems();
        Brand brand = BrandSettings.read(realm.getAttributes(), httpsPage(session), problems);
        for (String problem : problems.messages()) {
            WARNED.get(realm.getName() + '\u0000' + problem, key -> {
                LOG.warnf("Keyward brand of realm '%s': %s", realm.getName(), problem);
                return true;
            });
        }
        return brand;
    }

    /** Whether the login pages are served over https, which decides whether plain http logos and stylesheets are mixed content. */
    static boolean httpsPage(KeycloakSession session) {
        return "https".equals(session.getContext().getUri().getBaseUri().getScheme());
    }

    private static Response cached(Response.ResponseBuilder response) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return response.cacheControl(cache).build();
    }

    @Override
    public void close() {
    }
}
