package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.testing.HostileRequests;
import dev.keyward.testing.KeycloakExtension;
import dev.keyward.testing.KeycloakServer;
import dev.keyward.testing.ThrowawayRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A seeded stream of random and hostile requests (parameters, headers and bodies) at every
 * endpoint a client or browser reaches: nothing answers 5xx, nothing redirects to a URI the realm
 * did not register, no page shows injected markup unescaped, and the server is healthy afterwards.
 * It runs fixed seeds (see {@link #seeds()}); {@code -Dfuzz.requests=N} sets each seed's length.
 */
@ExtendWith(KeycloakExtension.class)
class FuzzIT {

    @RegisterExtension
    static final ThrowawayRealm REALM = ThrowawayRealm.from("/realms/oauth21.json");

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration BUDGET = Duration.ofSeconds(150);

    @Test
    void hostileRequestsGetNoServerErrorNoOpenRedirectAndNoReflectedMarkup(KeycloakServer server) throws Exception {
        List<Long> seeds = seeds();
        int requests = Integer.getInteger("fuzz.requests", 3000);
        Set<String> registered = registeredRedirectUris(server);
        List<String> failures = new ArrayList<>();
        Instant deadline = Instant.now().plus(BUDGET);
        int sent = 0;
        for (long seed : seeds) {
            System.out.printf("[fuzz] seed %d, %d requests (replay with -Dfuzz.seed=%d)%n", seed, requests, seed);
            HostileRequests stream = new HostileRequests(seed, server.baseUrl(), HostileRequests.endpointsOf(REALM.name()));
            for (int i = 1; i <= requests && Instant.now().isBefore(deadline) && failures.size() < 10; i++, sent++) {
                HostileRequests.Hostile hostile = stream.next(i);
                HttpResponse<String> response = HTTP.send(hostile.request(), HttpResponse.BodyHandlers.ofString());
                String problem = problem(hostile, response, server.baseUrl(), registered);
                if (problem != null) {
                    failures.add("request " + i + " of seed " + seed + ": " + problem + "\n" + hostile.description()
                            + "\n  answer " + response.statusCode() + ": " + abbreviate(response.body()));
                }
            }
        }
        System.out.printf("[fuzz] sent %d requests%n", sent);

        assertThat(failures).as("replay with -Dfuzz.seed=<the seed named>").isEmpty();
        assertThat(sent).as("requests sent within %s", BUDGET).isGreaterThanOrEqualTo(Math.min(requests * seeds.size(), 1000));
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(server.managementUrl() + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("healthy afterwards: %s", health.body()).isEqualTo(200);
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(URI.create(REALM.issuer() + "/.well-known/openid-configuration"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
    }

    /**
     * The builds' seeds: fixed, so a build is reproducible and a seed that once found a bug stays a
     * regression test (17252169635152 found the 500 of a long registration error). {@code
     * -Dfuzz.seed=N} runs one seed, {@code -Dfuzz.seed=random} a fresh one to explore.
     */
    private static List<Long> seeds() {
        String seed = System.getProperty("fuzz.seed", "").trim();
        if (seed.equals("random")) {
            return List.of(System.nanoTime());
        }
        return seed.isEmpty() ? List.of(10660129154007L, 17252169635152L) : List.of(Long.parseLong(seed));
    }

    /** What is wrong with this answer, or null. */
    private static String problem(HostileRequests.Hostile hostile, HttpResponse<String> response, URI server, Set<String> registered) {
        if (response.statusCode() >= 500) {
            return "server error " + response.statusCode();
        }
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() / 100 == 3 && location != null && !toServerOrRegistered(location, server, registered)) {
            return "redirect to a URI the realm did not register: " + location;
        }
        boolean html = response.headers().firstValue("Content-Type").orElse("").contains("html");
        for (String marker : hostile.markers()) {
            if (html && response.body().contains(marker)) {
                return "injected markup shown unescaped: " + marker;
            }
        }
        return null;
    }

    private static boolean toServerOrRegistered(String location, URI server, Set<String> registered) {
        URI target = server.resolve(location);
        if (target.getHost() != null && target.getHost().equals(server.getHost()) && target.getPort() == server.getPort()) {
            return true;
        }
        String withoutQuery = location.replaceAll("[?#].*$", "");
        return registered.contains(withoutQuery);
    }

    private static Set<String> registeredRedirectUris(KeycloakServer server) {
        Set<String> uris = new java.util.HashSet<>();
        for (JsonNode client : server.admin().get("realms/" + REALM.name() + "/clients")) {
            client.path("redirectUris").forEach(uri -> uris.add(uri.asText()));
        }
        return uris;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
