package dev.keyward.authenticators.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.keyward.authenticators.support.WebLinks;

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

    /** A setting that cannot be saved, and why. */
    public record Problem(String setting, String message) {
    }

    /** Reads a stored config; missing or blank values take their defaults, a URL that is not http(s) is dropped. */
    public static TermsConfig from(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        return new TermsConfig(
                valueOr(values.get(VERSION), DEFAULT_VERSION),
                valueOr(values.get(TEXT_KEY), DEFAULT_TEXT_KEY),
                WebLinks.linkOrNull(values.get(URL)));
    }

    /** What is wrong with a config an admin is about to save; empty when it is fine. */
    public static List<Problem> problems(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        List<Problem> problems = new ArrayList<>();
        String version = values.get(VERSION);
        if (version != null && !version.isBlank()) {
            if (version.strip().length() > MAX_VERSION_LENGTH) {
                problems.add(new Problem(VERSION, "The terms version may be at most " + MAX_VERSION_LENGTH + " characters long."));
            } else if (!PRINTABLE.matcher(version.strip()).matches()) {
                problems.add(new Problem(VERSION, "The terms version may not contain control characters."));
            }
        }
        String textKey = values.get(TEXT_KEY);
        if (textKey != null && !textKey.isBlank() && !MESSAGE_KEY.matcher(textKey.strip()).matches()) {
            problems.add(new Problem(TEXT_KEY, "The terms text key must be a message key (letters, digits, '.', '_' or '-'), such as "
                    + DEFAULT_TEXT_KEY + "."));
        }
        String url = values.get(URL);
        if (url != null && !url.isBlank() && WebLinks.linkOrNull(url) == null) {
            problems.add(new Problem(URL, "The terms URL must be an absolute http:// or https:// URL."));
        }
        return problems;
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
