package dev.keyward.benchmark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatling.app.Gatling$;

/** One Gatling simulation against one server, in this JVM: its measured requests, and when the load ran. */
final class GatlingRun {

    /** The run's measured requests by name, when the load began and ended (for the CPU profile), and where Gatling's report is. */
    record Result(Map<String, LatencyRecorder.Tally> requests, Instant began, Instant ended, Path results) {
    }

    static {
        // No usage analytics and no warm-up request to gatling.io: these machines reach only loopback.
        System.setProperty("gatling.data.enableAnalytics", "false");
        System.setProperty("gatling.http.warmUpUrl", "");
    }

    private GatlingRun() {
    }

    /** Runs the simulation; {@code report}: whether Gatling writes its HTML report (not for warm-ups). */
    static Result run(Class<?> simulation, BenchTarget target, Path results, String description, boolean report) {
        target.publish();
        LatencyRecorder.reset();
        List<String> arguments = new ArrayList<>(List.of("-s", simulation.getName(), "-rf", results.toString(), "-rd", description));
        if (!report) {
            arguments.add("-nr");
        }
        Instant began = Instant.now();
        int status = Gatling$.MODULE$.fromArgs(arguments.toArray(String[]::new));
        Instant ended = Instant.now();
        if (status != 0) {
            throw new IllegalStateException("Gatling ended with status " + status + " for " + description);
        }
        return new Result(LatencyRecorder.tallies(), began, ended, results);
    }
}
