package dev.keyward.oauth21.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FindingTrendTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void countsFindingsPerUtcDayRuleAndOutcomeOverTheWindowEndingToday() {
        FindingTrend trend = FindingTrend.of(List.of(
                new FindingTrend.Finding(Instant.parse("2026-12-04T00:00:00Z"), "pkce-required", "reported"),
                new FindingTrend.Finding(Instant.parse("2026-12-04T09:59:00Z"), "pkce-required", "reported"),
                new FindingTrend.Finding(Instant.parse("2026-12-03T23:59:59Z"), "pkce-required", "reported"),
                new FindingTrend.Finding(Instant.parse("2026-12-02T12:00:00Z"), "exact-redirect-uri", "rejected"),
                new FindingTrend.Finding(Instant.parse("2026-12-02T13:00:00Z"), "exact-redirect-uri", "reported")), 3, NOW);

        assertThat(trend.days()).containsExactly("2026-12-02", "2026-12-03", "2026-12-04");
        assertThat(trend.series()).containsExactly(
                new FindingTrend.Series("exact-redirect-uri", "rejected", List.of(1, 0, 0)),
                new FindingTrend.Series("exact-redirect-uri", "reported", List.of(1, 0, 0)),
                new FindingTrend.Series("pkce-required", "reported", List.of(0, 1, 2)));
    }

    @Test
    void findingsOutsideTheWindowAreLeftOutAndAQuietWindowHasNoSeries() {
        FindingTrend trend = FindingTrend.of(List.of(
                new FindingTrend.Finding(Instant.parse("2026-12-01T23:59:59Z"), "pkce-required", "reported"),
                new FindingTrend.Finding(Instant.parse("2026-12-05T00:00:00Z"), "pkce-required", "reported")), 3, NOW);

        assertThat(trend.days()).hasSize(3);
        assertThat(trend.series()).isEmpty();
    }
}
