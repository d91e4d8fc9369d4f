package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.keyward.testing.AdminClient;
import dev.keyward.testing.CompatibilitySubset;
import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Headers and bodies Keycloak's parsers cannot read get a 400 with an OAuth error body at every
 * endpoint a client or browser reaches, where stock Keycloak 26.7.3 answers 500
 * (docs/known-keycloak-issues.md); well-formed variants of the same headers still pass.
 */
@CompatibilitySubset
@ExtendWith(KeycloakExtension.class)
class MalformedInputIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/oauth21.json");

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** A DPoP proof whose EC key has one-character coordinates: a JWT, but its key is not a key. */
    private static final String DPOP_WITH_JUNK_KEY = "eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwiY3J2IjoiUC0yNTYiLCJ4IjoiYSIsInkiOiJiIn19"
            + ".eyJodG0iOiJQT1NUIn0.c2ln";

    private KeycloakServer server;

    record Endpoint(String name, String path, String method) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Header(String name, String value) {
    }

    @BeforeEach
    void connect(KeycloakServer server) {
        this.server = server;
    }

    static Stream<Endpoint> endpoints() {
        String realm = "/realms/" + REALM.name();
        String oidc = realm + "/protocol/openid-connect";
        return Stream.of(
                new Endpoint("discovery", realm + "/.well-known/openid-configuration", "GET"),
                new Endpoint("authorization", oidc + "/auth?client_id=public-app&response_type=code&scope=openid"
                        + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&code_challenge_method=S256"
                        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "GET"),
                new Endpoint("token", oidc + "/token", "POST"),
                new Endpoint("PAR", oidc + "/ext/par/request", "POST"),
                new Endpoint("userinfo", oidc + "/userinfo", "GET"),
                new Endpoint("introspection", oidc + "/token/introspect", "POST"),
                new Endpoint("revocation", oidc + "/revoke", "POST"),
                new Endpoint("logout", oidc + "/logout", "GET"),
                new Endpoint("dynamic registration", realm + "/clients-registrations/openid-connect", "POST"),
                new Endpoint("login action", realm + "/login-actions/authenticate", "GET"),
                new Endpoint("account console", realm + "/account", "GET"),
                new Endpoint("admin API", "/admin/realms/" + REALM.name() + "/clients", "GET"),
                new Endpoint("Keyward's brand stylesheet", realm + "/keyward-brand/brand.css", "GET"));
    }

    static Stream<Object[]> malformedHeaders() {
        List<Header> headers = List.of(
                new Header("Content-Type", ";;;"),
                new Header("Cookie", "$Version=x; KC_RESTART=abc"),
                new Header("Accept-Language", "en;q=abc"),
                new Header("Accept", ";;;/;"));
        List<Object[]> cases = new ArrayList<>();
        endpoints().forEach(endpoint -> headers.forEach(header -> cases.add(new Object[] {endpoint, header.name(), header.value()})));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}: {2}")
    @MethodSource("malformedHeaders")
    void anUnreadableHeaderIsABadRequest(Endpoint endpoint, String header, String value) throws Exception {
        HttpResponse<String> response = send(endpoint, "application/x-www-form-urlencoded", "client_id=public-app", header, value);

        assertThat(response.statusCode()).as("%s answered %s: %s", endpoint, response.statusCode(), abbreviate(response.body())).isEqualTo(400);
        assertThat(AdminClient.json(response).path("error").asText()).isEqualTo("invalid_request");
        assertThat(AdminClient.json(response).path("error_description").asText()).contains(header);
    }

    static Stream<Endpoint> formEndpoints() {
        return endpoints().filter(endpoint -> endpoint.method().equals("POST") && !endpoint.name().equals("dynamic registration"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formEndpoints")
    void aFormBodyWithABrokenEscapeIsABadRequest(Endpoint endpoint) throws Exception {
        HttpResponse<String> response = send(endpoint, "application/x-www-form-urlencoded", "client_id=public-app&grant_type=%zz");

        assertThat(response.statusCode()).as("%s answered %s: %s", endpoint, response.statusCode(), abbreviate(response.body())).isEqualTo(400);
        assertThat(AdminClient.json(response).path("error").asText()).isEqualTo("invalid_request");
        assertThat(AdminClient.json(response).path("error_description").asText()).contains("form body");
    }

    @ParameterizedTest(name = "body {0}")
    @MethodSource("missingClientMetadata")
    void aRegistrationWithoutClientMetadataIsInvalidClientMetadata(String body) throws Exception {
        Endpoint registration = endpoints().filter(e -> e.name().equals("dynamic registration")).findFirst().orElseThrow();

        HttpResponse<String> response = send(registration, "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(AdminClient.json(response).path("error").asText()).isEqualTo("invalid_client_metadata");
    }

    static Stream<String> missingClientMetadata() {
        return Stream.of("", "null");
    }

    @Test
    void aMultipartBodyWithoutABoundaryIsABadRequest() throws Exception {
        Endpoint userinfo = endpoints().filter(e -> e.name().equals("userinfo")).findFirst().orElseThrow();
        Endpoint post = new Endpoint(userinfo.name(), userinfo.path(), "POST");

        HttpResponse<String> response = send(post, "multipart/form-data; boundary=", "client_id=public-app");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(AdminClient.json(response).path("error_description").asText()).contains("multipart");
    }

    @Test
    void aDpopProofWhoseKeyIsNotAKeyIsAnInvalidProof() throws Exception {
        Endpoint token = endpoints().filter(e -> e.name().equals("token")).findFirst().orElseThrow();

        HttpResponse<String> response = send(token, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=confidential-app&client_secret=confidential-secret", "DPoP", DPOP_WITH_JUNK_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(AdminClient.json(response).path("error").asText()).isEqualTo("invalid_dpop_proof");
    }

    @Test
    void wellFormedHeadersOfTheSameKindsStillPass() throws Exception {
        Endpoint discovery = endpoints().findFirst().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(server.baseUrl().resolve(discovery.path())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8").header("Cookie", "theme=dark; KC_RESTART=abc")
                .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8").header("Accept", "application/json, text/plain;q=0.5, */*;q=0.1")
                .GET().build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> send(Endpoint endpoint, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUrl().resolve(endpoint.path())).timeout(Duration.ofSeconds(30));
        boolean contentTypeGiven = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentTypeGiven |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (endpoint.method().equals("POST")) {
            if (!contentTypeGiven) {
                request.header("Content-Type", contentType);
            }
            request.POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
