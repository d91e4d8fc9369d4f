package dev.keyward.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPolicyTest {

    @Test
    void aWebLinkIsAbsoluteHttpOrHttpsWithAHost() {
        assertThat(UrlPolicy.WEB_LINK.accepted(" https://example.com/terms#part2 ")).contains("https://example.com/terms#part2");
        assertThat(UrlPolicy.WEB_LINK.accepted("http://example.com/")).isPresent();
        assertThat(UrlPolicy.WEB_LINK.problem("javascript:alert(1)")).contains("must use https or http, not javascript");
        assertThat(UrlPolicy.WEB_LINK.problem("/terms")).contains("is not an absolute URI");
        assertThat(UrlPolicy.WEB_LINK.problem("https:///path")).contains("has no host");
        assertThat(UrlPolicy.WEB_LINK.problem("https://exa mple.com")).contains("is not a URI");
        assertThat(UrlPolicy.WEB_LINK.problem("  ")).contains("is empty");
    }

    @Test
    void anImageOnALoginPageIsHttpsOnly() {
        assertThat(UrlPolicy.HTTPS_IMAGE.accepted("https://cdn.example.com/logo.svg")).isPresent();
        assertThat(UrlPolicy.HTTPS_IMAGE.problem("http://cdn.example.com/logo.svg")).contains("must use https, not http");
    }

    @Test
    void aResourceIndicatorIsAnyAbsoluteUriWithoutAFragment() {
        assertThat(UrlPolicy.RESOURCE_INDICATOR.accepted("urn:example:api")).isPresent();
        assertThat(UrlPolicy.RESOURCE_INDICATOR.accepted("https://api.example.com/")).isPresent();
        assertThat(UrlPolicy.RESOURCE_INDICATOR.problem("https://api.example.com/#x")).contains("has a fragment, which is not allowed here");
        assertThat(UrlPolicy.RESOURCE_INDICATOR.problem("api")).contains("is not an absolute URI");
    }

    @Test
    void aPageResourceCannotBreakOutOfCssAndFollowsThePagesScheme() {
        assertThat(UrlPolicy.pageResource(true).problem("https://x.example/a.css\");}body{")).isPresent();
        assertThat(UrlPolicy.pageResource(true).problem("https://x.example/a b.css")).isPresent();
        assertThat(UrlPolicy.pageResource(true).problem("http://x.example/a.css")).contains("must use https, not http");
        assertThat(UrlPolicy.pageResource(false).accepted("http://x.example/a.css")).isPresent();
    }
}
