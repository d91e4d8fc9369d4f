package dev.keyward.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/** A PNG of the throughput ratios: one bar per scenario and mode (median), its min–max range, and 1.0. */
final class RatioChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int BOTTOM = 90;
    private static final double LOW = 0.80;
    private static final double HIGH = 1.10;
    private static final List<Color> MODE_COLOURS = List.of(new Color(0x1f6f8b), new Color(0x99a1a6), new Color(0xd4a017));

    private RatioChart() {
    }

    static void write(List<Ratios.Summary> summaries, List<String> modes, Path png) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString("Throughput, Keycloak with Keyward / stock Keycloak (median of rounds; line: min-max)", LEFT, 20);
        for (double tick = LOW; tick <= HIGH + 1e-9; tick += 0.05) {
            int y = y(tick);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT, y, WIDTH - 20, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.2f", tick), 25, y + 4);
        }
        List<String> scenarios = summaries.stream().map(Ratios.Summary::scenario).distinct().toList();
        int groupWidth = (WIDTH - LEFT - 40) / Math.max(1, scenarios.size());
        int barWidth = Math.max(12, (groupWidth - 40) / Math.max(1, modes.size()));
        for (int s = 0; s < scenarios.size(); s++) {
            int groupLeft = LEFT + 20 + s * groupWidth;
            g.setColor(Color.BLACK);
            g.drawString(scenarios.get(s), groupLeft, HEIGHT - BOTTOM + 20);
            for (int m = 0; m < modes.size(); m++) {
                String scenario = scenarios.get(s);
                String mode = modes.get(m);
                int x = groupLeft + m * barWidth;
                summaries.stream().filter(r -> r.scenario().equals(scenario) && r.mode().equals(mode)).findFirst().ifPresent(r -> {
                    int top = y(Math.min(HIGH, r.throughput()));
                    g.setColor(MODE_COLOURS.get(modes.indexOf(mode) % MODE_COLOURS.size()));
                    g.fillRect(x, top, barWidth - 6, y(LOW) - top);
                    g.setColor(Color.BLACK);
                    g.setStroke(new BasicStroke(2));
                    int centre = x + (barWidth - 6) / 2;
                    g.drawLine(centre, y(Math.min(HIGH, r.throughputMax())), centre, y(Math.max(LOW, r.throughputMin())));
                    g.setStroke(new BasicStroke(1));
                    g.drawString(String.format(Locale.ROOT, "%.3f", r.throughput()), x, top - 4);
                });
            }
        }
        g.setColor(new Color(0xb00020));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.drawLine(LEFT, y(1.0), WIDTH - 20, y(1.0));
        for (int m = 0; m < modes.size(); m++) {
            g.setColor(MODE_COLOURS.get(m % MODE_COLOURS.size()));
            g.fillRect(LEFT + m * 140, HEIGHT - 40, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString("Keyward " + modes.get(m), LEFT + 20 + m * 140, HEIGHT - 28);
        }
        g.dispose();
        try {
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + png, e);
        }
    }

    private static int y(double ratio) {
        double share = (ratio - LOW) / (HIGH - LOW);
        return (int) Math.round(HEIGHT - BOTTOM - share * (HEIGHT - BOTTOM - 40));
    }
}
