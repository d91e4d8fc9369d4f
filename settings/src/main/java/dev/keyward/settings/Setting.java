package dev.keyward.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One provider setting, declared once: its key, the admin console's label, help, kind and default,
 * and how its stored text is read. The console's field (keycloak-defaults' {@code ConsoleFields}),
 * the check on save and the runtime reader all come from this declaration, so no reader parses a
 * flag or a number itself.
 *
 * @param <T> the value the provider works with
 */
public final class Setting<T> {

    /** How the admin console shows the setting. */
    public enum Kind { FLAG, TEXT, LONG_TEXT, WHOLE_NUMBER, CHOICE, MULTIVALUED }

    /** What a stored text reads as: a value, a problem (a sentence that says what to write), or both. */
    public record Reading<T>(Optional<T> value, String problem) {

        public static <T> Reading<T> of(T value) {
            return new Reading<>(Optional.of(value), null);
        }

        /** Unusable: the setting's fallback applies. */
        public static <T> Reading<T> refused(String problem) {
            return new Reading<>(Optional.empty(), problem);
        }

        /** Wrong, but kept as written, where any replacement would be less safe than the value itself. */
        public static <T> Reading<T> keptDespite(T value, String problem) {
            return new Reading<>(Optional.of(value), problem);
        }
    }

    private final String key;
    private final String label;
    private final String help;
    private final Kind kind;
    private final String defaultText;
    private final String consoleDefault;
    private final List<String> options;
    private final Function<String, Reading<T>> parser;
    private final T fallback;

    private Setting(String key, String label, String help, Kind kind, String defaultText, List<String> options,
                    Function<String, Reading<T>> parser, T fallback) {
        this(key, label, help, kind, defaultText, defaultText, options, parser, fallback);
    }

    private Setting(String key, String label, String help, Kind kind, String defaultText, String consoleDefault, List<String> options,
                    Function<String, Reading<T>> parser, T fallback) {
        this.key = key;
        this.label = label;
        this.help = help;
        this.kind = kind;
        this.defaultText = defaultText;
        this.consoleDefault = consoleDefault;
        this.options = List.copyOf(options);
        this.parser = parser;
        this.fallback = fallback;
    }

