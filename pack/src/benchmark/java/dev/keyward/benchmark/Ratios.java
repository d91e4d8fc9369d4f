package dev.keyward.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The A/B arithmetic of the benchmark, kept apart from Gatling and Keycloak so it can be unit-tested:
 * each Keyward server's numbers divided by the stock server's in the same pair and round, then the
 * median and spread of those ratios over all rounds and pairs.
 */
public final class Ratios {

    /** One scenario's numbers on one server in one round: throughput in requests per second, latencies in ms. */
    public record Measurement(int pair, int round, String scenario, String server, double throughput, double p50, double p95, double p99) {
    }

    /**
     * B/A over every pair and round for one scenario and one Keyward mode.
     *
     * @param pairMedians  the throughput ratio's median within each pair of instances
     * @param roundsSlower rounds in which the Keyward server had the lower throughput
     */
    public record Summary(String scenario, String mode, int rounds, double throughput, double throughputMin, double throughputMax,
                          double p50, double p95, double p99, List<Double> pairMedians, int roundsSlower) {
    }

    private Ratios() {
    }

    public static List<Summary> summarise(List<Measurement> measurements, String stock) {
        Map<String, Measurement> stockRuns = measurements.stream().filter(m -> m.server().equals(stock))
                .collect(Collectors.toMap(m -> m.pair() + "/" + m.round() + "/" + m.scenario(), m -> m));
        Map<String, List<Comparison>> comparisons = new TreeMap<>();
        for (Measurement keyward : measurements) {
            Measurement a = stockRuns.get(keyward.pair() + "/" + keyward.round() + "/" + keyward.scenario());
            if (!keyward.server().equals(stock) && a != null) {
                comparisons.computeIfAbsent(keyward.scenario() + "\t" + keyward.server(), k -> new ArrayList<>()).add(new Comparison(a, keyward));
            }
        }
        List<Summary> summaries = new ArrayList<>();
        comparisons.forEach((key, runs) -> {
            List<Double> throughput = ratios(runs, Measurement::throughput);
            Map<Integer, List<Double>> byPair = runs.stream().collect(Collectors.groupingBy(c -> c.keyward().pair(), TreeMap::new,
                    Collectors.mapping(c -> c.ratio(Measurement::throughput), Collectors.toList())));
            summaries.add(new Summary(key.split("\t")[0], key.split("\t")[1], runs.size(), median(throughput),
                    throughput.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    throughput.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    median(ratios(runs, Measurement::p50)), median(ratios(runs, Measurement::p95)), median(ratios(runs, Measurement::p99)),
                    byPair.values().stream().map(Ratios::median).toList(), (int) throughput.stream().filter(r -> r < 1).count()));
        });
        return summaries;
    }

    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The summaries as a Markdown table. */
    public static String table(List<Summary> summaries) {
        StringBuilder table = new StringBuilder("| scenario | mode | rounds | throughput B/A (median) | min–max | per pair | B slower in"
                + " | p50 B/A | p95 B/A | p99 B/A |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Summary s : summaries) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | **%.3f** | %.3f–%.3f | %s | %d of %d | %.3f | %.3f | %.3f |%n",
                    s.scenario(), s.mode(), s.rounds(), s.throughput(), s.throughputMin(), s.throughputMax(),
                    s.pairMedians().stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).collect(Collectors.joining(" / ")),
                    s.roundsSlower(), s.rounds(), s.p50(), s.p95(), s.p99()));
        }
        return table.toString();
    }

    private static List<Double> ratios(List<Comparison> runs, ToDoubleFunction<Measurement> value) {
        return runs.stream().map(c -> c.ratio(value)).toList();
    }

    /** The same scenario in the same round of the same pair, on the stock server and on a Keyward server. */
    private record Comparison(Measurement stock, Measurement keyward) {

        double ratio(ToDoubleFunction<Measurement> value) {
            return value.applyAsDouble(keyward) / value.applyAsDouble(stock);
        }
    }
}
