package dev.keyward.themes.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keyward.settings.Problems;

class BrandSettingsTest {

    private static final Brand DEFAULTS = new Brand(new Brand.Colours("#0066cc", "#ffffff", "#5e40be"),
            new Brand.Colours("#1fa7f8", "#000000", "#b2a3ff"), null, null, null, null);

    private final Problems problems = new Problems();

    @Test
    void withoutAttributesTheThemesDefaultsApply() {
        Brand brand = BrandSettings.read(Map.of(), true, problems);

        assertThat(brand).isEqualTo(DEFAULTS);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void goodValuesAreTakenAndShortColoursExpanded() {
        Brand brand = BrandSettings.read(Map.of(
                BrandSettings.PRIMARY_COLOR, " #F0A ",
                BrandSettings.ACCENT_COLOR, "#123456",
                BrandSettings.DARK_PRIMARY_COLOR, "#F4A6B8",
                BrandSettings.DARK_ACCENT_COLOR, "#ABC",
                BrandSettings.LOGO_URL, "https://cdn.acme.example/logo.svg",
                BrandSettings.DARK_LOGO_URL, "https://cdn.acme.example/logo-light.svg",
                BrandSettings.FAVICON_URL, "https://cdn.acme.example/favicon.ico",
                BrandSettings.CSS_URL, "https://cdn.acme.example/acme.css"), true, problems);

        assertThat(brand.light()).isEqualTo(new Brand.Colours("#ff00aa", "#000000", "#123456"));
        assertThat(brand.dark()).isEqualTo(new Brand.Colours("#f4a6b8", "#000000", "#aabbcc"));
        assertThat(brand.logoUrl()).isEqualTo("https://cdn.acme.example/logo.svg");
        assertThat(brand.darkLogo()).isEqualTo("https://cdn.acme.example/logo-light.svg");
        assertThat(brand.faviconUrl()).isEqualTo("https://cdn.acme.example/favicon.ico");
        assertThat(brand.cssUrl()).isEqualTo("https://cdn.acme.example/acme.css");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void badValuesFallBackToTheDefaultAndAreReported() {
        Brand brand = BrandSettings.read(Map.of(
                BrandSettings.PRIMARY_COLOR, "red; background: url(x)",
                BrandSettings.ACCENT_COLOR, "#12345",
                BrandSettings.DARK_PRIMARY_COLOR, "blue",
                BrandSettings.LOGO_URL, "http://cdn.acme.example/logo.svg",
                BrandSettings.FAVICON_URL, "javascript:alert(1)",
                BrandSettings.CSS_URL, "https://cdn.acme.example/a.css\") ; body{display:none"), true, problems);

        assertThat(brand).isEqualTo(DEFAULTS);
        assertThat(problems.list()).extracting(Problems.Problem::setting).containsExactlyInAnyOrder(BrandSettings.PRIMARY_COLOR,
                BrandSettings.ACCENT_COLOR, BrandSettings.DARK_PRIMARY_COLOR, BrandSettings.LOGO_URL, BrandSettings.FAVICON_URL, BrandSettings.CSS_URL);
        assertThat(problems.messages())
                .anySatisfy(p -> assertThat(p).startsWith("keyward.brand.primary-color 'red; background: url(x)' is not a colour"))
                .anySatisfy(p -> assertThat(p).startsWith("keyward.brand.logo-url 'http://cdn.acme.example/logo.svg' is plain http on an https login page"))
                .anySatisfy(p -> assertThat(p).startsWith("keyward.brand.favicon-url 'javascript:alert(1)' is not an absolute http(s) URL"))
                .anySatisfy(p -> assertThat(p).startsWith("keyward.brand.css-url").contains("(it contains quotes, brackets, spaces or control characters)"));
    }

    @Test
    void plainHttpIsFineWhenThePageItselfIsHttp() {
        Brand brand = BrandSettings.read(Map.of(BrandSettings.LOGO_URL, "http://localhost:3000/logo.png"), false, problems);

        assertThat(brand.logoUrl()).isEqualTo("http://localhost:3000/logo.png");
        assertThat(brand.darkLogo()).as("without a dark logo, the dark pages show the same one").isEqualTo("http://localhost:3000/logo.png");
    }
}
