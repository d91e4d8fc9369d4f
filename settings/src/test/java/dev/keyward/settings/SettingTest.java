package dev.keyward.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingTest {

    private enum Colour { RED, GREEN }

    private static final Setting<Boolean> FLAG = Setting.flag("on", "Switched on", "help", true);
    private static final Setting<Integer> LIMIT = Setting.wholeNumber("limit", "Limit", "help", 0, 0, "0: no limit");
    private static final Setting<Colour> COLOUR = Setting.choice("colour", "Colour", "help", Colour.values(),
            colour -> colour.name().toLowerCase(), Colour.GREEN, Colour.RED);
    private static final Setting<List<String>> NAMES = Setting.multivalued("names", "Names", "help");
    private static final Setting<String> TEXT = Setting.text("text", "Text", "help", "standard");

    private final Problems problems = new Problems();

    @Test
    void unsetAndBlankReadAsTheDefault() {
        assertThat(FLAG.read(Map.of(), problems)).isTrue();
        assertThat(LIMIT.read(Map.of("limit", " "), problems)).isZero();
        assertThat(COLOUR.read(null, problems)).isEqualTo(Colour.GREEN);
        assertThat(NAMES.read(Map.of(), problems)).isEmpty();
        assertThat(TEXT.read(Map.of("text", ""), problems)).isEqualTo("standard");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void storedTextIsReadStrippedAndWithoutCase() {
        assertThat(FLAG.read(Map.of("on", " FALSE "), problems)).isFalse();
        assertThat(LIMIT.read(Map.of("limit", " 25 "), problems)).isEqualTo(25);
        assertThat(COLOUR.read(Map.of("colour", "Red"), problems)).isEqualTo(Colour.RED);
        assertThat(NAMES.read(Map.of("names", "a## ##b "), problems)).containsExactly("a", "b");
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void anUnusableValueReadsAsTheFallbackAndIsOneProblemNamingTheSetting() {
        assertThat(FLAG.read(Map.of("on", "yes"), problems)).isTrue();
        assertThat(LIMIT.read(Map.of("limit", "-1"), problems)).isZero();
        assertThat(LIMIT.read(Map.of("limit", "8k"), problems)).isZero();
        assertThat(COLOUR.read(Map.of("colour", "blue"), problems)).as("the fallback, not the default").isEqualTo(Colour.RED);

        assertThat(problems.list()).extracting(Problems.Problem::setting).containsExactly("on", "limit", "limit", "colour");
        assertThat(problems.messages()).containsExactly(
                "Switched on must be true or false, not 'yes'.",
                "Limit must be a whole number of 0 or more (0: no limit), not '-1'.",
                "Limit must be a whole number of 0 or more (0: no limit), not '8k'.",
                "Colour 'blue' is not one of red, green.");
    }

    @Test
    void theDeclarationCarriesWhatTheAdminConsoleShows() {
        assertThat(COLOUR.kind()).isEqualTo(Setting.Kind.CHOICE);
        assertThat(COLOUR.options()).containsExactly("red", "green");
        assertThat(COLOUR.defaultText()).isEqualTo("green");
        assertThat(LIMIT.defaultText()).isEqualTo("0");
        assertThat(NAMES.defaultText()).isNull();
    }

    @Test
    void aBoundedNumberSaysItsRange() {
        Setting<Integer> days = Setting.wholeNumber("days", "days", "help", 90, 0, 366, "0: none");

        assertThat(days.read(Map.of("days", "366"), problems)).isEqualTo(366);
        assertThat(days.read(Map.of("days", "367"), problems)).isEqualTo(90);
        assertThat(problems.messages()).containsExactly("days must be a whole number from 0 to 366 (0: none), not '367'.");
    }

    @Test
    void anOptionalChoiceIsEmptyWhenUnsetOrUnusable() {
        Setting<java.util.Optional<Colour>> colour = Setting.optionalChoice("colour", "Colour", "help", Colour.values(),
                value -> value.name().toLowerCase());

        assertThat(colour.read(Map.of(), problems)).isEmpty();
        assertThat(colour.read(Map.of("colour", "GREEN"), problems)).contains(Colour.GREEN);
        assertThat(colour.read(Map.of("colour", "blue"), problems)).isEmpty();
        assertThat(problems.messages()).containsExactly("Colour 'blue' is not one of red, green.");
        assertThat(colour.options()).containsExactly("red", "green");
    }

    @Test
    void aBlankServerOptionIsReadAsWrittenAndRefused() {
        assertThat(COLOUR.readOption(Map.of(), problems)).as("unset: the default").isEqualTo(Colour.GREEN);
        assertThat(COLOUR.readOption(Map.of("colour", " "), problems)).as("blank: the fallback").isEqualTo(Colour.RED);
        assertThat(problems.messages()).containsExactly("Colour '' is not one of red, green.");
    }
}
