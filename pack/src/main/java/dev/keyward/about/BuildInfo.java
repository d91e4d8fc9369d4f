package dev.keyward.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The Keyward version and the Keycloak version it was built for, recorded at build time. */
public record BuildInfo(String keywardVersion, String builtForKeycloak) {

    private static final String RESOURCE = "build.properties";

    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Keyward JAR is incomplete: " + RESOURCE + " is missing");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("keyward.version"), properties.getProperty("keycloak.version"));
    }

    /** True when the running Keycloak has the same major and minor version as the one Keyward was built for. */
    public boolean matchesFeatureRelease(String runningKeycloak) {
        return featureRelease(builtForKeycloak).equals(featureRelease(runningKeycloak));
    }

    /** The key-value pairs shown on the admin console's server info page. */
    public Map<String, String> asOperationalInfo(String runningKeycloak) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("keyward-version", keywardVersion);
        info.put("built-for-keycloak", builtForKeycloak);
        info.put("running-keycloak", runningKeycloak);
        return info;
    }

    private static String featureRelease(String version) {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : String.valueOf(version);
    }
}
