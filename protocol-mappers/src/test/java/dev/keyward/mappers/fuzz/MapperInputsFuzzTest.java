package dev.keyward.mappers.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.keyward.mappers.access.GlobPattern;
import dev.keyward.mappers.audience.ResourceIndicators;
import dev.keyward.mappers.template.ClaimTemplate;
import dev.keyward.mappers.template.TemplateException;

/**
 * Properties of the mappers' pure parsers under Jazzer: regression runs of the kept inputs in
 * {@code mvn verify}, fuzzing with {@code JAZZER_FUZZ=1} (docs/robustness.md).
 */
class MapperInputsFuzzTest {

    /** Reads decimals exactly, as a claim's consumer that cares about them would; doubles would round them. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Numbers by value (a decimal 0 and an integer 0 are the same claim value), everything else as Jackson compares it. */
    private static final Comparator<JsonNode> SAME_NUMBER_OR_EQUAL = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    @FuzzTest(maxDuration = "10m", maxExecutions = 10_000_000)
    void aGlobMatchesExactlyWhatATableOfPrefixMatchesSays(FuzzedDataProvider data) {
        String pattern = data.consumeString(16);
        String text = data.consumeRemainingAsString();

        assertThat(new GlobPattern(pattern).matches(text)).as("%s against %s", pattern, text).isEqualTo(matchesByTable(pattern, text));
    }

    @FuzzTest(maxDuration = "10m", maxExecutions = 10_000_000)
    void aTemplateThatParsesRendersJsonThatReadsBackTheSame(FuzzedDataProvider data) throws Exception {
        List<String> values = new ArrayList<>();
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            values.add(data.consumeString(20));
        }
        String template = data.consumeRemainingAsString();
        ClaimTemplate parsed;
        try {
            parsed = ClaimTemplate.parse(template);
        } catch (TemplateException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }

        Map<String, Object> claim = parsed.render(source -> values, data.consumeBoolean());

        String json = JSON.writeValueAsString(claim);
        JsonNode read = JSON.readTree(json);
        assertThat(read.isObject()).as(json).isTrue();
        assertThat(read.equals(SAME_NUMBER_OR_EQUAL, JSON.valueToTree(claim))).as("%s reads back as %s", claim, read).isTrue();
    }

    /**
     * The textbook dynamic-programming match, independent of GlobPattern's backtracking: whether
     * the first i pattern characters match the first j text characters, for every i and j.
     */
    private static boolean matchesByTable(String pattern, String text) {
        boolean[][] table = new boolean[pattern.length() + 1][text.length() + 1];
        table[0][0] = true;
        for (int i = 1; i <= pattern.length(); i++) {
            char p = pattern.charAt(i - 1);
            table[i][0] = p == '*' && table[i - 1][0];
            for (int j = 1; j <= text.length(); j++) {
                table[i][j] = p == '*' ? table[i - 1][j] || table[i][j - 1]
                        : table[i - 1][j - 1] && (p == '?' || p == text.charAt(j - 1));
            }
        }
        return table[pattern.length()][text.length()];
    }

    @FuzzTest(maxDuration = "10m", maxExecutions = 10_000_000)
    void anAcceptedResourceIsAnAllowedAbsoluteUriWithoutFragment(FuzzedDataProvider data) {
        List<String> allowed = List.of("https://api.example.com", "https://api.example.com/orders", "urn:example:billing");
        List<String> requested = new ArrayList<>();
        int count = data.consumeInt(1, 3);
        for (int i = 0; i < count; i++) {
            requested.add(data.consumeBoolean() ? allowed.get(data.consumeInt(0, allowed.size() - 1)) + data.consumeString(12)
                    : data.consumeString(60));
        }

        Optional<String> refusal = ResourceIndicators.refusal(requested, allowed, List.of());

        if (refusal.isEmpty()) {
            for (String resource : requested) {
                assertThat(allowed).as("accepted %s", resource).contains(resource);
                assertThat(URI.create(resource).isAbsolute()).isTrue();
                assertThat(resource).doesNotContain("#");
            }
        }
    }
}
