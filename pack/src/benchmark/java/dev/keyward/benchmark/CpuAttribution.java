package dev.keyward.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU went while a scenario ran, from its JFR execution samples: the share of
 * samples with a Keyward frame on the stack, and the share in Keycloak's client-policy machinery
 * (which runs Keyward's global policies) without one. Independent of how fast the instance was.
 */
final class CpuAttribution {

    static final String KEYWARD = "dev.keyward.";
    static final String CLIENT_POLICIES = "org.keycloak.services.clientpolicy.";

    /** Sample counts in a window. */
    record Shares(long samples, long keyward, long clientPolicies) {

        double keywardShare() {
            return samples == 0 ? 0 : (double) keyward / samples;
        }

        double clientPolicyShare() {
            return samples == 0 ? 0 : (double) clientPolicies / samples;
        }

        Shares plus(Shares other) {
            return new Shares(samples + other.samples, keyward + other.keyward, clientPolicies + other.clientPolicies);
        }
    }

    /** A time window of one scenario run on the server. */
    record Window(Instant from, Instant to) {

        boolean contains(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(to);
        }
    }

    private CpuAttribution() {
    }

    static Shares of(Path recording, List<Window> windows) {
        long samples = 0;
        long keyward = 0;
        long clientPolicies = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || windows.stream().noneMatch(window -> window.contains(event.getStartTime()))) {
                    continue;
                }
                samples++;
                switch (classify(event.getStackTrace().getFrames())) {
                    case KEYWARD -> keyward++;
                    case CLIENT_POLICIES -> clientPolicies++;
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + recording, e);
        }
        return new Shares(samples, keyward, clientPolicies);
    }

    /** Keyward when any frame is Keyward's; else the client-policy machinery when any frame is in it. */
    private static String classify(List<RecordedFrame> frames) {
        String found = "";
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
            if (type.startsWith(KEYWARD)) {
                return KEYWARD;
            }
            if (type.startsWith(CLIENT_POLICIES)) {
                found = CLIENT_POLICIES;
            }
        }
        return found;
    }
}
