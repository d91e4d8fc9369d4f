package dev.keyward.oauth21.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keyward's runtime findings per day (UTC), rule and outcome over a window: what an operator watches fall to zero
 * in report mode before switching a rule to enforce.
 *
 * @param days   every day of the window, oldest first, the last one today
 * @param series one per rule and outcome seen, sorted by rule then outcome; counts line up with {@code days}
 */
public record FindingTrend(List<String> days, List<Series> series) {

    /** One recorded finding: when, which rule, and whether it was refused or only reported. */
    public record Finding(Instant time, String rule, String outcome) {
    }

    public record Series(String rule, String outcome, List<Integer> counts) {
    }

    public FindingTrend {
        days = List.copyOf(days);
        series = List.copyOf(series);
    }

    public static FindingTrend of(List<Finding> findings, int windowDays, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(windowDays - 1L);
        List<String> days = new ArrayList<>(windowDays);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        Map<String, Map<String, Integer[]>> counts = new TreeMap<>();
        for (Finding finding : findings) {
            LocalDate day = LocalDate.ofInstant(finding.time(), ZoneOffset.UTC);
            if (day.isBefore(first) || day.isAfter(today)) {
                continue;
            }
            Integer[] perDay = counts.computeIfAbsent(finding.rule(), rule -> new TreeMap<>())
                    .computeIfAbsent(finding.outcome(), outcome -> zeros(windowDays));
            perDay[(int) (day.toEpochDay() - first.toEpochDay())]++;
        }
        List<Series> series = new ArrayList<>();
        counts.forEach((rule, byOutcome) -> byOutcome.forEach((outcome, perDay) -> series.add(new Series(rule, outcome, List.of(perDay)))));
        return new FindingTrend(days, series);
    }

    private static Integer[] zeros(int length) {
        return Collections.nCopies(length, 0).toArray(Integer[]::new);
    }
}
