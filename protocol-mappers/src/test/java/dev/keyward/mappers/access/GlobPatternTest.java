package dev.keyward.mappers.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobPatternTest {

    @Test
    void starAndQuestionMarkMatchLikeAShell() {
        assertThat(new GlobPattern("app-*").matches("app-admin")).isTrue();
        assertThat(new GlobPattern("app-*").matches("app-")).isTrue();
        assertThat(new GlobPattern("app-*").matches("myapp-admin")).isFalse();
        assertThat(new GlobPattern("*/admin").matches("billing/admin")).isTrue();
        assertThat(new GlobPattern("r?le").matches("role")).isTrue();
        assertThat(new GlobPattern("r?le").matches("rle")).isFalse();
        assertThat(new GlobPattern("*").matches("")).isTrue();
        assertThat(new GlobPattern("").matches("x")).isFalse();
        assertThat(new GlobPattern("a.b").matches("axb")).as("no regex meaning").isFalse();
        assertThat(new GlobPattern("*").matches("*admin")).as("a star in the text is text (found by Jazzer)").isTrue();
        assertThat(new GlobPattern("**").matches("**  ]6\\*")).isTrue();
        assertThat(new GlobPattern("a*").matches("a*b")).isTrue();
        assertThat(new GlobPattern("ünï*").matches("ünïcødé")).isTrue();
    }

    @Test
    void aHostilePatternStaysLinear() {
        String pattern = "*a".repeat(200) + "b";
        String text = "a".repeat(20_000);

        assertThat(new GlobPattern(pattern).matches(text)).isFalse();
    }
}
