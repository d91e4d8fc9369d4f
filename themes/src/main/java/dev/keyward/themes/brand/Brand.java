package dev.keyward.themes.brand;

/**
 * A realm's brand, checked: colours are {@code #rrggbb}, URLs absolute and safe to quote in CSS;
 * a null URL means "use the theme's default".
 *
 * @param primary   colour of primary buttons
 * @param onPrimary text colour on primary buttons, black or white, whichever contrasts more
 * @param accent    colour of the focus ring and the header's accent line
 * @param logoUrl   logo above the product name, or null
 * @param faviconUrl favicon, or null
 * @param cssUrl    an extra stylesheet imported after Keyward's, or null
 */
public record Brand(String primary, String onPrimary, String accent, String logoUrl, String faviconUrl, String cssUrl) {
}
