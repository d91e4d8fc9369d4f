package dev.keyward.themes.brand;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrandCssTest {

    @Test
    void theRealmsValuesBecomeCustomPropertiesAndItsStylesheetIsImportedFirst() {
        String css = BrandCss.render(new Brand(new Brand.Colours("#ff00aa", "#000000", "#123456"),
                new Brand.Colours("#f4a6b8", "#000000", "#aabbcc"), "https://cdn.example/logo.svg", "https://cdn.example/logo-light.svg", null,
                "https://cdn.example/acme.css"));

        assertThat(css).startsWith("@import url(\"https://cdn.example/acme.css\");\n")
                .contains("--keyward-primary: #ff00aa;", "--keyward-on-primary: #000000;", "--keyward-accent: #123456;",
                        "--keyward-logo: url(\"https://cdn.example/logo.svg\");", "--keyward-logo-height: 3rem;");
        assertThat(css.substring(css.indexOf(":root.pf-v5-theme-dark {"))).as("keycloak.v2 marks its dark pages with this class")
                .contains("--keyward-primary: #f4a6b8;", "--keyward-accent: #aabbcc;", "--keyward-logo: url(\"https://cdn.example/logo-light.svg\");");
    }

    @Test
    void withoutALogoTheHeaderHasNone() {
        String css = BrandCss.render(new Brand(Brand.Colours.of("#0066cc", "#5e40be"), Brand.Colours.of("#1fa7f8", "#b2a3ff"),
                null, null, null, null));

        assertThat(css).doesNotContain("@import").contains("--keyward-logo: none;", "--keyward-logo-height: 0;");
    }
}
