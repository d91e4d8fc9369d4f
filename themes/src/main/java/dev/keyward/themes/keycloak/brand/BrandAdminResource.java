package dev.keyward.themes.keycloak.brand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;
import dev.keyward.themes.brand.Brand;
import dev.keyward.themes.brand.BrandContrast;
import dev.keyward.themes.brand.BrandSettings;

/**
 * {@code /admin/realms/{realm}/keyward-brand}: the realm's {@code keyward.brand.*} attributes with their labels and
 * defaults ({@code view-realm}), and a save of some of them ({@code manage-realm}) that is refused with 400 when a value
 * cannot be used or a colour pair is below WCAG 2.2 AA, so that nothing unusable is stored.
 */
public class BrandAdminResource {

    /** One brand attribute: what it is, its stored value (null when unset) and the theme's default. */
    public record Attribute(String key, String label, String help, String value, String defaultValue) {
    }

    /** The brand of a realm; {@code displayName} is the product name the login pages show. */
    public record Representation(String realm, String displayName, String page, List<Attribute> attributes) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    BrandAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Representation read() {
        auth.realm().requireViewRealm();
        List<Attribute> attributes = new ArrayList<>();
        for (Setting<?> setting : settings()) {
            attributes.add(new Attribute(setting.key(), setting.label(), setting.help(), realm.getAttribute(setting.key()), setting.defaultText()));
        }
        return new Representation(realm.getName(), realm.getDisplayName(), BrandContrast.PAGE, attributes);
    }

    /** The body maps attribute names to values; null or empty removes one (the theme's default applies again). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Representation save(Map<String, String> changes) {
        auth.realm().requireManageRealm();
        if (changes == null || changes.isEmpty()) {
            throw ErrorResponse.error("A JSON object of brand attributes to set is required", Response.Status.BAD_REQUEST);
        }
        List<String> keys = settings().stream().map(Setting::key).toList();
        List<String> unknown = changes.keySet().stream().filter(key -> !keys.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw ErrorResponse.error("Not a brand attribute: " + String.join(", ", unknown) + "; they are " + String.join(", ", keys),
                    Response.Status.BAD_REQUEST);
        }
        Map<String, String> after = new HashMap<>(realm.getAttributes());
        changes.forEach((key, value) -> after.put(key, value == null || value.isBlank() ? null : value.strip()));
        Problems problems = new Problems();
        Brand brand = BrandSettings.read(after, BrandResourceProvider.httpsPage(session), problems);
        List<String> refusals = new ArrayList<>(problems.list().stream().filter(problem -> changes.containsKey(problem.setting()))
                .map(Problems.Problem::message).toList());
        refusals.addAll(BrandContrast.problems(brand));
        if (!refusals.isEmpty()) {
            throw ErrorResponse.error(String.join(" ", refusals), Response.Status.BAD_REQUEST);
        }
        Map<String, String> saved = new LinkedHashMap<>();
        changes.forEach((key, ignored) -> {
            String value = after.get(key);
            if (value == null) {
                realm.removeAttribute(key);
            } else {
                realm.setAttribute(key, value);
            }
            saved.put(key, value);
        });
        adminEvent.resource(ResourceType.REALM).operation(OperationType.UPDATE).resourcePath("keyward-brand").representation(saved).success();
        return read();
    }

    private List<Setting<?>> settings() {
        return BrandSettings.settings(BrandResourceProvider.httpsPage(session));
    }
}