    /** A switch; unset reads as {@code standard}. */
    public static Setting<Boolean> flag(String key, String label, String help, boolean standard) {
        return new Setting<>(key, label, help, Kind.FLAG, Boolean.toString(standard), List.of(), text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Reading.of(true);
            case "false" -> Reading.of(false);
            default -> Reading.refused(label + " must be true or false, not '" + text + "'.");
        }, standard);
    }

    /** Free text, stripped; unset reads as {@code standard}. */
    public static Setting<String> text(String key, String label, String help, String standard) {
        return new Setting<>(key, label, help, Kind.TEXT, standard, List.of(), Reading::of, standard);
    }

    /** A whole number of {@code min} or more; an unusable one reads as {@code standard} and is a problem. */
    public static Setting<Integer> wholeNumber(String key, String label, String help, int standard, int min, String meaningOfDefault) {
        return wholeNumber(key, label, help, standard, min, Integer.MAX_VALUE, meaningOfDefault);
    }

    /** A whole number from {@code min} to {@code max}; an unusable one reads as {@code standard} and is a problem. */
    public static Setting<Integer> wholeNumber(String key, String label, String help, int standard, int min, int max, String meaningOfDefault) {
        String range = max == Integer.MAX_VALUE ? "of " + min + " or more" : "from " + min + " to " + max;
        String rule = label + " must be a whole number " + range + (meaningOfDefault.isEmpty() ? "" : " (" + meaningOfDefault + ")");
        return new Setting<>(key, label, help, Kind.WHOLE_NUMBER, Integer.toString(standard), List.of(), text -> {
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return Reading.of(value);
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            return Reading.refused(rule + ", not '" + text + "'.");
        }, standard);
    }

    /**
     * One of a closed list of values, each written as {@code name.apply(value)}; unset reads as
     * {@code standard}, an unknown text as {@code fallback} (the choice that is safe when the admin's
     * intent is unclear) and is a problem.
     */
    public static <E> Setting<E> choice(String key, String label, String help, E[] values, Function<E, String> name, E standard, E fallback) {
        Function<String, Reading<E>> parser = oneOf(label, values, name);
        return new Setting<>(key, label, help, Kind.CHOICE, name.apply(standard), names(values, name), parser, fallback);
    }

    /** One of a closed list of values, or none: unset reads as empty, an unknown text as empty and is a problem. */
    public static <E> Setting<Optional<E>> optionalChoice(String key, String label, String help, E[] values, Function<E, String> name) {
        Function<String, Reading<E>> parser = oneOf(label, values, name);
        return new Setting<>(key, label, help, Kind.CHOICE, null, names(values, name), text -> {
            Reading<E> reading = parser.apply(text);
            return new Reading<>(Optional.of(reading.value()), reading.problem());
        }, Optional.empty());
    }

    private static <E> List<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).toList();
    }

    private static <E> Function<String, Reading<E>> oneOf(String label, E[] values, Function<E, String> name) {
        String names = String.join(", ", names(values, name));
        return text -> Arrays.stream(values).filter(value -> name.apply(value).equals(text.toLowerCase(Locale.ROOT))).findFirst()
                .map(Reading::of).orElseGet(() -> Reading.refused(label + " '" + text + "' is not one of " + names + "."));
    }

    /** Keycloak's "Multivalued string": the values without empty ones; unset reads as none. */
    public static Setting<List<String>> multivalued(String key, String label, String help) {
        return new Setting<>(key, label, help, Kind.MULTIVALUED, null, List.of(), text -> Reading.of(MultivaluedSetting.values(text)), List.of());
    }

    /** A text the provider parses itself ({@code parser}); unset reads as {@code defaultText}, unusable as {@code fallback}. */
    public static <T> Setting<T> parsed(String key, String label, String help, String defaultText, Function<String, Reading<T>> parser, T fallback) {
        return new Setting<>(key, label, help, Kind.TEXT, defaultText, List.of(), parser, fallback);
    }

    /** The same setting shown as a multi-line field. */
    public Setting<T> multiLine() {
        return new Setting<>(key, label, help, Kind.LONG_TEXT, defaultText, consoleDefault, options, parser, fallback);
    }

    /** The same setting with the admin console's field filled in with {@code example} for a new provider (unset still reads as before). */
    public Setting<T> prefilled(String example) {
        return new Setting<>(key, label, help, kind, defaultText, example, options, parser, fallback);
    }

    /**
     * The setting's value in {@code settings} (a provider's stored config): its default where it is not
     * set, its fallback where it cannot be read, which adds one problem naming the setting.
     */
    public T read(Map<String, String> settings, Problems problems) {
        String stored = settings == null ? null : settings.get(key);
        return readText(stored == null || stored.isBlank() ? defaultText : stored.strip(), problems);
    }

    /**
     * The setting's value as a server option ({@code --spi-…} or keycloak.conf). Unlike a field in the admin
     * console, an option is only there when someone wrote it, so a blank one is read as written, and refused.
     */
    public T readOption(Map<String, String> options, Problems problems) {
        String stored = options.get(key);
        return readText(stored == null ? defaultText : stored.strip(), problems);
    }

    private T readText(String text, Problems problems) {
        if (text == null) {
            return fallback;
        }
        Reading<T> reading = parser.apply(text);
        if (reading.problem() != null) {
            problems.add(key, reading.problem());
        }
        return reading.value().orElse(fallback);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public Kind kind() {
        return kind;
    }

    /** The stored text that unset reads as; null for none. */
    public String defaultText() {
        return defaultText;
    }

    /** What the admin console fills in for a new provider: the default, or an example; null for nothing. */
    public String consoleDefault() {
        return consoleDefault;
    }

    /** The values of a {@link Kind#CHOICE}, as stored. */
    public List<String> options() {
        return options;
    }
}
