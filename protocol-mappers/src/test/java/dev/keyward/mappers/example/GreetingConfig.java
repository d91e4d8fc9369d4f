package dev.keyward.mappers.example;

import java.util.List;
import java.util.Map;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;

/**
 * The example mapper's settings, declared once. Part of the "add a mapper" walkthrough
 * (docs/architecture.md): each setting is a {@link Setting} (key, label, help, default, how its text
 * is read), from which the admin console's fields, the check on save and this reader all come.
 *
 * @param salutation the word before the name
 */
public record GreetingConfig(String salutation) {

    static final int MAX_SALUTATION = 40;
    public static final Setting<String> SALUTATION = Setting.parsed("salutation", "Salutation",
            "The word before the user's name, at most " + MAX_SALUTATION + " characters.", "Hello",
            text -> text.length() <= MAX_SALUTATION ? Setting.Reading.of(text)
                    : Setting.Reading.refused("Salutation must be at most " + MAX_SALUTATION + " characters, not " + text.length() + "."),
            "Hello");
    public static final List<Setting<?>> SETTINGS = List.of(SALUTATION);

    /** Reads the settings; a salutation that cannot be used is added to {@code problems} and replaced by the default. */
    public static GreetingConfig read(Map<String, String> settings, Problems problems) {
        return new GreetingConfig(SALUTATION.read(settings, problems));
    }
}
