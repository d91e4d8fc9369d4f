package dev.keyward.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a set of settings, each problem naming its setting and saying what to
 * change. Every Keyward settings reader has the shape {@code read(settings, problems)}: it
 * returns usable settings (each unreadable value replaced by its safe fallback) and adds one
 * problem per value it replaced. The caller decides what a problem means: refuse a save,
 * stop startup, or log and go on.
 */
public final class Problems {

    /** One unusable setting and what to do about it. */
    public record Problem(String setting, String message) {
    }

    private final List<Problem> problems = new ArrayList<>(0);

    public void add(String setting, String message) {
        problems.add(new Problem(setting, message));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(problems);
    }

    public List<String> messages() {
        return problems.stream().map(Problem::message).toList();
    }

    /** The messages as one text, for an error response or a log line. */
    public String joined() {
        return String.join(" ", messages());
    }

    @Override
    public String toString() {
        return joined();
    }
}
