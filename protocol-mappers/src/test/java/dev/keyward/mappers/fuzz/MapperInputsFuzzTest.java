package dev.keyward.mappers.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "10m", maxExecutions = 10_000_000)
    void aGlobMatchesExactlyWhatTheEquivalentRegularExpressionMatches(FuzzedDataProvider data) {
        String pattern = data.consumeString(12);
        String text = data.consumeRemainingAsString();
        if (text.length() > 40) {
            return;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }

        assertThat(new GlobPattern(pattern).matches(text)).as("%s against %s", pattern, text)
                .isEqualTo(Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches());
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
        assertThat(JSON.readTree(json)).isEqualTo(JSON.valueToTree(claim));
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
