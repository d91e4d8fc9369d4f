package dev.keyward.oauth21.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSetting;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.ServerUrls;
import dev.keyward.oauth21.rule.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedirectUriRegistrationTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example.com/callback",
            "https://app.example.com:8443/cb?tenant=a",
            "http://127.0.0.1/callback",
            "http://127.0.0.1:5173/callback",
            "http://[::1]/callback",
            "http://127.0.0.1",
            "com.example.native:/callback",
            "com.example.native:callback",
    })
    void allows(String uri) {
        assertThat(RedirectUriRegistration.problem(uri)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "https://app.example.com/*                | wildcards are not allowed",
            "*                                        | wildcards are not allowed",
            "https://app.example.com/cb#frag          | fragment",
            "/realms/acme/account/                    | not an absolute URI",
            "app.example.com/cb                       | not an absolute URI",
            "http://app.example.com/cb                | http is allowed only for loopback",
            "http://localhost:3000/cb                 | http is allowed only for loopback",
            "http://127.0.0.1.nip.io/cb               | http is allowed only for loopback",
            "http://127.0.0.1@evil.com/cb             | http is allowed only for loopback",
            "https:///cb                              | needs a host",
            "https:app.example.com                    | needs a host",
            "myapp:/callback                          | neither https nor a private-use scheme",
            "javascript:alert(1)                      | neither https nor a private-use scheme",
            "data:text/html,x                         | neither https nor a private-use scheme",
            "1com.example:/cb                         | not an absolute URI",
            "vvDsvA.:                                 | neither https nor a private-use scheme",
            "com.example.app:                         | followed by a path",
            "com..example:/cb                         | neither https nor a private-use scheme",
            ".example:/cb                             | not an absolute URI",
    })
    void refuses(String uri, String reason) {
        assertThat(RedirectUriRegistration.problem(uri.strip())).get().asString().contains(reason.strip());
    }

    @Test
    void refusesEmptyAndControlCharacters() {
        assertThat(RedirectUriRegistration.problem("")).isPresent();
        assertThat(RedirectUriRegistration.problem(null)).isPresent();
        assertThat(RedirectUriRegistration.problem("https://app.example.com/cb\n")).get().asString().contains("control character");
        assertThat(RedirectUriRegistration.problem("https://app.example.com/c b")).isPresent();
    }

    @Test
    void uriRelativeToTheClientsRootUrlAreJoinedToIt() {
        assertThat(inForce(List.of("/cb", "https://other.example/cb", "/x/*"), "https://app.example.com/"))
                .containsExactly("https://app.example.com/cb", "https://other.example/cb", "https://app.example.com/x/*");
        assertThat(inForce(List.of("/cb"), null)).containsExactly("/cb");
        assertThat(inForce(List.of("/cb"), "http://app.example.com")).containsExactly("http://app.example.com/cb");
        assertThat(RedirectUriRegistration.problem(inForce(List.of("/cb"), "http://app.example.com").get(0)))
                .get().asString().contains("http is allowed only for loopback");
    }

    @Test
    void urisRelativeToTheServersOwnUrlAreResolvedAndHaveTheServersTransport() {
        ServerUrls devServer = new ServerUrls("http://localhost:8080/", "http://localhost:8080/");
        ClientSettings console = new ClientSettings("keyward-console", true, List.of("/realms/acme/keyward/console/", "/realms/acme/x/*"))
                .with(ClientSetting.ROOT_URL, "${authBaseUrl}").onServer(devServer);

        assertThat(console.redirectUris()).containsExactly("http://localhost:8080/realms/acme/keyward/console/", "http://localhost:8080/realms/acme/x/*");
        assertThat(console.onThisServer("http://localhost:8080/realms/acme/keyward/console/")).isTrue();
        assertThat(RedirectUriRules.compliantRegistrations(ClientRegistration.judgedInFull(console))).get()
                .satisfies(v -> assertThat(v.setting().value()).as("a wildcard stays one").isEqualTo("http://localhost:8080/realms/acme/x/*"));
        assertThat(RedirectUriRules.compliantRegistrations(ClientRegistration.judgedInFull(
                console.with(ClientSetting.REDIRECT_URIS, List.of("/realms/acme/keyward/console/"))))).isEmpty();
        // The same URI written out in full is another site as far as the client's settings say: it needs https.
        ClientSettings absolute = new ClientSettings("web", true, List.of("http://localhost:8080/realms/acme/keyward/console/")).onServer(devServer);
        assertThat(RedirectUriRules.compliantRegistrations(ClientRegistration.judgedInFull(absolute))).isPresent();
        // Unknown server URLs (no request): the placeholder stays, and the URI is judged as the relative URI it then is.
        assertThat(new ClientSettings("c", true, List.of("/cb")).with(ClientSetting.ROOT_URL, "${authAdminUrl}").redirectUris())
                .containsExactly("${authAdminUrl}/cb");
    }

    /** The redirect URIs in force of a client with these stored URIs and root URL. */
    private static List<String> inForce(List<String> stored, String rootUrl) {
        return new ClientSettings("web", false, stored).with(ClientSetting.ROOT_URL, rootUrl).redirectUris();
    }

    @Test
    void theRuleNamesTheFirstOffendingUri() {
        ClientSettings client = new ClientSettings("web", false,
                List.of("https://ok.example/cb", "https://app.example.com/*", "http://x.example/"));

        assertThat(RedirectUriRules.compliantRegistrations(ClientRegistration.judgedInFull(client))).get().satisfies(f -> {
            assertThat(f.error()).isEqualTo("invalid_redirect_uri");
            assertThat(f.description()).startsWith("redirect URI 'https://app.example.com/*' is not allowed");
            assertThat(f.setting().value()).isEqualTo("https://app.example.com/* http://x.example/");
            assertThat(f.setting().safeValue()).as("a person decides redirect URIs").isNull();
        });
    }

    @Test
    void anUpdateIsRefusedOnlyForTheUrisItAdds() {
        ClientSettings legacy = new ClientSettings("legacy", false, List.of("https://app.example.com/*", "http://intranet.example/cb"));
        ClientSettings described = new ClientSettings("legacy", false, legacy.redirectUris());
        ClientSettings widened = new ClientSettings("legacy", false,
                List.of("https://app.example.com/*", "http://intranet.example/cb", "https://other.example/*"));

        assertThat(RedirectUriRules.compliantRegistrations(new ClientRegistration(described, legacy))).isEmpty();
        assertThat(RedirectUriRules.compliantRegistrations(new ClientRegistration(widened, legacy))).get()
                .satisfies(v -> assertThat(v.setting().value()).isEqualTo("https://other.example/*"));
        assertThat(RedirectUriRules.compliantRegistrations(ClientRegistration.judgedInFull(legacy))).isPresent();
        assertThat(RedirectUriRules.compliantRegistrations(ClientRegistration.judgedInFull(new ClientSettings("ok", true, List.of("https://ok.example/cb")))))
                .map(Violation::description).isEmpty();
    }
}
