package dev.keyward.oauth21.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectUriMatcherTest {

    @Test
    void matchesCharacterForCharacter() {
        assertThat(RedirectUriMatcher.matches("https://app.example.com/cb", "https://app.example.com/cb")).isTrue();
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource({
            // what stock Keycloak's prefix wildcards let through
            "https://app.example.com/cbevil, https://app.example.com/cb",
            "https://app.example.com/cb/../admin, https://app.example.com/cb",
            // no normalisation of any kind
            "https://APP.example.com/cb, https://app.example.com/cb",
            "https://app.example.com:443/cb, https://app.example.com/cb",
            "https://app.example.com/c%62, https://app.example.com/cb",
            "https://app.example.com/cb/, https://app.example.com/cb",
            "https://app.example.com/cb?, https://app.example.com/cb",
            "https://app.example.com/cb?x=1, https://app.example.com/cb",
            "https://app.example.com/cb#x, https://app.example.com/cb",
            "https://app.example.com.evil.com/cb, https://app.example.com/cb",
            "https://evil.com@app.example.com/cb, https://app.example.com/cb",
            // loopback: any port only when registered without one, and only the port may differ
            "http://127.0.0.1:8080/cb, http://127.0.0.1:9090/cb",
            "http://127.0.0.1:8080/cbx, http://127.0.0.1/cb",
            "http://127.0.0.1:/cb, http://127.0.0.1/cb",
            "http://127.0.0.1:0/cb, http://127.0.0.1/cb",
            "http://127.0.0.1:080/cb, http://127.0.0.1/cb",
            "http://127.0.0.1:65536/cb, http://127.0.0.1/cb",
            "http://127.0.0.1:123456/cb, http://127.0.0.1/cb",
            "http://127.0.0.1:80@evil.com/cb, http://127.0.0.1/cb",
            "http://127.0.0.1.evil.com:80/cb, http://127.0.0.1/cb",
            "https://127.0.0.1:8443/cb, http://127.0.0.1/cb",
            "http://localhost:8080/cb, http://localhost/cb",
            "http://[::1]:8080/cb, http://127.0.0.1/cb",
    })
    void refuses(String requested, String registered) {
        assertThat(RedirectUriMatcher.matches(requested.strip(), registered.strip())).isFalse();
    }

    @Property
    void aLoopbackUriRegisteredWithoutAPortMatchesEveryPort(@ForAll @IntRange(min = 1, max = 65535) int port) {
        assertThat(RedirectUriMatcher.matches("http://127.0.0.1:" + port + "/callback", "http://127.0.0.1/callback")).isTrue();
        assertThat(RedirectUriMatcher.matches("http://[::1]:" + port + "/callback?x=1", "http://[::1]/callback?x=1")).isTrue();
        assertThat(RedirectUriMatcher.matches("http://127.0.0.1:" + port, "http://127.0.0.1")).isTrue();
    }

    @Property
    void aStringMatchesOnlyItselfWhenNoLoopbackIsInvolved(@ForAll String requested, @ForAll String registered) {
        if (!registered.startsWith("http://127.0.0.1") && !registered.startsWith("http://[::1]")) {
            assertThat(RedirectUriMatcher.matches(requested, registered)).isEqualTo(requested.equals(registered));
        }
    }

    @Test
    void namesTheClosestRegisteredUri() {
        List<String> registered = List.of("https://a.example/callback", "https://app.example.com/cb", "com.example.app:/cb");

        assertThat(RedirectUriMatcher.closest("https://app.example.com/cbevil", registered)).contains("https://app.example.com/cb");
        assertThat(RedirectUriMatcher.closest("x", List.of())).isEmpty();
    }
}
