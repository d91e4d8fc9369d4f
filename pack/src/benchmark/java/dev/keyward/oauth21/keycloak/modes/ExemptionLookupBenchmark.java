package dev.keyward.oauth21.keycloak.modes;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.exemption.Exemption;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a request of an exempted client pays to know its exemption: before, the stored JSON was
 * parsed on every request ({@code parsedOnEveryRequest}); now it is parsed once per stored value
 * and looked up by its text ({@code lookedUpByStoredText}). Run with
 * {@code mvn -pl pack -Pbench verify -DskipTests -Djmh.benchmarks=ExemptionLookup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExemptionLookupBenchmark {

    private static final String STORED = "{\"reason\":\"nightly batch until the new API ships\",\"expires\":\"2027-01-31T00:00:00Z\","
            + "\"grantedAt\":\"2026-12-03T10:15:30Z\",\"grantedBy\":\"admin\"}";

    @Benchmark
    public Optional<Exemption> parsedOnEveryRequest() {
        return ClientExemptions.parse("batch", Baseline.NO_PASSWORD_GRANT, STORED);
    }

    @Benchmark
    public Optional<Exemption> lookedUpByStoredText() {
        return ClientExemptions.read("batch", Baseline.NO_PASSWORD_GRANT, STORED);
    }
}
