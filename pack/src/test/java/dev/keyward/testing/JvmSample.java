package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JVM measured from outside, the way an operator would: heap in use right after a full GC
 * ({@code jcmd}), live threads and open file descriptors ({@code /proc}).
 */
public record JvmSample(Instant at, long heapAfterGcKb, int threads, int openFiles) {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");

    public static JvmSample of(ProcessHandle jvm) {
        long pid = jvm.pid();
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd " + pid + " GC.heap_info printed no heap total");
        }
        return new JvmSample(Instant.now(), Long.parseLong(used.group(1)), threads(pid), openFiles(pid));
    }

    /** Bytes held per class right after a full GC ({@code jcmd GC.class_histogram}), to see what grew. */
    public static Map<String, Long> liveBytesByClass(ProcessHandle jvm) {
        Map<String, Long> bytes = new HashMap<>();
        Matcher row = HISTOGRAM_ROW.matcher(jcmd(jvm.pid(), "GC.class_histogram"));
        while (row.find()) {
            bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
        }
        return bytes;
    }

    /** The classes whose live bytes grew most from {@code before} to {@code after}, largest first. */
    public static List<String> grownMost(Map<String, Long> before, Map<String, Long> after, int limit) {
        return after.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .map(entry -> entry.getKey() + " +" + entry.getValue() / 1024 + " KB").toList();
    }

    public String csv() {
        return at + "," + heapAfterGcKb + "," + threads + "," + openFiles;
    }

    private static String jcmd(long pid, String command) {
        try {
            // The JDK that compiled and runs the tests has jcmd next to its java.
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int threads(long pid) {
        try (Stream<String> status = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return status.filter(line -> line.startsWith("Threads:")).mapToInt(line -> Integer.parseInt(line.substring(8).strip()))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int openFiles(long pid) {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) descriptors.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
