package dev.keyward.authenticators.terms;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;
import dev.keyward.settings.UrlPolicy;

/**
 * The terms step's settings.
 *
 * @param version the terms version users must have accepted; changing it asks everyone again
 * @param textKey message-bundle key of the terms text shown on the page
 * @param url     an optional link to the full terms, or null
 */
public record TermsConfig(String version, String textKey, String url) {

    static final int MAX_VERSION_LENGTH = 64;
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");
    private static final Pattern MESSAGE_KEY = Pattern.compile("[A-Za-z0-9._-]+");

    /** Kept even when refused: it is only compared with what users accepted, and another version could skip users who must be asked. */
    public static final Setting<String> VERSION = Setting.parsed("terms-version", "Terms version",
            "The version users must accept, such as 2026-11. Changing it asks every user again at their next login.", "1",
            version -> version.length() > MAX_VERSION_LENGTH
                    ? Setting.Reading.keptDespite(version, "The terms version may be at most " + MAX_VERSION_LENGTH + " characters long.")
                    : !PRINTABLE.matcher(version).matches()
                    ? Setting.Reading.keptDespite(version, "The terms version may not contain control characters.")
                    : Setting.Reading.of(version), "1");
    public static final Setting<String> TEXT_KEY = Setting.parsed("terms-text-key", "Terms text message key",
            "Message key of the terms text (Realm settings > Localization > Realm overrides, or a theme's messages).", "keywardTermsText",
            key -> MESSAGE_KEY.matcher(key).matches() ? Setting.Reading.of(key) : Setting.Reading.refused(
                    "The terms text key must be a message key (letters, digits, '.', '_' or '-'), such as keywardTermsText."),
            "keywardTermsText");
    public static final Setting<String> URL = Setting.parsed("terms-url", "Full terms URL",
            "Optional http(s) link to the full terms, shown under the text.", null,
            url -> UrlPolicy.WEB_LINK.accepted(url).map(Setting.Reading::of)
                    .orElseGet(() -> Setting.Reading.refused("The terms URL must be an absolute http:// or https:// URL.")), null);
    /** In the order the admin console shows them. */
    public static final List<Setting<?>> SETTINGS = List.of(VERSION, TEXT_KEY, URL);

    /**
     * Reads the required action's config; missing or blank values take their defaults. A value
     * that the save-time check refuses is reported; a bad text key is replaced by the default and
     * a bad URL by none, but a bad version is kept as it is.
     */
    public static TermsConfig read(Map<String, String> settings, Problems problems) {
        return new TermsConfig(VERSION.read(settings, problems), TEXT_KEY.read(settings, problems), URL.read(settings, problems));
    }
}
