package dev.keyward.themes.brand;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;
import dev.keyward.settings.UrlPolicy;

/**
 * Reads a realm's brand from its attributes. A value that cannot be used (not a colour, not an
 * absolute URL, plain http on an https page, characters that could break out of CSS) is reported
 * and replaced by the default, so a typo never breaks the login page.
 */
public final class BrandSettings {

    public static final String PREFIX = "keyward.brand.";
    public static final String PRIMARY_COLOR = PREFIX + "primary-color";
    public static final String ACCENT_COLOR = PREFIX + "accent-color";
    public static final String DARK_PRIMARY_COLOR = PREFIX + "dark-primary-color";
    public static final String DARK_ACCENT_COLOR = PREFIX + "dark-accent-color";
    public static final String LOGO_URL = PREFIX + "logo-url";
    public static final String DARK_LOGO_URL = PREFIX + "dark-logo-url";
    public static final String FAVICON_URL = PREFIX + "favicon-url";
    public static final String CSS_URL = PREFIX + "css-url";

    /** PatternFly's blue and purple, as the theme ships them. */
    public static final String DEFAULT_PRIMARY = "#0066cc";
    public static final String DEFAULT_ACCENT = "#5e40be";
    /** PatternFly 5's primary blue of the dark theme and its purple-200, both above 3:1 on the dark login card. */
    public static final String DEFAULT_DARK_PRIMARY = "#1fa7f8";
    public static final String DEFAULT_DARK_ACCENT = "#b2a3ff";

    private static final Pattern COLOR = Pattern.compile("#([0-9a-f]{3}|[0-9a-f]{6})");

    public static final Setting<String> PRIMARY = color(PRIMARY_COLOR, "Primary colour",
            "Primary buttons, as #rrggbb or #rgb; the text on them is black or white, whichever contrasts more.", DEFAULT_PRIMARY);
    public static final Setting<String> ACCENT = color(ACCENT_COLOR, "Accent colour",
            "Focus ring and header line, as #rrggbb or #rgb.", DEFAULT_ACCENT);
    public static final Setting<String> DARK_PRIMARY = color(DARK_PRIMARY_COLOR, "Primary colour, dark mode",
            "Primary buttons when the login pages are dark (the system's dark mode, if the realm allows it).", DEFAULT_DARK_PRIMARY);
    public static final Setting<String> DARK_ACCENT = color(DARK_ACCENT_COLOR, "Accent colour, dark mode",
            "Focus ring and header line when the login pages are dark.", DEFAULT_DARK_ACCENT);
    /** The page resources, read differently on an https page (plain http refused) and on an http one. */
    private static final PageResources ON_HTTPS = PageResources.on(true);
    private static final PageResources ON_HTTP = PageResources.on(false);

    private BrandSettings() {
    }

    /**
     * @param attributes the realm's attributes
     * @param httpsPage  whether the login pages are served over https (then plain http resources are refused);
     *                   a fact of the request, not a setting, so it comes separately
     * @param problems   receives one problem per value that was replaced by the theme's default
     */
    public static Brand read(Map<String, String> attributes, boolean httpsPage, Problems problems) {
        PageResources resources = httpsPage ? ON_HTTPS : ON_HTTP;
        return new Brand(
                Brand.Colours.of(PRIMARY.read(attributes, problems), ACCENT.read(attributes, problems)),
                Brand.Colours.of(DARK_PRIMARY.read(attributes, problems), DARK_ACCENT.read(attributes, problems)),
                resources.logo().read(attributes, problems).orElse(null),
                resources.darkLogo().read(attributes, problems).orElse(null),
                resources.favicon().read(attributes, problems).orElse(null),
                resources.css().read(attributes, problems).orElse(null));
    }

    /** Every brand attribute as declared, in the order an admin sets them (URLs judged as on an https page or not). */
    public static List<Setting<?>> settings(boolean httpsPage) {
        PageResources resources = httpsPage ? ON_HTTPS : ON_HTTP;
        return List.of(PRIMARY, ACCENT, DARK_PRIMARY, DARK_ACCENT, resources.logo(), resources.darkLogo(), resources.favicon(), resources.css());
    }

    private static Setting<String> color(String key, String label, String help, String standard) {
        return Setting.parsed(key, label, help, standard, text -> {
            String color = text.toLowerCase(Locale.ROOT);
            if (!COLOR.matcher(color).matches()) {
                return Setting.Reading.refused(key + " '" + text + "' is not a colour like #0066cc; using " + standard);
            }
            return Setting.Reading.of(color.length() == 4
                    ? "#" + color.charAt(1) + color.charAt(1) + color.charAt(2) + color.charAt(2) + color.charAt(3) + color.charAt(3)
                    : color);
        }, standard);
    }

    private record PageResources(Setting<Optional<String>> logo, Setting<Optional<String>> darkLogo, Setting<Optional<String>> favicon,
            Setting<Optional<String>> css) {
        static PageResources on(boolean httpsPage) {
            return new PageResources(
                    url(LOGO_URL, "Logo URL", "The logo above the product name; https.", httpsPage),
                    url(DARK_LOGO_URL, "Logo URL, dark mode", "A logo for the dark pages, such as a light version; empty uses the logo above.",
                            httpsPage),
                    url(FAVICON_URL, "Favicon URL", "The login pages' favicon; https.", httpsPage),
                    url(CSS_URL, "Stylesheet URL", "An extra stylesheet, imported after Keyward's; https.", httpsPage));
        }
    }

    /** A stylesheet, logo or favicon URL: absolute http(s) with a host, safe to quote in CSS, https on an https page. */
    private static Setting<Optional<String>> url(String key, String label, String help, boolean httpsPage) {
        return Setting.parsed(key, label, help, null, text -> {
            Optional<String> unusable = UrlPolicy.pageResource(false).problem(text);
            if (unusable.isPresent()) {
                return Setting.Reading.refused(key + " '" + text + "' is not an absolute http(s) URL (it " + unusable.get()
                        + "); using the theme's default");
            }
            if (UrlPolicy.pageResource(httpsPage).problem(text).isPresent()) {
                return Setting.Reading.refused(key + " '" + text + "' is plain http on an https login page (mixed content); using the theme's default");
            }
            return Setting.Reading.of(Optional.of(text));
        }, Optional.empty());
    }
}
