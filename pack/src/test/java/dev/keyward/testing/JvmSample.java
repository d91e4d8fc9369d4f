package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JVM measured from outside, the way an operator would: heap in use right after a full GC
 * ({@code jcmd}), live threads and open file descriptors ({@code /proc}).
 */
public record JvmSample(Instant at, long heapAfterGcKb, int threads, int openFiles) {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    public static JvmSample of(ProcessHandle jvm) {
        long pid = jvm.pid();
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd " + pid + " GC.heap_info printed no heap total");
        }
        return new JvmSample(Instant.now(), Long.parseLong(used.group(1)), threads(pid), openFiles(pid));
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
