package dev.keyward.oauth21.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.keyward.oauth21.baseline.Baseline;
import dev.keyward.oauth21.rule.AuthorizationRequest;
import dev.keyward.oauth21.rule.ClientRegistration;
import dev.keyward.oauth21.rule.ClientSettings;
import dev.keyward.oauth21.rule.Finding;
import dev.keyward.oauth21.rule.Phase;
import dev.keyward.oauth21.rule.TokenRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pure rule pipeline's cost per request, for a client with 10 registered redirect URIs.
 * Run with {@code mvn -pl grant-extensions -Pbench verify}; target: under 2 µs per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BaselineBenchmark {

    private final Baseline baseline = Baseline.oauth21();
    private AuthorizationRequest compliantAuthorization;
    private AuthorizationRequest loopbackAuthorization;
    private AuthorizationRequest rejectedAuthorization;
    private TokenRequest tokenRequest;
    private ClientSettings client;

    @Setup
    public void setUp() {
        List<String> redirectUris = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            redirectUris.add("https://app" + i + ".example.com/oauth2/callback");
        }
        redirectUris.add("http://127.0.0.1/oauth2/callback");
        client = new ClientSettings("spa", true, redirectUris);
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        // The matching URI is last, so every registered URI is compared.
        compliantAuthorization = new AuthorizationRequest(client, "code", "https://app8.example.com/oauth2/callback", challenge, "S256");
        loopbackAuthorization = new AuthorizationRequest(client, "code", "http://127.0.0.1:51234/oauth2/callback", challenge, "S256");
        rejectedAuthorization = new AuthorizationRequest(client, "code id_token", "https://app8.example.com/oauth2/callbackx", null, null);
        tokenRequest = new TokenRequest(client, "authorization_code", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    }

    @Benchmark
    public int authorizationRequest() {
        return baseline.check(Phase.REDIRECT, compliantAuthorization).size() + baseline.check(Phase.AUTHORIZATION, compliantAuthorization).size();
    }

    @Benchmark
    public int authorizationRequestOnAnyLoopbackPort() {
        return baseline.check(Phase.REDIRECT, loopbackAuthorization).size() + baseline.check(Phase.AUTHORIZATION, loopbackAuthorization).size();
    }

    /** A request that breaks three rules, so the findings and their messages are built. */
    @Benchmark
    public List<Finding> authorizationRequestWithThreeFindings() {
        List<Finding> findings = new ArrayList<>(baseline.check(Phase.REDIRECT, rejectedAuthorization));
        findings.addAll(baseline.check(Phase.AUTHORIZATION, rejectedAuthorization));
        return findings;
    }

    @Benchmark
    public int tokenRequest() {
        return baseline.check(Phase.TOKEN, tokenRequest).size();
    }

    @Benchmark
    public int clientRegistration() {
        return baseline.check(Phase.REGISTRATION, ClientRegistration.judgedInFull(client)).size();
    }
}
