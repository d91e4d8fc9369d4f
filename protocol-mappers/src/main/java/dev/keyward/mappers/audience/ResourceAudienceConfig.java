package dev.keyward.mappers.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.keyward.mappers.MultivaluedSetting;

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

    public static ResourceAudienceConfig from(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        return new ResourceAudienceConfig(list(values.get(ALLOWED_RESOURCES)), list(values.get(DEFAULT_AUDIENCE)));
    }

    /** What is wrong with a config an admin is about to save; empty when it is fine. */
    public static List<String> problems(Map<String, String> config) {
        ResourceAudienceConfig read = from(config);
        List<String> problems = new ArrayList<>();
        if (read.allowed().isEmpty()) {
            problems.add("List at least one allowed resource (an absolute URI such as https://api.example.com/).");
        }
        for (String resource : read.allowed()) {
            ResourceIndicators.syntaxProblem(resource)
                    .ifPresent(p -> problems.add("Allowed resource '" + resource + "' " + p + "."));
        }
        for (String audience : read.defaultAudience()) {
            if (!read.allowed().contains(audience)) {
                problems.add("Default audience '" + audience + "' must also be an allowed resource.");
            }
        }
        return problems;
    }

    private static List<String> list(String stored) {
        return MultivaluedSetting.values(stored).stream().distinct().toList();
    }
}
