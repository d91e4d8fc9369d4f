package dev.keyward.oauth21.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.compliance.ClientReview;
import dev.keyward.oauth21.compliance.ComplianceScan;
import dev.keyward.oauth21.compliance.ComplianceSummary;
import dev.keyward.oauth21.compliance.ReviewedClient;
import dev.keyward.oauth21.modes.EffectiveMode;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Mode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pure part of the compliance report for a realm of 10,000 clients (two in five compliant,
 * the others with a wildcard, plain http, the implicit flow, the password grant or no PKCE
 * setting; four redirect URIs each): every client reviewed and the summary counted.
 * Run with {@code mvn -pl pack -Pbench verify -DskipTests -Djmh.benchmarks=ComplianceScanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ComplianceScanBenchmark {

    static final int CLIENTS = 10_000;

    private final ComplianceScan scan = new ComplianceScan(Baseline.oauth21());
    private static final EffectiveMode ENFORCED = EffectiveMode.server(Mode.ENFORCE);

    private final List<ReviewedClient> realm = new ArrayList<>(CLIENTS);

    @Setup
    public void setUp() {
        for (int i = 0; i < CLIENTS; i++) {
            String host = "https://app" + i + ".example.com";
            List<String> uris = new ArrayList<>(List.of(host + "/cb", host + "/silent", "http://127.0.0.1/cb" + i));
            String pkce = "S256";
            boolean implicit = false;
            boolean password = false;
            switch (i % 10) {
                case 4, 5 -> uris.add(host + "/*");
                case 6 -> uris.add("http://intranet" + i + ".example/cb");
                case 7 -> implicit = true;
                case 8 -> password = true;
                case 9 -> pkce = null;
                default -> uris.add(host + "/logout");
            }
            realm.add(new ReviewedClient(new ClientSettings("client-" + i, i % 3 == 0, uris, pkce, true, implicit, password), false));
        }
    }

    @Benchmark
    public ComplianceSummary reviewTenThousandClients() {
        List<ClientReview> reviews = new ArrayList<>(CLIENTS);
        for (ReviewedClient client : realm) {
            reviews.add(scan.review(client, rule -> ENFORCED));
        }
        return ComplianceSummary.of(reviews);
    }
}
