package dev.keyward.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class RatiosTest {

    @Test
    void eachKeywardRunIsDividedByTheStockRunOfTheSameRoundAndPair() {
        List<Ratios.Measurement> runs = List.of(
                new Ratios.Measurement(1, 1, "refresh", "stock", 100, 10, 20, 40),
                new Ratios.Measurement(1, 1, "refresh", "enforce", 98, 11, 20, 42),
                new Ratios.Measurement(1, 2, "refresh", "stock", 50, 20, 40, 80),
                new Ratios.Measurement(1, 2, "refresh", "enforce", 51, 20, 40, 80),
                new Ratios.Measurement(2, 1, "refresh", "stock", 200, 5, 10, 20),
                new Ratios.Measurement(2, 1, "refresh", "enforce", 190, 5, 10, 21));

        Ratios.Summary summary = Ratios.summarise(runs, "stock").get(0);

        assertThat(summary.scenario()).isEqualTo("refresh");
        assertThat(summary.mode()).isEqualTo("enforce");
        assertThat(summary.rounds()).isEqualTo(3);
        assertThat(summary.throughput()).isCloseTo(0.98, within(1e-9));
        assertThat(summary.throughputMin()).isCloseTo(0.95, within(1e-9));
        assertThat(summary.throughputMax()).isCloseTo(1.02, within(1e-9));
        assertThat(summary.pairMedians()).containsExactly(1.0, 0.95);
        assertThat(summary.roundsSlower()).isEqualTo(2);
        assertThat(summary.p99()).isCloseTo(1.05, within(1e-9));
    }

    @Test
    void aRunWithoutItsStockCounterpartIsLeftOut() {
        List<Ratios.Measurement> runs = List.of(
                new Ratios.Measurement(1, 1, "login", "stock", 10, 100, 200, 300),
                new Ratios.Measurement(1, 1, "login", "report", 10, 100, 200, 300),
                new Ratios.Measurement(1, 2, "login", "report", 1, 100, 200, 300));

        assertThat(Ratios.summarise(runs, "stock")).singleElement().satisfies(s -> {
            assertThat(s.rounds()).isEqualTo(1);
            assertThat(s.throughput()).isEqualTo(1.0);
        });
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Ratios.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Ratios.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Ratios.median(List.of())).isNaN();
    }
}
