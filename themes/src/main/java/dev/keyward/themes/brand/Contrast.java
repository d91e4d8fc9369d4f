package dev.keyward.themes.brand;

/** WCAG 2.x contrast between two {@code #rrggbb} colours: from 1 (the same) to 21 (black on white). */
public final class Contrast {

    private Contrast() {
    }

    public static double ratio(String first, String second) {
        double a = relativeLuminance(first);
        double b = relativeLuminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** Black or white, whichever has the higher WCAG contrast ratio against {@code background}. */
    public static String readableOn(String background) {
        return ratio(background, "#ffffff") >= ratio(background, "#000000") ? "#ffffff" : "#000000";
    }

    /** WCAG 2.x relative luminance of a #rrggbb colour. */
    static double relativeLuminance(String color) {
        double r = channel(Integer.parseInt(color.substring(1, 3), 16));
        double g = channel(Integer.parseInt(color.substring(3, 5), 16));
        double b = channel(Integer.parseInt(color.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
