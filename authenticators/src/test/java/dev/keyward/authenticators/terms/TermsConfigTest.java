package dev.keyward.authenticators.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keyward.settings.Problems;

class TermsConfigTest {

    private final Problems problems = new Problems();

    @Test
    void anUnconfiguredActionAsksForVersionOneWithTheDefaultText() {
        TermsConfig config = TermsConfig.read(null, problems);

        assertThat(config).isEqualTo(new TermsConfig("1", "keywardTermsText", null));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void readsEachSetting() {
        Map<String, String> values = Map.of(TermsConfig.VERSION.key(), " 2026-11 ", TermsConfig.TEXT_KEY.key(), "acmeTerms",
                TermsConfig.URL.key(), "https://acme.example/terms");

        assertThat(TermsConfig.read(values, problems)).isEqualTo(new TermsConfig("2026-11", "acmeTerms", "https://acme.example/terms"));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void eachBadSettingIsNamedWithWhatIsWrong() {
        assertThat(problems(TermsConfig.VERSION.key(), "x".repeat(65)).list())
                .containsExactly(new Problems.Problem("terms-version", "The terms version may be at most 64 characters long."));
        assertThat(problems(TermsConfig.VERSION.key(), "1\n2").list())
                .extracting(Problems.Problem::setting).containsExactly("terms-version");
        assertThat(problems(TermsConfig.TEXT_KEY.key(), "${terms}").list())
                .extracting(Problems.Problem::setting).containsExactly("terms-text-key");
        assertThat(problems(TermsConfig.URL.key(), "javascript:alert(1)").list())
                .containsExactly(new Problems.Problem("terms-url", "The terms URL must be an absolute http:// or https:// URL."));
    }

    @Test
    void aBadVersionIsReportedButKeptSoEveryoneIsStillAskedAndABadTextKeyIsReplaced() {
        TermsConfig config = TermsConfig.read(Map.of(TermsConfig.VERSION.key(), "2026\t11", TermsConfig.TEXT_KEY.key(), "${terms}"), problems);

        assertThat(config).isEqualTo(new TermsConfig("2026\t11", "keywardTermsText", null));
        assertThat(problems.list()).extracting(Problems.Problem::setting).containsExactly("terms-version", "terms-text-key");
    }

    @Test
    void aStoredUrlThatIsNotAnAbsoluteHttpLinkIsNeverShown() {
        for (String bad : new String[] {"javascript:alert(1)", "data:text/html,x", "/relative", "//host/x", "https://", "ht tp://x"}) {
            Problems reported = new Problems();

            assertThat(TermsConfig.read(Map.of(TermsConfig.URL.key(), bad), reported).url()).as(bad).isNull();
            assertThat(reported.list()).as(bad).extracting(Problems.Problem::setting).containsExactly("terms-url");
        }
        assertThat(TermsConfig.read(Map.of(TermsConfig.URL.key(), " http://localhost:3000/terms "), problems).url())
                .isEqualTo("http://localhost:3000/terms");
    }

    private static Problems problems(String setting, String value) {
        Problems problems = new Problems();
        TermsConfig.read(Map.of(setting, value), problems);
        return problems;
    }
}
