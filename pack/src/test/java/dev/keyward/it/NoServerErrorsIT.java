package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.OidcClient;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing answers 5xx: a guarantee, not a switchable rule (docs/oauth21-rules.md). Malformed,
 * missing, oversized and hostile input at the authorization, token, PAR and userinfo endpoints
 * gets a 4xx, and at the token-style endpoints an OAuth error body. (Stock Keycloak under its
 * own OAuth 2.1 profile answers 500 to some of these.)
 */
@ExtendWith(KeycloakExtension.class)
class NoServerErrorsIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/oauth21.json");

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String HUGE = "x".repeat(20_000);
    private static String accessToken;

    /** One request: a name, and the request to send. */
    record Probe(String name, HttpRequest request, boolean oauthErrorBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void signIn(KeycloakServer server) {
        OidcClient client = OidcClient.publicClient(REALM.issuer(), "public-app", URI.create("https://app.example/cb"));
        accessToken = client.signInForTokens(server.baseUrl(), new Scope("openid"), "carol", "carol").getOIDCTokens().getAccessToken().getValue();
    }

    static Stream<Probe> probes() {
        String issuer = REALM.issuer().toString();
        String auth = issuer + "/protocol/openid-connect/auth";
        String token = issuer + "/protocol/openid-connect/token";
        String par = issuer + "/protocol/openid-connect/ext/par/request";
        String userinfo = issuer + "/protocol/openid-connect/userinfo";
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        List<Probe> probes = new ArrayList<>();
        probes.add(get("authorization without redirect_uri (client has several)", auth + "?" + query(Map.of(
                "client_id", "public-app", "response_type", "code", "scope", "openid",
                "code_challenge", challenge, "code_challenge_method", "S256"))));
        probes.add(get("authorization without redirect_uri (only a wildcard registered)", auth + "?" + query(Map.of(
                "client_id", "legacy-wildcard", "response_type", "code", "scope", "openid"))));
        probes.add(get("authorization without client_id", auth + "?response_type=code"));
        probes.add(get("authorization with an unknown client", auth + "?" + query(Map.of("client_id", "nobody", "response_type", "code"))));
        probes.add(get("authorization with a relative redirect_uri", auth + "?" + query(Map.of(
                "client_id", "public-app", "response_type", "code", "redirect_uri", "/cb"))));
        probes.add(get("authorization with a redirect_uri that is not a URI", auth + "?" + query(Map.of(
                "client_id", "public-app", "response_type", "code", "redirect_uri", "ht!tp://[::1"))));
        probes.add(get("authorization with an unknown response_type", auth + "?" + query(Map.of(
                "client_id", "public-app", "response_type", "code banana", "redirect_uri", "https://app.example/cb"))));
        probes.add(get("authorization with a 20 kB state", auth + "?" + query(Map.of(
                "client_id", "public-app", "response_type", "code", "redirect_uri", "https://app.example/cb",
                "code_challenge", challenge, "code_challenge_method", "S256", "state", HUGE))));
        probes.add(get("authorization with a 20 kB code_challenge", auth + "?" + query(Map.of(
                "client_id", "public-app", "response_type", "code", "redirect_uri", "https://app.example/cb",
                "code_challenge", HUGE, "code_challenge_method", "S256"))));
        probes.add(get("authorization with a control character in client_id", auth + "?client_id=public%00app&response_type=code"));
        probes.add(get("authorization with client_id twice", auth + "?client_id=public-app&client_id=other&response_type=code"));
        probes.add(post("token without grant_type", token, "client_id=public-app", true));
        probes.add(post("token with an unknown grant_type", token, "client_id=public-app&grant_type=banana", true));
        probes.add(post("token with a made-up code", token, query(Map.of("client_id", "public-app", "grant_type", "authorization_code",
                "code", "not-a-code", "redirect_uri", "https://app.example/cb", "code_verifier", new CodeVerifier().getValue())), true));
        probes.add(post("token with a 20 kB code_verifier", token, query(Map.of("client_id", "public-app", "grant_type", "authorization_code",
                "code", "not-a-code", "redirect_uri", "https://app.example/cb", "code_verifier", HUGE)), true));
        probes.add(post("token with a made-up refresh token", token, "client_id=public-app&grant_type=refresh_token&refresh_token=abc.def.ghi", true));
        probes.add(post("token with a JSON body", token, "{\"grant_type\":\"client_credentials\"}", false, "application/json"));
        probes.add(post("token with a malformed DPoP header", token, "client_id=public-app&grant_type=refresh_token&refresh_token=x", true,
                "application/x-www-form-urlencoded", "DPoP", "not-a-jwt"));
        probes.add(post("PAR without redirect_uri", par, query(Map.of("client_id", "public-app", "response_type", "code",
                "code_challenge", challenge, "code_challenge_method", "S256")), true));
        probes.add(post("PAR without PKCE", par, query(Map.of("client_id", "public-app", "response_type", "code",
                "redirect_uri", "https://app.example/cb")), true));
        probes.add(new Probe("userinfo with a plain Bearer token", HttpRequest.newBuilder(URI.create(userinfo))
                .header("Authorization", "Bearer " + accessToken).GET().build(), false));
        probes.add(new Probe("userinfo with a plain Bearer token and a junk DPoP header", HttpRequest.newBuilder(URI.create(userinfo))
                .header("Authorization", "Bearer " + accessToken).header("DPoP", "junk").GET().build(), false));
        probes.add(new Probe("userinfo with a DPoP token and a junk proof", HttpRequest.newBuilder(URI.create(userinfo))
                .header("Authorization", "DPoP " + accessToken).header("DPoP", "junk").GET().build(), false));
        probes.add(new Probe("userinfo with a junk token", HttpRequest.newBuilder(URI.create(userinfo))
                .header("Authorization", "Bearer junk").GET().build(), false));
        probes.add(new Probe("userinfo with ?access_token=", HttpRequest.newBuilder(URI.create(userinfo + "?access_token=" + accessToken))
                .GET().build(), false));
        return probes.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void answersBelow500(Probe probe) throws Exception {
        HttpResponse<String> response = HTTP.send(probe.request(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("%s answered %s: %s", probe.name(), response.statusCode(), abbreviate(response.body()))
                .isLessThan(500);
        if (probe.oauthErrorBody() && response.statusCode() >= 400) {
            JsonNode body = AdminClient.json(response);
            assertThat(body.path("error").asText()).as("an OAuth error code in %s", response.body()).isNotBlank();
        }
    }

    private static Probe get(String name, String url) {
        return new Probe(name, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(), false);
    }

    private static Probe post(String name, String url, String body, boolean oauthErrorBody) {
        return post(name, url, body, oauthErrorBody, "application/x-www-form-urlencoded");
    }

    private static Probe post(String name, String url, String body, boolean oauthErrorBody, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new Probe(name, request.build(), oauthErrorBody);
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
