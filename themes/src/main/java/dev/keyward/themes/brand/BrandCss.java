package dev.keyward.themes.brand;

/**
 * The per-realm stylesheet: custom properties that the theme's keyward.css uses, for the light pages and for the dark
 * ones (keycloak.v2 marks them with {@code pf-v5-theme-dark} on the root element), and the realm's own CSS.
 */
public final class BrandCss {

    private BrandCss() {
    }

    public static String render(Brand brand) {
        StringBuilder css = new StringBuilder();
        // @import must come first; the realm's stylesheet can still override the variables below by specificity.
        if (brand.cssUrl() != null) {
            css.append("@import url(\"").append(brand.cssUrl()).append("\");\n");
        }
        block(css, ":root", brand.light(), brand.logoUrl());
        block(css, ":root.pf-v5-theme-dark", brand.dark(), brand.darkLogo());
        return css.toString();
    }

    private static void block(StringBuilder css, String selector, Brand.Colours colours, String logoUrl) {
        css.append(selector).append(" {\n")
                .append("  --keyward-primary: ").append(colours.primary()).append(";\n")
                .append("  --keyward-on-primary: ").append(colours.onPrimary()).append(";\n")
                .append("  --keyward-accent: ").append(colours.accent()).append(";\n")
                .append("  --keyward-logo: ").append(logoUrl == null ? "none" : "url(\"" + logoUrl + "\")").append(";\n")
                .append("  --keyward-logo-height: ").append(logoUrl == null ? "0" : "3rem").append(";\n")
                .append("}\n");
    }
}
