package dev.keyward.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something that comes true in time (an expiry, a server start) by asking again until
 * a deadline, instead of sleeping for a guessed duration: it returns as soon as the answer is
 * there, however busy the machine, and fails with the last answer when the deadline passes.
 */
public final class Eventually {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private Eventually() {
    }

    /** Asks {@code probe} until {@code done} holds and returns that answer; fails the test with the last answer at the deadline. */
    public static <T> T poll(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        return poll(timeout, probe, done,
                last -> new AssertionError(what + ": not within " + timeout.toSeconds() + " s; the last answer was " + last));
    }

    /**
     * Like {@link #poll(String, Duration, Supplier, Predicate)} for something that must not happen
     * before {@code notBefore} (an expiry): an answer for which {@code done} holds that arrived
     * earlier fails the test. Needs the server's clock to be this machine's.
     */
    public static <T> T pollNotBefore(String what, Instant notBefore, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        return poll(what, timeout, probe, answer -> {
            Instant received = Instant.now();
            if (done.test(answer) && received.isBefore(notBefore)) {
                throw new AssertionError(what + ": already at " + received + ", before " + notBefore + "; the answer was " + answer);
            }
            return done.test(answer);
        });
    }

    /**
     * Asks {@code probe} until {@code done} holds and returns that answer; at the deadline throws what
     * {@code timedOut} makes of the last answer. An exception from the probe ends the wait at once.
     */
    public static <T, X extends Throwable> T poll(Duration timeout, Supplier<T> probe, Predicate<? super T> done,
                                                  Function<? super T, X> timedOut) throws X {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T answer = probe.get();
            if (done.test(answer)) {
                return answer;
            }
            if (!Instant.now().isBefore(deadline)) {
                throw timedOut.apply(answer);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
