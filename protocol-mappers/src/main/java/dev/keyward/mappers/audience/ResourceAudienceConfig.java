package dev.keyward.mappers.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.keyward.settings.MultivaluedSetting;
import dev.keyward.settings.Problems;
import dev.keyward.settings.UrlPolicy;

/**
 * The resource-audience mapper's settings.
 *
 * @param allowed         resource indicators a client may ask for (exact strings)
 * @param defaultAudience the audience when the request names no resource; empty leaves Keycloak's
 */
public record ResourceAudienceConfig(List<String> allowed, List<String> defaultAudience) {

    public static final String ALLOWED_RESOURCES = "allowed-resources";
    public static final String DEFAULT_AUDIENCE = "default-audience";

    public ResourceAudienceConfig {
        allowed = List.copyOf(allowed);
        defaultAudience = List.copyOf(defaultAudience);
    }

    /**
     * Reads the settings; each value that cannot be used is added to {@code problems} and left
     * out: an allowed resource that is no resource indicator, a default audience not allowed.
     */
    public static ResourceAudienceConfig read(Map<String, String> settings, Problems problems) {
        Map<String, String> values = settings == null ? Map.of() : settings;
        List<String> listed = list(values.get(ALLOWED_RESOURCES));
        if (listed.isEmpty()) {
            problems.add(ALLOWED_RESOURCES, "List at least one allowed resource (an absolute URI such as https://api.example.com/).");
        }
        List<String> allowed = new ArrayList<>(listed.size());
        for (String resource : listed) {
            Optional<String> problem = UrlPolicy.RESOURCE_INDICATOR.problem(resource);
            if (problem.isPresent()) {
                problems.add(ALLOWED_RESOURCES, "Allowed resource '" + resource + "' " + problem.get() + ".");
            } else {
                allowed.add(resource);
            }
        }
        List<String> defaultAudience = new ArrayList<>();
        for (String audience : list(values.get(DEFAULT_AUDIENCE))) {
            if (!listed.contains(audience)) {
                problems.add(DEFAULT_AUDIENCE, "Default audience '" + audience + "' must also be an allowed resource.");
            } else if (allowed.contains(audience)) {
                defaultAudience.add(audience);
            }
        }
        return new ResourceAudienceConfig(allowed, defaultAudience);
    }

    private static List<String> list(String stored) {
        return MultivaluedSetting.values(stored).stream().distinct().toList();
    }
}
