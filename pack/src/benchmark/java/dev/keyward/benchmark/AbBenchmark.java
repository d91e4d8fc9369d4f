package dev.keyward.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.keyward.testing.KcShProcess;

/**
 * The A/B benchmark: stock Keycloak against the same Keycloak with Keyward (in each baseline mode
 * asked for), same version, realm and options, all started here over HTTPS on 127.0.0.1. Several
 * fresh sets of instances ("pairs"), each warmed up, then rounds in which every scenario runs on
 * every server in turn, the order reversed every other round (A B C D, D C B A) so that drifts of the
 * machine hit all alike. Reports the B/A ratios and the CPU attribution from JFR, writes the
 * Gatling reports, a Markdown summary and a PNG chart.
 *
 * <p>Configured by system properties ({@code keyward.benchmark.*}, see {@link Plan}); run by
 * {@code mvn -Pbenchmark verify} (full run) or {@code mvn -Pbenchmark -Dkeyward.benchmark.smoke verify}
 * (tens of seconds) in the pack module.
 */
public final class AbBenchmark {

    private static final String STOCK = "stock";
    private static final Map<String, Class<?>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("client-credentials", ClientCredentialsSimulation.class);
        SCENARIOS.put("refresh", RefreshSimulation.class);
        SCENARIOS.put("login", LoginSimulation.class);
        SCENARIOS.put("fapi2", Fapi2Simulation.class);
    }

    /** Which request of a scenario's report is its measure: one per login, per refresh, per grant. */
    private static final Map<String, String> MEASURED = Map.of("client-credentials", KeycloakFlows.CLIENT_CREDENTIALS,
            "refresh", KeycloakFlows.REFRESH, "login", KeycloakFlows.LOGIN_FORM, "fapi2", KeycloakFlows.FAPI2_PUSH_AND_TOKEN);

    /** The run's settings. */
    record Plan(Path stockHome, Path keywardHome, Path out, int pairs, int rounds, Duration round, Duration warmup, List<String> modes,
                List<String> scenarios, int tokenUsers, int loginUsers, boolean open, boolean reports, Optional<Path> docsChart,
                boolean stockRotation) {

        /** Every setting from {@code -Dkeyward.benchmark.*}; the pack module's benchmark profiles hold the defaults. */
        static Plan fromSystemProperties() {
            return new Plan(Path.of(required("stock-home")), Path.of(required("keyward-home")), Path.of(required("out")),
                    number("pairs", 1), number("rounds", 1), Duration.ofSeconds(number("round-seconds", 1)),
                    Duration.ofSeconds(number("warmup-seconds", 0)),
                    List.of(required("modes").split(",")), List.of(required("scenarios").split(",")),
                    number("token-users", 1), number("login-users", 1), Boolean.parseBoolean(required("open")),
                    Boolean.parseBoolean(required("reports")), optional("docs-chart").map(Path::of),
                    Boolean.parseBoolean(required("stock-rotation")));
        }

        private static int number(String name, int min) {
            String value = required(name);
            try {
                int number = Integer.parseInt(value.strip());
                if (number >= min) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException("-Dkeyward.benchmark." + name + " must be a whole number from " + min + ", not " + value);
        }

        private static String required(String name) {
            return optional(name).orElseThrow(() ->
                    new IllegalArgumentException("Set -Dkeyward.benchmark." + name + " (the pack module's benchmark profile does)"));
        }

        private static Optional<String> optional(String name) {
            String value = System.getProperty("keyward.benchmark." + name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }
    }

    public static void main(String[] args) {
        Plan plan = Plan.fromSystemProperties();
        for (String scenario : plan.scenarios()) {
            if (!SCENARIOS.containsKey(scenario)) {
                throw new IllegalArgumentException("Unknown scenario " + scenario + "; known: " + SCENARIOS.keySet());
            }
        }
        for (String mode : plan.modes()) {
            if (!List.of("enforce", "report", "off").contains(mode)) {
                throw new IllegalArgumentException("Unknown Keyward mode " + mode + "; known: enforce, report, off");
            }
        }
        new AbBenchmark().run(plan);
        // Gatling leaves non-daemon threads behind.
        System.exit(0);
    }

    private void run(Plan plan) {
        BenchServer.BenchCertificate certificate = BenchServer.BenchCertificate.create(plan.out());
        // Keycloak's FAPI 2.0 client policy runs its condition on every request of every client: only a run that
        // measures the FAPI 2.0 flow may have it on the stock server.
        String bankKey = plan.scenarios().contains("fapi2") ? Fapi2Simulation.makeBankKey() : null;
        List<Ratios.Measurement> measurements = new ArrayList<>();
        Map<String, CpuAttribution.Shares> cpu = new LinkedHashMap<>();
        for (int pair = 1; pair <= plan.pairs(); pair++) {
            List<BenchServer> servers = servers(plan, pair, bankKey);
            Map<BenchServer, KcShProcess> running = new LinkedHashMap<>();
            Map<String, List<CpuAttribution.Window>> windows = new LinkedHashMap<>();
            try {
                // All start at once: idle once ready, and each waits less for the others.
                for (BenchServer server : servers) {
                    running.put(server, server.start(certificate));
                }
                for (BenchServer server : servers) {
                    server.awaitReady(running.get(server), certificate);
                    System.out.printf("[benchmark] pair %d: %s ready at %s%n", pair, server.name(), server.baseUrl());
                }
                for (BenchServer server : servers) {
                    for (String scenario : plan.scenarios()) {
                        if (!plan.warmup().isZero()) {
                            load(plan, server, scenario, plan.warmup(), plan.out().resolve("gatling/warmup"), "warm-up", false);
                        }
                    }
                }
                for (int round = 1; round <= plan.rounds(); round++) {
                    List<BenchServer> order = new ArrayList<>(servers);
                    if (round % 2 == 0) {
                        java.util.Collections.reverse(order);
                    }
                    for (String scenario : plan.scenarios()) {
                        for (BenchServer server : order) {
                            String label = String.format(Locale.ROOT, "pair %d round %d %s %s", pair, round, scenario, server.name());
                            GatlingRun.Result result = load(plan, server, scenario, plan.round(), plan.out().resolve("gatling/runs"),
                                    label, plan.reports());
                            LatencyRecorder.Tally stats = result.requests().get(MEASURED.get(scenario));
                            if (stats == null || stats.failed() > 0 || stats.ok() == 0) {
                                throw new IllegalStateException(label + ": " + (stats == null ? "no request measured" : stats.failed()
                                        + " failed requests") + "; Gatling's report is under " + result.results());
                            }
                            double throughput = stats.throughput();
                            measurements.add(new Ratios.Measurement(pair, round, scenario, server.name(), throughput, stats.p50(),
                                    stats.p95(), stats.p99()));
                            windows.computeIfAbsent(server.name() + "\t" + scenario, k -> new ArrayList<>())
                                    .add(new CpuAttribution.Window(result.began(), result.ended()));
                            System.out.printf(Locale.ROOT, "[benchmark] %s: %.1f/s, p50 %.0f ms, p99 %.0f ms%n", label, throughput,
                                    stats.p50(), stats.p99());
                        }
                    }
                }
            } finally {
                running.values().forEach(KcShProcess::stop);
            }
            for (BenchServer server : servers) {
                for (String scenario : plan.scenarios()) {
                    cpu.merge(server.name() + "\t" + scenario, CpuAttribution.of(server.recording(),
                            windows.getOrDefault(server.name() + "\t" + scenario, List.of())), CpuAttribution.Shares::plus);
                }
            }
        }
        report(plan, measurements, cpu);
    }

    private static List<BenchServer> servers(Plan plan, int pair, String bankKey) {
        List<BenchServer> servers = new ArrayList<>();
        Path work = plan.out().resolve("pair-" + pair);
        servers.add(new BenchServer(STOCK, plan.stockHome(), work, 28443, List.of(), bankKey, plan.stockRotation()));
        int port = 28453;
        for (String mode : plan.modes()) {
            servers.add(new BenchServer(mode, copyOf(plan.keywardHome(), plan.out().resolve("keyward-" + mode)), work, port,
                    List.of("--spi-client-policy-executor--keyward-oauth21--mode=" + mode), bankKey, false));
            port += 10;
        }
        return servers;
    }

    /** Each Keyward mode runs from its own fresh copy of the distribution just built (its own database directory). */
    private static Path copyOf(Path home, Path copy) {
        try {
            Process cp = new ProcessBuilder("bash", "-c", "rm -rf \"$2\" && cp -a \"$1\" \"$2\"", "copy", home.toString(), copy.toString())
                    .inheritIO().start();
            if (cp.waitFor() != 0) {
                throw new IllegalStateException("Could not copy " + home + " to " + copy);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static GatlingRun.Result load(Plan plan, BenchServer server, String scenario, Duration duration, Path results, String label,
                                          boolean report) {
        int users = scenario.equals("login") || scenario.equals("fapi2") ? plan.loginUsers() : plan.tokenUsers();
        return GatlingRun.run(SCENARIOS.get(scenario), new BenchTarget(server.baseUrl(), users, duration, plan.open()), results, label,
                report);
    }

    private static void report(Plan plan, List<Ratios.Measurement> measurements, Map<String, CpuAttribution.Shares> cpu) {
        List<Ratios.Summary> summaries = Ratios.summarise(measurements, STOCK);
        StringBuilder markdown = new StringBuilder();
        markdown.append(String.format(Locale.ROOT, "Plan: %d pair(s) of fresh instances, %d rounds of %d s per scenario and server"
                        + " (warm-up %d s), %d token-endpoint users, %d login users, %s model%s.%n%n", plan.pairs(), plan.rounds(),
                plan.round().toSeconds(), plan.warmup().toSeconds(), plan.tokenUsers(), plan.loginUsers(), plan.open() ? "open" : "closed",
                plan.stockRotation() ? "; the stock realm revokes refresh tokens (Keycloak's own rotation, no reuse)" : ""))
                .append(Ratios.table(summaries))
                .append("\n| server | scenario | CPU samples | with a Keyward frame | client-policy machinery, no Keyward frame |\n")
                .append("|---|---|---|---|---|\n");
        cpu.forEach((key, shares) -> markdown.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f %% | %.2f %% |%n",
                key.split("\t")[0], key.split("\t")[1], shares.samples(), 100 * shares.keywardShare(), 100 * shares.clientPolicyShare())));
        StringBuilder csv = new StringBuilder("pair,round,scenario,server,throughput,p50,p95,p99\n");
        measurements.forEach(m -> csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%.2f,%.1f,%.1f,%.1f%n", m.pair(), m.round(),
                m.scenario(), m.server(), m.throughput(), m.p50(), m.p95(), m.p99())));
        try {
            Files.writeString(plan.out().resolve("summary.md"), markdown);
            Files.writeString(plan.out().resolve("measurements.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RatioChart.write(summaries, plan.modes(), plan.out().resolve("ratios.png"));
        System.out.println("[benchmark] results in " + plan.out() + " (summary.md, measurements.csv, ratios.png, gatling/)");
        plan.docsChart().ifPresent(chart -> {
            try {
                Files.copy(plan.out().resolve("ratios.png"), chart, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("[benchmark] chart copied to " + chart + " (docs/performance.md shows it)");
        });
        System.out.println(markdown);
    }
}
