package dev.keyward.themes.brand;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a realm's brand from its attributes. A value that cannot be used (not a colour, not an
 * absolute URL, plain http on an https page, characters that could break out of CSS) is reported
 * and replaced by the default, so a typo never breaks the login page.
 */
public final class BrandSettings {

    public static final String PREFIX = "keyward.brand.";
    public static final String PRIMARY_COLOR = PREFIX + "primary-color";
    public static final String ACCENT_COLOR = PREFIX + "accent-color";
    public static final String LOGO_URL = PREFIX + "logo-url";
    public static final String FAVICON_URL = PREFIX + "favicon-url";
    public static final String CSS_URL = PREFIX + "css-url";

    /** PatternFly's blue and purple, as the theme ships them. */
    public static final String DEFAULT_PRIMARY = "#0066cc";
    public static final String DEFAULT_ACCENT = "#5e40be";

    private static final Pattern COLOR = Pattern.compile("#([0-9a-f]{3}|[0-9a-f]{6})");
    // Characters that would end a CSS url("…") or an HTML attribute.
    private static final Pattern UNSAFE_IN_CSS = Pattern.compile("[\"'()\\\\<>\\s\\p{Cntrl}]");

    private BrandSettings() {
    }

    /**
     * @param attributes the realm's attributes
     * @param httpsPage  whether the login pages are served over https (then plain http resources are refused)
     * @param problems   receives one message per value that was replaced
     */
    public static Brand read(Map<String, String> attributes, boolean httpsPage, Consumer<String> problems) {
        String primary = color(attributes.get(PRIMARY_COLOR), PRIMARY_COLOR, DEFAULT_PRIMARY, problems);
        return new Brand(
                primary,
                readableOn(primary),
                color(attributes.get(ACCENT_COLOR), ACCENT_COLOR, DEFAULT_ACCENT, problems),
                url(attributes.get(LOGO_URL), LOGO_URL, httpsPage, problems),
                url(attributes.get(FAVICON_URL), FAVICON_URL, httpsPage, problems),
                url(attributes.get(CSS_URL), CSS_URL, httpsPage, problems));
    }

    private static String color(String value, String name, String fallback, Consumer<String> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String color = value.strip().toLowerCase(Locale.ROOT);
        if (!COLOR.matcher(color).matches()) {
            problems.accept(name + " '" + value + "' is not a colour like #0066cc; using " + fallback);
            return fallback;
        }
        return color.length() == 4
                ? "#" + color.charAt(1) + color.charAt(1) + color.charAt(2) + color.charAt(2) + color.charAt(3) + color.charAt(3)
                : color;
    }

    private static String url(String value, String name, boolean httpsPage, Consumer<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || UNSAFE_IN_CSS.matcher(text).find()) {
            problems.accept(name + " '" + value + "' is not an absolute http(s) URL; using the theme's default");
            return null;
        }
        if (httpsPage && "http".equals(uri.getScheme())) {
            problems.accept(name + " '" + value + "' is plain http on an https login page (mixed content); using the theme's default");
            return null;
        }
        return text;
    }

    /** Black or white, whichever has the higher WCAG contrast ratio against {@code background}. */
    static String readableOn(String background) {
        double luminance = relativeLuminance(background);
        double withWhite = 1.05 / (luminance + 0.05);
        double withBlack = (luminance + 0.05) / 0.05;
        return withWhite >= withBlack ? "#ffffff" : "#000000";
    }

    /** WCAG 2.x relative luminance of a #rrggbb colour. */
    static double relativeLuminance(String color) {
        double r = channel(Integer.parseInt(color.substring(1, 3), 16));
        double g = channel(Integer.parseInt(color.substring(3, 5), 16));
        double b = channel(Integer.parseInt(color.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
