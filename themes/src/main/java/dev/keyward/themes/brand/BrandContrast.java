package dev.keyward.themes.brand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The colour pairs of a brand that WCAG 2.2 AA judges on the login pages and an admin chooses: the primary button
 * against the card and the accent (focus ring, header line) against the card, 3:1 for what identifies a control or
 * shows focus (SC 1.4.11, 2.4.7), in both colour schemes. The text on primary buttons needs no check: it is black or
 * white, whichever contrasts more, which is always at least 4.58:1.
 */
public final class BrandContrast {

    /** keycloak.v2's login card in the light scheme. */
    public static final String PAGE = "#ffffff";
    /** keycloak.v2's login card in the dark scheme: PatternFly 5's {@code --pf-v5-global--BackgroundColor--300} there. */
    public static final String DARK_PAGE = "#26292d";
    static final double NON_TEXT = 3.0;

    private BrandContrast() {
    }

    /** One sentence per pair below AA, naming the colours, their contrast and the minimum; empty when all pass. */
    public static List<String> problems(Brand brand) {
        List<String> problems = new ArrayList<>();
        check(problems, "the primary colour " + brand.light().primary() + " (buttons) against the page " + PAGE,
                brand.light().primary(), PAGE, "darker");
        check(problems, "the accent colour " + brand.light().accent() + " (focus ring, header line) against the page " + PAGE,
                brand.light().accent(), PAGE, "darker");
        check(problems, "the dark-mode primary colour " + brand.dark().primary() + " (buttons) against the dark page " + DARK_PAGE,
                brand.dark().primary(), DARK_PAGE, "lighter");
        check(problems, "the dark-mode accent colour " + brand.dark().accent() + " (focus ring, header line) against the dark page "
                + DARK_PAGE, brand.dark().accent(), DARK_PAGE, "lighter");
        return problems;
    }

    private static void check(List<String> problems, String pair, String colour, String page, String better) {
        double ratio = Contrast.ratio(colour, page);
        if (ratio < NON_TEXT) {
            problems.add(String.format(Locale.ROOT, "The contrast of %s is %.2f:1; WCAG 2.2 AA needs at least %.1f:1. Choose a %s colour.",
                    pair, ratio, NON_TEXT, better));
        }
    }
}
