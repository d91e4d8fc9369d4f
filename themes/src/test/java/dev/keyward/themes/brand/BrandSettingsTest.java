package dev.keyward.themes.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrandSettingsTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void withoutAttributesTheThemesDefaultsApply() {
        Brand brand = BrandSettings.read(Map.of(), true, problems::add);

        assertThat(brand).isEqualTo(new Brand("#0066cc", "#ffffff", "#5e40be", null, null, null));
        assertThat(problems).isEmpty();
    }

    @Test
    void goodValuesAreTakenAndShortColoursExpanded() {
        Brand brand = BrandSettings.read(Map.of(
                BrandSettings.PRIMARY_COLOR, " #F0A ",
                BrandSettings.ACCENT_COLOR, "#123456",
                BrandSettings.LOGO_URL, "https://cdn.acme.example/logo.svg",
                BrandSettings.FAVICON_URL, "https://cdn.acme.example/favicon.ico",
                BrandSettings.CSS_URL, "https://cdn.acme.example/acme.css"), true, problems::add);

        assertThat(brand.primary()).isEqualTo("#ff00aa");
        assertThat(brand.accent()).isEqualTo("#123456");
        assertThat(brand.logoUrl()).isEqualTo("https://cdn.acme.example/logo.svg");
        assertThat(brand.faviconUrl()).isEqualTo("https://cdn.acme.example/favicon.ico");
        assertThat(brand.cssUrl()).isEqualTo("https://cdn.acme.example/acme.css");
        assertThat(problems).isEmpty();
    }

    @Test
    void badValuesFallBackToTheDefaultAndAreReported() {
        Brand brand = BrandSettings.read(Map.of(
                BrandSettings.PRIMARY_COLOR, "red; background: url(x)",
                BrandSettings.ACCENT_COLOR, "#12345",
                BrandSettings.LOGO_URL, "http://cdn.acme.example/logo.svg",
                BrandSettings.FAVICON_URL, "javascript:alert(1)",
                BrandSettings.CSS_URL, "https://cdn.acme.example/a.css\") ; body{display:none"), true, problems::add);

        assertThat(brand).isEqualTo(new Brand("#0066cc", "#ffffff", "#5e40be", null, null, null));
        assertThat(problems).hasSize(5)
                .anySatisfy(p -> assertThat(p).startsWith("keyward.brand.primary-color 'red; background: url(x)' is not a colour"))
                .anySatisfy(p -> assertThat(p).contains("plain http on an https login page"))
                .anySatisfy(p -> assertThat(p).startsWith("keyward.brand.favicon-url 'javascript:alert(1)' is not an absolute http(s) URL"));
    }

    @Test
    void plainHttpIsFineWhenThePageItselfIsHttp() {
        Brand brand = BrandSettings.read(Map.of(BrandSettings.LOGO_URL, "http://localhost:3000/logo.png"), false, problems::add);

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
                    double lighter = Math.max(BrandSettings.relativeLuminance(background), BrandSettings.relativeLuminance(text));
                    double darker = Math.min(BrandSettings.relativeLuminance(background), BrandSettings.relativeLuminance(text));
                    // The better of black and white reaches at least 4.58:1 on any colour.
                    assertThat((lighter + 0.05) / (darker + 0.05)).as(background).isGreaterThanOrEqualTo(4.5);
                }
            }
        }
    }
}
