package dev.keyward.themes.brand;

/** The per-realm stylesheet: custom properties that the theme's keyward.css uses, and the realm's own CSS. */
public final class BrandCss {

    private BrandCss() {
    }

    public static String render(Brand brand) {
        StringBuilder css = new StringBuilder();
        // @import must come first; the realm's stylesheet can still override the variables below by specificity.
        if (brand.cssUrl() != null) {
            css.append("@import url(\"").append(brand.cssUrl()).append("\");\n");
        }
        css.append(":root {\n")
                .append("  --keyward-primary: ").append(brand.primary()).append(";\n")
                .append("  --keyward-on-primary: ").append(brand.onPrimary()).append(";\n")
                .append("  --keyward-accent: ").append(brand.accent()).append(";\n")
                .append("  --keyward-logo: ").append(brand.logoUrl() == null ? "none" : "url(\"" + brand.logoUrl() + "\")").append(";\n")
                .append("  --keyward-logo-height: ").append(brand.logoUrl() == null ? "0" : "3rem").append(";\n")
                .append("}\n");
        return css.toString();
    }
}
