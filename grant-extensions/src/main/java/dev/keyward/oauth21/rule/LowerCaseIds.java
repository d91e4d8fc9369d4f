package dev.keyward.oauth21.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Enum constants as options and attributes name them: by their name in lower case ({@code enforce}, {@code fapi2}). */
final class LowerCaseIds {

    private LowerCaseIds() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant this value names (any case, surrounding spaces ignored), else empty. */
    static <E extends Enum<E>> Optional<E> parse(E[] constants, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String id = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(constants).filter(constant -> of(constant).equals(id)).findFirst();
    }

    static List<String> all(Enum<?>[] constants) {
        return Arrays.stream(constants).map(LowerCaseIds::of).toList();
    }
}
