package dev.keyward.themes.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrandContrastTest {

    private static Brand brand(String primary, String accent) {
        return new Brand(primary, BrandSettings.readableOn(primary), accent, null, null, null);
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
}
