package dev.keyward.mappers.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;
import dev.keyward.settings.UrlPolicy;

/**
 * The resource-audience mapper's settings.
 *
 * @param allowed         resource indicators a client may ask for (exact strings)
 * @param defaultAudience the audience when the request names no resource; empty leaves Keycloak's
 */
public record ResourceAudienceConfig(List<String> allowed, List<String> defaultAudience) {

    public static final Setting<List<String>> ALLOWED_RESOURCES = Setting.multivalued("allowed-resources", "Allowed resources",
            "Resource indicators (absolute URIs) this client may ask for with the 'resource' parameter; any other value is refused with"
                    + " invalid_target.");
    public static final Setting<List<String>> DEFAULT_AUDIENCE = Setting.multivalued("default-audience", "Default audience",
            "The audience when a request names no resource (each must be an allowed resource). Empty: Keycloak's audience stays.");
    public static final List<Setting<?>> SETTINGS = List.of(ALLOWED_RESOURCES, DEFAULT_AUDIENCE);

    public ResourceAudienceConfig {
        allowed = List.copyOf(allowed);
        defaultAudience = List.copyOf(defaultAudience);
    }

    /**
     * Reads the settings; each value that cannot be used is added to {@code problems} and left
     * out: an allowed resource that is no resource indicator, a default audience not allowed.
     */
    public static ResourceAudienceConfig read(Map<String, String> settings, Problems problems) {
        List<String> listed = ALLOWED_RESOURCES.read(settings, problems).stream().distinct().toList();
        if (listed.isEmpty()) {
            problems.add(ALLOWED_RESOURCES.key(), "List at least one allowed resource (an absolute URI such as https://api.example.com/).");
        }
        List<String> allowed = new ArrayList<>(listed.size());
        for (String resource : listed) {
            Optional<String> problem = UrlPolicy.RESOURCE_INDICATOR.problem(resource);
            if (problem.isPresent()) {
                problems.add(ALLOWED_RESOURCES.key(), "Allowed resource '" + resource + "' " + problem.get() + ".");
            } else {
                allowed.add(resource);
            }
        }
        List<String> defaultAudience = new ArrayList<>();
        for (String audience : DEFAULT_AUDIENCE.read(settings, problems).stream().distinct().toList()) {
            if (!listed.contains(audience)) {
                problems.add(DEFAULT_AUDIENCE.key(), "Default audience '" + audience + "' must also be an allowed resource.");
            } else if (allowed.contains(audience)) {
                defaultAudience.add(audience);
            }
        }
        return new ResourceAudienceConfig(allowed, defaultAudience);
    }
}
