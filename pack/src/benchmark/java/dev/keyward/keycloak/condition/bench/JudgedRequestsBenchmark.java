package dev.keyward.keycloak.condition.bench;

import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.context.ServiceAccountTokenRequestContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.keyward.keycloak.condition.JudgedRequestsCondition;

/**
 * What the condition of Keyward's global client policy adds to every client-policy event: its vote.
 * (What it saves, Keycloak building the executors for events they do not judge, needs a server:
 * docs/performance.md.) Run with {@code mvn -pl pack -Pbench verify -DskipTests -Djmh.benchmarks=JudgedRequestsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JudgedRequestsBenchmark {

    private final JudgedRequestsCondition condition = new JudgedRequestsCondition();
    private final ClientPolicyContext tokenRequest = () -> ClientPolicyEvent.TOKEN_REQUEST;
    private final ClientPolicyContext tokenResponse = () -> ClientPolicyEvent.TOKEN_RESPONSE;
    private ClientPolicyContext clientCredentials;
    private ClientPolicyContext clientCredentialsWithResource;

    @Setup
    public void setUp() {
        MultivaluedHashMap<String, String> plain = new MultivaluedHashMap<>();
        plain.putSingle("grant_type", "client_credentials");
        plain.putSingle("scope", "openid profile");
        MultivaluedHashMap<String, String> withResource = new MultivaluedHashMap<>(plain);
        withResource.putSingle("resource", "https://api.example.com/");
        clientCredentials = new ServiceAccountTokenRequestContext(plain, null);
        clientCredentialsWithResource = new ServiceAccountTokenRequestContext(withResource, null);
    }

    /** An event the baseline judges: yes at once. */
    @Benchmark
    public ClientPolicyVote judgedEvent() {
        return condition.applyPolicy(tokenRequest);
    }

    /** A response event: no, after looking for a resource parameter in none. */
    @Benchmark
    public ClientPolicyVote unjudgedEvent() {
        return condition.applyPolicy(tokenResponse);
    }

    /** A client-credentials grant without a resource parameter: no, after one parameter lookup. */
    @Benchmark
    public ClientPolicyVote clientCredentialsGrant() {
        return condition.applyPolicy(clientCredentials);
    }

    /** A client-credentials grant naming a resource: yes, for the resource-indicator executor. */
    @Benchmark
    public ClientPolicyVote clientCredentialsGrantWithResource() {
        return condition.applyPolicy(clientCredentialsWithResource);
    }
}
