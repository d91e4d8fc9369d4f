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
 * {@code /admin/realms/{realm}/keyward-brand}: the product name (the realm's display name) and the realm's
 * {@code keyward.brand.*} attributes with their labels and defaults ({@code view-realm}), and a save of some of them
 * ({@code manage-realm}) that is refused with 400 when a value cannot be used or a colour pair is below WCAG 2.2 AA in
 * either colour scheme, so that nothing unusable is stored.
 */
public class BrandAdminResource {

    /** One brand attribute: what it is, its stored value (null when unset) and the theme's default. */
    public record Attribute(String key, String label, String help, String value, String defaultValue) {
    }

    /**
     * The brand of a realm: its fields, the product name first. {@code page} and {@code darkPage} are the login card's
     * colours that the contrast is judged against; {@code displayNameHtml}, when set, is what the login pages show
     * instead of the product name (Keycloak's HTML display name, edited in the realm settings).
     */
    public record Representation(String realm, String displayNameHtml, String page, String darkPage, List<Attribute> attributes) {
    }

    /** The product name: Keycloak's own display name of the realm, the header of its login pages. */
    static final String DISPLAY_NAME = "displayName";
    /** Longer names do not fit the login card's header. */
    static final int DISPLAY_NAME_MAX = 100;

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
        attributes.add(new Attribute(DISPLAY_NAME, "Product name",
                "The name in the login pages' header, up to " + DISPLAY_NAME_MAX + " characters; empty shows the realm's name.",
                realm.getDisplayName(), realm.getName()));
        for (Setting<?> setting : settings()) {
            attributes.add(new Attribute(setting.key(), setting.label(), setting.help(), realm.getAttribute(setting.key()), setting.defaultText()));
        }
        return new Representation(realm.getName(), realm.getDisplayNameHtml(), BrandContrast.PAGE, BrandContrast.DARK_PAGE, attributes);
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
        List<String> keys = new ArrayList<>(List.of(DISPLAY_NAME));
        settings().forEach(setting -> keys.add(setting.key()));
        List<String> unknown = changes.keySet().stream().filter(key -> !keys.contains(key)).toList();
        if (!unknown.isEmpty()) {
            throw ErrorResponse.error("Not a brand attribute: " + String.join(", ", unknown) + "; they are " + String.join(", ", keys),
                    Response.Status.BAD_REQUEST);
        }
        Map<String, String> after = new HashMap<>(realm.getAttributes());
        changes.forEach((key, value) -> after.put(key, value == null || value.isBlank() ? null : value.strip()));
        String displayName = after.get(DISPLAY_NAME);
        if (changes.containsKey(DISPLAY_NAME) && displayName != null && (displayName.length() > DISPLAY_NAME_MAX
                || displayName.chars().anyMatch(Character::isISOControl))) {
            throw ErrorResponse.error("The product name must be at most " + DISPLAY_NAME_MAX + " characters on one line", Response.Status.BAD_REQUEST);
        }
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
            if (key.equals(DISPLAY_NAME)) {
                realm.setDisplayName(value);
            } else if (value == null) {
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
