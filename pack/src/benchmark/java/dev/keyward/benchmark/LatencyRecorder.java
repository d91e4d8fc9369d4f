package dev.keyward.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.Session;

/**
 * The measured requests of the Gatling run in progress: each one's latency and when it ended,
 * and how many failed. Gatling 3.15 keeps its statistics in a binary log and an HTML report, so
 * the benchmark keeps the few numbers it compares itself.
 */
final class LatencyRecorder {

    static final String LATENCY = "measuredLatency";

    /** One request name's numbers in a run; throughput over the span from the first request's start to the last answer. */
    record Tally(long ok, long failed, double throughput, double p50, double p95, double p99) {
    }

    private static final Map<String, Requests> RUN = new ConcurrentHashMap<>();

    private LatencyRecorder() {
    }

    static void reset() {
        RUN.clear();
    }

    /** Called by the virtual user right after a measured request; clears a failure so that the user goes on. */
    static Session record(String request, Session session) {
        Requests requests = RUN.computeIfAbsent(request, name -> new Requests());
        if (session.isFailed() || !session.contains(LATENCY)) {
            requests.failed.incrementAndGet();
            return session.markAsSucceeded().remove(LATENCY);
        }
        requests.add(session.getInt(LATENCY), System.currentTimeMillis());
        return session.remove(LATENCY);
    }

    static Map<String, Tally> tallies() {
        Map<String, Tally> tallies = new ConcurrentHashMap<>();
        RUN.forEach((name, requests) -> tallies.put(name, requests.tally()));
        return tallies;
    }

    private static final class Requests {
        private final List<Integer> latencies = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastEnd = new AtomicLong();

        void add(int latency, long end) {
            latencies.add(latency);
            firstStart.accumulateAndGet(end - latency, Math::min);
            lastEnd.accumulateAndGet(end, Math::max);
        }

        Tally tally() {
            List<Integer> sorted;
            synchronized (latencies) {
                sorted = latencies.stream().sorted().toList();
            }
            long span = Math.max(1, lastEnd.get() - firstStart.get());
            return new Tally(sorted.size(), failed.get(), sorted.size() * 1000.0 / span, percentile(sorted, 50), percentile(sorted, 95),
                    percentile(sorted, 99));
        }

        /** Nearest rank. */
        private static double percentile(List<Integer> sorted, int percent) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }
}
