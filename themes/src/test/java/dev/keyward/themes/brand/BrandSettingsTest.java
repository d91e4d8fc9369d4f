package dev.keyward.themes.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keyward.settings.Problems;

class BrandSettingsTest {

    private final Problems problems = new Problems();

    @Test
    void withoutAttributesTheThemesDefaultsApply() {
        Brand brand = BrandSettings.read(Map.of(), true, problems);

        assertThat(brand).isEqualTo(new Brand("#0066cc", "#ffffff", "#5e40be", null, null, null));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void goodValuesAreTakenAndShortColoursExpanded() {
        Brand brand = BrandSettings.read(Map.of(
                BrandSettings.PRIMARY_COLOR, " #F0A ",
                BrandSettings.ACCENT_COLOR, "#123456",
                BrandSettings.LOGO_URL, "https://cdn.acme.example/logo.svg",
                BrandSettings.FAVICON_URL, "https://cdn.acme.example/favicon.ico",
                BrandSettings.CSS_URL, "https://cdn.acme.example/acme.css"), true, problems);

        assertThat(brand.primary()).isEqualTo("#ff00aa");
        assertThat(brand.accent()).isEqualTo("#123456");
        assertThat(brand.logoUrl()).isEqualTo("https://cdn.acme.example/logo.svg");
        assertThat(brand.faviconUrl()).isEqualTo("https://cdn.acme.example/favicon.ico");
        assertThat(brand.cssUrl()).isEqualTo("https://cdn.acme.example/acme.css");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void badValuesFallBackToTheDefaultAndAreReported() {
        Brand brand = BrandSettings.read(Map.of(
                BrandSettings.PRIMARY_COLOR, "red; background: url(x)",
                BrandSettings.ACCENT_COLOR, "#12345",
                BrandSettings.LOGO_URL, "http://cdn.acme.example/logo.svg",
                BrandSettings.FAVICON_URL, "javascript:alert(1)",
                BrandSettings.CSS_URL, "https://cdn.acme.example/a.css\") ; body{display:none"), true, problems);

        assertThat(brand).isEqualTo(new Brand("#0066cc", "#ffffff", "#5e40be", null, null, null));
        assertThat(problems.list()).extracting(Problems.Problem::setting).containsExactlyInAnyOrder(BrandSettings.PRIMARY_COLOR,
                BrandSettings.ACCENT_COLOR, BrandSettings.LOGO_URL, BrandSettings.FAVICON_URL, BrandSettings.CSS_URL);
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
    }

    @Test
    void buttonTextIsWhiteOnDarkColoursAndBlackOnLightOnes() {
        assertThat(BrandSettings.readableOn("#0066cc")).isEqualTo("#ffffff");
        assertThat(BrandSettings.readableOn("#000000")).isEqualTo("#ffffff");
        assertThat(BrandSettings.readableOn("#ffdd00")).isEqualTo("#000000");
        assertThat(BrandSettings.readableOn("#ffffff")).isEqualTo("#000000");
    }

    @Test
    void theChosenTextColourAlwaysMeetsAaForLargeText() {
        for (int r = 0; r < 256; r += 15) {
            for (int g = 0; g < 256; g += 15) {
                for (int b = 0; b < 256; b += 15) {
                    String background = String.format("#%02x%02x%02x", r, g, b);
                    String text = BrandSettings.readableOn(background);
                    // The better of black and white reaches at least 4.58:1 on any colour.
                    assertThat(Contrast.ratio(background, text)).as(background).isGreaterThanOrEqualTo(4.5);
                }
            }
        }
    }
}
