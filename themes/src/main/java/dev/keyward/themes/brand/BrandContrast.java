package dev.keyward.themes.brand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The colour pairs of a brand that WCAG 2.2 AA judges on the login pages and an admin chooses: the primary button
 * against the page and the accent (focus ring, header line) against the page, 3:1 for what identifies a control or
 * shows focus (SC 1.4.11, 2.4.7). The page is keycloak.v2's white card. The text on primary buttons needs no check:
 * it is black or white, whichever contrasts more, which is always at least 4.58:1.
 */
public final class BrandContrast {

    public static final String PAGE = "#ffffff";
    static final double NON_TEXT = 3.0;

    private BrandContrast() {
    }

    /** One sentence per pair below AA, naming the colours, their contrast and the minimum; empty when all pass. */
    public static List<String> problems(Brand brand) {
        List<String> problems = new ArrayList<>();
        check(problems, "the primary colour " + brand.primary() + " (buttons) against the page " + PAGE, brand.primary(), PAGE, NON_TEXT);
        check(problems, "the accent colour " + brand.accent() + " (focus ring, header line) against the page " + PAGE, brand.accent(), PAGE,
                NON_TEXT);
        return problems;
    }

    private static void check(List<String> problems, String pair, String first, String second, double minimum) {
        double ratio = Contrast.ratio(first, second);
        if (ratio < minimum) {
            problems.add(String.format(Locale.ROOT, "The contrast of %s is %.2f:1; WCAG 2.2 AA needs at least %.1f:1. Choose a darker colour.",
                    pair, ratio, minimum));
        }
    }
}
