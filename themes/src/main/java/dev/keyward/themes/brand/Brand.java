package dev.keyward.themes.brand;

/**
 * A realm's brand, checked: colours are {@code #rrggbb}, URLs absolute and safe to quote in CSS;
 * a null URL means "use the theme's default".
 *
 * @param light      the colours of the light pages
 * @param dark       the colours of the dark pages (keycloak.v2 in dark mode, when the realm allows it)
 * @param logoUrl    logo above the product name, or null
 * @param darkLogoUrl logo on the dark pages, or null for the same logo as on the light ones
 * @param faviconUrl favicon, or null
 * @param cssUrl     an extra stylesheet imported after Keyward's, or null
 */
public record Brand(Colours light, Colours dark, String logoUrl, String darkLogoUrl, String faviconUrl, String cssUrl) {

    /**
     * The colours of one colour scheme.
     *
     * @param primary   colour of primary buttons
     * @param onPrimary text colour on primary buttons, black or white, whichever contrasts more
     * @param accent    colour of the focus ring and the header's accent line
     */
    public record Colours(String primary, String onPrimary, String accent) {

        /** The colours with the text on primary buttons chosen for {@code primary}. */
        public static Colours of(String primary, String accent) {
            return new Colours(primary, Contrast.readableOn(primary), accent);
        }
    }

    /** The logo of the dark pages: their own, else the light pages' one. */
    public String darkLogo() {
        return darkLogoUrl != null ? darkLogoUrl : logoUrl;
    }
}
