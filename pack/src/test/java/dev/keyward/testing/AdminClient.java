package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The admin REST API over plain HTTP, signed in as the bootstrap admin the way kcadm.sh does
 * (password grant on master's admin-cli).
 */
public final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String accessToken;
    private Instant accessTokenExpires = Instant.MIN;

    AdminClient(URI baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /** The same server's admin API as another user of the master realm. */
    public AdminClient as(String otherUsername, String otherPassword) {
        return new AdminClient(baseUrl, otherUsername, otherPassword);
    }

    /** GET {@code /admin/PATH}, expecting 200. */
    public JsonNode get(String path) {
        return json(expect(200, send("GET", path, null)));
    }

    /** The baseline's modes, the server's and the realm's, from Keyward's modes endpoint (needs view-realm). */
    public BaselineModes baselineModes(String realm) {
        return BaselineModes.from(get("realms/" + realm + "/keyward-oauth21/modes"));
    }

    /** The id of a user of a realm, by exact username. */
    public String userId(String realm, String username) {
        JsonNode users = get("realms/" + realm + "/users?exact=true&username=" + username);
        if (users.isEmpty()) {
            throw new AssertionError("No user " + username + " in realm " + realm);
        }
        return users.get(0).path("id").asText();
    }

    /** A new user of the master realm without any role, password {@code <name>-password}; returns its ID. */
    public String createMasterUser(String name) {
        expect(201, post("realms/master/users", Map.of("username", name, "enabled", true,
                "credentials", List.of(Map.of("type", "password", "value", name + "-password", "temporary", false)))));
        return userId("master", name);
    }

    /** Roles of {@code realm}'s management client in master ({@code <realm>-realm}) for a master user, as a delegated admin gets them. */
    public void grantRealmManagementRoles(String userId, String realm, String... roles) {
        String realmClient = get("realms/master/clients?clientId=" + encode(realm + "-realm")).get(0).path("id").asText();
        List<JsonNode> granted = Arrays.stream(roles).map(role -> get("realms/master/clients/" + realmClient + "/roles/" + role)).toList();
        expect(204, post("realms/master/users/" + userId + "/role-mappings/clients/" + realmClient, granted));
    }

    /** POST JSON to {@code /admin/PATH}; the caller checks the status. */
    public HttpResponse<String> post(String path, Object body) {
        return send("POST", path, body);
    }

    public HttpResponse<String> put(String path, Object body) {
        return send("PUT", path, body);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    /** GET {@code /admin/PATH} asking for {@code accept}; the caller checks the status. */
    public HttpResponse<String> get(String path, String accept) {
        return send("GET", path, null, accept);
    }

    /** Sends an admin request with a valid token; {@code body} is a JSON string, a JsonNode or a bean. */
    public HttpResponse<String> send(String method, String path, Object body) {
        return send(method, path, body, "application/json");
    }

    private HttpResponse<String> send(String method, String path, Object body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve("/admin/" + path))
                .header("Authorization", "Bearer " + token())
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
        }
        return execute(request.build());
    }

    /** A one-use initial access token for dynamic registration (Keycloak answers 201 from 26.7, 200 before). */
    public String initialAccessToken(String realm) {
        HttpResponse<String> response = post("realms/" + realm + "/clients-initial-access", Map.of("count", 1, "expiration", 300));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw unexpected(response);
        }
        return json(response).path("token").asText();
    }

    /**
     * Updates the realm's fields and sets these of its attributes, keeping the others: Keycloak's realm update removes
     * every attribute it is not given. An empty value leaves the attribute unset for Keyward.
     */
    public void updateRealm(String realm, Map<String, Object> fields, Map<String, String> attributes) {
        Map<String, Object> update = new HashMap<>(fields);
        Map<String, String> all = new HashMap<>();
        get("realms/" + realm).path("attributes").fields().forEachRemaining(entry -> all.put(entry.getKey(), entry.getValue().asText()));
        all.putAll(attributes);
        update.put("attributes", all);
        expect(204, put("realms/" + realm, update));
    }

    public void createRealm(JsonNode realm) {
        expect(201, post("realms", realm));
    }

    public void deleteRealm(String realm) {
        HttpResponse<String> response = delete("realms/" + realm);
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw unexpected(response);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    public static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw unexpected(response);
        }
        return response;
    }

    private synchronized String token() {
        if (Instant.now().isBefore(accessTokenExpires)) {
            return accessToken;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        JsonNode token = json(expect(200, execute(request)));
        accessToken = token.path("access_token").asText();
        // Renew well before expiry so a slow test never sends a just-expired token.
        accessTokenExpires = Instant.now().plusSeconds(Math.max(5, token.path("expires_in").asLong(60) - 15));
        return accessToken;
    }

    private HttpResponse<String> execute(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.uri(), e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String string) {
            return string;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException unexpected(HttpResponse<String> response) {
        return new IllegalStateException(response.request().method() + " " + response.request().uri()
                + " answered " + response.statusCode() + ": " + response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
