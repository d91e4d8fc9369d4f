package dev.keyward.mappers.example;

import java.util.Map;

import dev.keyward.settings.Problems;

/**
 * The example mapper's settings, read in one place. Part of the "add a mapper" walkthrough
 * (docs/architecture.md): a settings reader is pure Java, {@code read(settings, problems)}.
 *
 * @param salutation the word before the name
 */
public record GreetingConfig(String salutation) {

    public static final String SALUTATION = "salutation";
    static final String DEFAULT_SALUTATION = "Hello";
    static final int MAX_SALUTATION = 40;

    /** Reads the settings; a salutation that cannot be used is added to {@code problems} and replaced by the default. */
    public static GreetingConfig read(Map<String, String> settings, Problems problems) {
        String salutation = settings.getOrDefault(SALUTATION, "").strip();
        if (salutation.isEmpty()) {
            return new GreetingConfig(DEFAULT_SALUTATION);
        }
        if (salutation.length() > MAX_SALUTATION) {
            problems.add(SALUTATION, "Salutation must be at most " + MAX_SALUTATION + " characters, not " + salutation.length() + ".");
            return new GreetingConfig(DEFAULT_SALUTATION);
        }
        return new GreetingConfig(salutation);
    }
}
