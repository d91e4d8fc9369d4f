package dev.keyward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.keyward.settings.Problems;
import org.junit.jupiter.api.Test;

class ConsoleOptionsTest {

    @Test
    void theConsoleClientIsKeptUnlessTheOptionSaysFalse() {
        assertThat(ConsoleOptions.keepsConsoleClient(Map.of(), new Problems())).isTrue();
        assertThat(ConsoleOptions.keepsConsoleClient(Map.of("console-client", "false"), new Problems())).isFalse();
        assertThat(ConsoleOptions.keepsConsoleClient(Map.of("console-client", " true "), new Problems())).isTrue();
    }

    @Test
    void aValueThatIsNotAFlagIsAProblemThatNamesTheOption() {
        for (String written : new String[] {"no", " "}) {
            Problems problems = new Problems();
            ConsoleOptions.keepsConsoleClient(Map.of("console-client", written), problems);
            assertThat(problems.messages()).as(written).singleElement().asString().contains("console-client");
        }
    }
}
