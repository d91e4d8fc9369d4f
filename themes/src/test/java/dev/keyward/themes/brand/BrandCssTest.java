package dev.keyward.themes.brand;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrandCssTest {

    @Test
    void theRealmsValuesBecomeCustomPropertiesAndItsStylesheetIsImportedFirst() {
        String css = BrandCss.render(new Brand("#ff00aa", "#000000", "#123456", "https://cdn.example/logo.svg", null,
                "https://cdn.example/acme.css"));

        assertThat(css).startsWith("@import url(\"https://cdn.example/acme.css\");\n")
                .contains("--keyward-primary: #ff00aa;", "--keyward-on-primary: #000000;", "--keyward-accent: #123456;",
                        "--keyward-logo: url(\"https://cdn.example/logo.svg\");", "--keyward-logo-height: 3rem;");
    }

    @Test
    void withoutALogoTheHeaderHasNone() {
        String css = BrandCss.render(new Brand("#0066cc", "#ffffff", "#5e40be", null, null, null));

        assertThat(css).doesNotContain("@import").contains("--keyward-logo: none;", "--keyward-logo-height: 0;");
    }
}
