package dev.keyward.authenticators.terms;

import java.util.Map;
import java.util.regex.Pattern;

import dev.keyward.settings.Problems;
import dev.keyward.settings.UrlPolicy;

/**
 * The terms step's settings.
 *
 * @param version the terms version users must have accepted; changing it asks everyone again
 * @param textKey message-bundle key of the terms text shown on the page
 * @param url     an optional link to the full terms, or null
 */
public record TermsConfig(String version, String textKey, String url) {

    public static final String VERSION = "terms-version";
    public static final String TEXT_KEY = "terms-text-key";
    public static final String URL = "terms-url";
    public static final String DEFAULT_VERSION = "1";
    public static final String DEFAULT_TEXT_KEY = "keywardTermsText";
    static final int MAX_VERSION_LENGTH = 64;

    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");
    private static final Pattern MESSAGE_KEY = Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * Reads the required action's config; missing or blank values take their defaults. A value
     * that the save-time check refuses is reported; a bad text key is replaced by the default and
     * a bad URL by none, but a bad version is kept as it is: it is only compared with what users
     * accepted, and falling back to another version could skip users who must be asked.
     */
    public static TermsConfig read(Map<String, String> settings, Problems problems) {
        Map<String, String> values = settings == null ? Map.of() : settings;
        return new TermsConfig(version(values.get(VERSION), problems), textKey(values.get(TEXT_KEY), problems),
                url(values.get(URL), problems));
    }

    private static String version(String value, Problems problems) {
        if (value == null || value.isBlank()) {
            return DEFAULT_VERSION;
        }
        String version = value.strip();
        if (version.length() > MAX_VERSION_LENGTH) {
            problems.add(VERSION, "The terms version may be at most " + MAX_VERSION_LENGTH + " characters long.");
        } else if (!PRINTABLE.matcher(version).matches()) {
            problems.add(VERSION, "The terms version may not contain control characters.");
        }
        return version;
    }

    private static String textKey(String value, Problems problems) {
        if (value == null || value.isBlank()) {
            return DEFAULT_TEXT_KEY;
        }
        if (!MESSAGE_KEY.matcher(value.strip()).matches()) {
            problems.add(TEXT_KEY, "The terms text key must be a message key (letters, digits, '.', '_' or '-'), such as "
                    + DEFAULT_TEXT_KEY + ".");
            return DEFAULT_TEXT_KEY;
        }
        return value.strip();
    }

    private static String url(String value, Problems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return UrlPolicy.WEB_LINK.accepted(value).orElseGet(() -> {
            problems.add(URL, "The terms URL must be an absolute http:// or https:// URL.");
            return null;
        });
    }
}
