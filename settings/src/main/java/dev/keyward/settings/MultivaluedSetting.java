package dev.keyward.settings;

import java.util.Arrays;
import java.util.List;

/** A "Multivalued string" setting, which Keycloak stores as one value joined with "##". */
public final class MultivaluedSetting {

    private static final String SEPARATOR = "##";

    private MultivaluedSetting() {
    }

    /** The values, stripped, without empty ones; none for a missing setting. */
    public static List<String> values(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
