package dev.keyward.authenticators.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebLinksTest {

    @Test
    void linksMayBeHttpOrHttps() {
        assertThat(WebLinks.linkOrNull(" https://acme.example/privacy ")).isEqualTo("https://acme.example/privacy");
        assertThat(WebLinks.linkOrNull("http://localhost:3000/terms")).isEqualTo("http://localhost:3000/terms");
    }

    @Test
    void imagesMustBeHttps() {
        assertThat(WebLinks.imageOrNull("https://cdn.acme.example/logo.svg")).isEqualTo("https://cdn.acme.example/logo.svg");
        assertThat(WebLinks.imageOrNull("http://cdn.acme.example/logo.svg")).isNull();
    }

    @Test
    void scriptRelativeAndBrokenUrlsAreDropped() {
        for (String bad : new String[] {null, "", "javascript:alert(1)", "data:text/html,x", "/relative", "//host/x", "https://", "ht tp://x"}) {
            assertThat(WebLinks.linkOrNull(bad)).as(String.valueOf(bad)).isNull();
            assertThat(WebLinks.imageOrNull(bad)).as(String.valueOf(bad)).isNull();
        }
    }
}
