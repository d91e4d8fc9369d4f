package dev.keyward.authenticators.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TermsConfigTest {

    @Test
    void anUnconfiguredActionAsksForVersionOneWithTheDefaultText() {
        TermsConfig config = TermsConfig.from(null);

        assertThat(config).isEqualTo(new TermsConfig("1", "keywardTermsText", null));
        assertThat(TermsConfig.problems(null)).isEmpty();
    }

    @Test
    void readsEachSetting() {
        Map<String, String> values = Map.of(TermsConfig.VERSION, " 2026-11 ", TermsConfig.TEXT_KEY, "acmeTerms",
                TermsConfig.URL, "https://acme.example/terms");

        assertThat(TermsConfig.from(values)).isEqualTo(new TermsConfig("2026-11", "acmeTerms", "https://acme.example/terms"));
        assertThat(TermsConfig.problems(values)).isEmpty();
    }

    @Test
    void eachBadSettingIsNamedWithWhatIsWrong() {
        assertThat(TermsConfig.problems(Map.of(TermsConfig.VERSION, "x".repeat(65))))
                .containsExactly(new TermsConfig.Problem("terms-version", "The terms version may be at most 64 characters long."));
        assertThat(TermsConfig.problems(Map.of(TermsConfig.VERSION, "1\n2")))
                .extracting(TermsConfig.Problem::setting).containsExactly("terms-version");
        assertThat(TermsConfig.problems(Map.of(TermsConfig.TEXT_KEY, "${terms}")))
                .extracting(TermsConfig.Problem::setting).containsExactly("terms-text-key");
        assertThat(TermsConfig.problems(Map.of(TermsConfig.URL, "javascript:alert(1)")))
                .containsExactly(new TermsConfig.Problem("terms-url", "The terms URL must be an absolute http:// or https:// URL."));
    }

    @Test
    void aStoredUrlThatIsNotHttpIsNeverShown() {
        assertThat(TermsConfig.from(Map.of(TermsConfig.URL, "javascript:alert(1)")).url()).isNull();
    }
}
