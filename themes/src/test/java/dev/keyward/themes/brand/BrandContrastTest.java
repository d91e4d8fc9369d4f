package dev.keyward.themes.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrandContrastTest {

    private static final Brand.Colours DARK_DEFAULTS = Brand.Colours.of(BrandSettings.DEFAULT_DARK_PRIMARY, BrandSettings.DEFAULT_DARK_ACCENT);

    private static Brand brand(String primary, String accent) {
        return new Brand(Brand.Colours.of(primary, accent), DARK_DEFAULTS, null, null, null, null);
    }

    private static Brand dark(String primary, String accent) {
        return new Brand(Brand.Colours.of(BrandSettings.DEFAULT_PRIMARY, BrandSettings.DEFAULT_ACCENT), Brand.Colours.of(primary, accent),
                null, null, null, null);
    }

    @Test
    void contrastIsWcagsRatio() {
        assertThat(Contrast.ratio("#000000", "#ffffff")).isCloseTo(21.0, within(0.001));
        assertThat(Contrast.ratio("#ffffff", "#ffffff")).isCloseTo(1.0, within(0.001));
        assertThat(Contrast.ratio("#0066cc", "#ffffff")).isCloseTo(5.57, within(0.01));
        assertThat(Contrast.ratio("#767676", "#ffffff")).as("the classic 4.5:1 grey").isCloseTo(4.54, within(0.01));
    }

    @Test
    void theThemesDefaultsAndDarkBrandColoursPass() {
        assertThat(BrandContrast.problems(brand(BrandSettings.DEFAULT_PRIMARY, BrandSettings.DEFAULT_ACCENT))).isEmpty();
        assertThat(BrandContrast.problems(brand("#8a1538", "#0b6e4f"))).isEmpty();
        assertThat(BrandContrast.problems(dark("#f4a6b8", "#6fd3b0"))).isEmpty();
    }

    @Test
    void theLightDefaultsWouldFailOnTheDarkCardSoTheDarkPagesHaveTheirOwn() {
        assertThat(Contrast.ratio(BrandSettings.DEFAULT_PRIMARY, BrandContrast.DARK_PAGE)).isLessThan(3.0);
        assertThat(BrandContrast.problems(dark(BrandSettings.DEFAULT_PRIMARY, BrandSettings.DEFAULT_ACCENT))).containsExactly(
                "The contrast of the dark-mode primary colour #0066cc (buttons) against the dark page #26292d is 2.62:1; WCAG 2.2 AA needs"
                        + " at least 3.0:1. Choose a lighter colour.",
                "The contrast of the dark-mode accent colour #5e40be (focus ring, header line) against the dark page #26292d is 2.05:1;"
                        + " WCAG 2.2 AA needs at least 3.0:1. Choose a lighter colour.");
    }

    @Test
    void aPaleColourIsRefusedNamingThePairItsRatioAndTheMinimum() {
        assertThat(BrandContrast.problems(brand("#ffdd00", "#5e40be"))).containsExactly(
                "The contrast of the primary colour #ffdd00 (buttons) against the page #ffffff is 1.35:1; WCAG 2.2 AA needs at least"
                        + " 3.0:1. Choose a darker colour.");
        assertThat(BrandContrast.problems(brand("#0066cc", "#a0a0a0"))).singleElement().asString()
                .startsWith("The contrast of the accent colour #a0a0a0 (focus ring, header line) against the page #ffffff is 2.");
    }

    @Test
    void threeToOneIsTheBoundary() {
        // #949494 is just above 3:1 on white, #959595 just below.
        assertThat(Contrast.ratio("#949494", BrandContrast.PAGE)).isGreaterThanOrEqualTo(3.0);
        assertThat(Contrast.ratio("#959595", BrandContrast.PAGE)).isLessThan(3.0);
        assertThat(BrandContrast.problems(brand("#0066cc", "#949494"))).isEmpty();
        assertThat(BrandContrast.problems(brand("#0066cc", "#959595"))).hasSize(1);
    }

    @Test
    void buttonTextIsWhiteOnDarkColoursAndBlackOnLightOnes() {
        assertThat(Contrast.readableOn("#0066cc")).isEqualTo("#ffffff");
        assertThat(Contrast.readableOn("#000000")).isEqualTo("#ffffff");
        assertThat(Contrast.readableOn("#ffdd00")).isEqualTo("#000000");
        assertThat(Contrast.readableOn("#1fa7f8")).isEqualTo("#000000");
    }

    @Test
    void theChosenTextColourAlwaysMeetsAaForLargeText() {
        for (int r = 0; r < 256; r += 15) {
            for (int g = 0; g < 256; g += 15) {
                for (int b = 0; b < 256; b += 15) {
                    String background = String.format("#%02x%02x%02x", r, g, b);
                    // The better of black and white reaches at least 4.58:1 on any colour.
                    assertThat(Contrast.ratio(background, Contrast.readableOn(background))).as(background).isGreaterThanOrEqualTo(4.5);
                }
            }
        }
    }
}
