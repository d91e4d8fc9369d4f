package dev.keyward.benchmark;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The requests of the benchmark's scenarios, as keycloak/keycloak-benchmark models them: a browser
 * login with authorization code and PKCE (login page, form post, code exchange), refreshes, logout,
 * and the client-credentials grant. Every request checks its answer, so a refusal counts as a failure.
 */
final class KeycloakFlows {

    static final String LOGIN_FORM = "login form";
    static final String REFRESH = "refresh";
    static final String CLIENT_CREDENTIALS = "client credentials";
    static final String FAPI2_PUSH_AND_TOKEN = "fapi2 push and code exchange";

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeycloakFlows() {
    }

    static HttpProtocolBuilder protocol(BenchTarget target) {
        // Redirects are read, not followed: the code is taken from the Location header.
        return http.baseUrl(target.baseUrl()).disableFollowRedirect().disableCaching()
                .acceptHeader("text/html,application/json").userAgentHeader("keyward-benchmark");
    }

    /** Login page, form post and code exchange with PKCE (S256); leaves the tokens in the session. */
    static ChainBuilder login() {
        return exec(session -> {
            String verifier = randomToken();
            return session.set("verifier", verifier).set("challenge", challenge(verifier)).set("state", randomToken())
                    .set("username", "bench-user-" + (1 + ThreadLocalRandom.current().nextInt(BenchTarget.USER_COUNT)));
        }).exec(http("login page").get(BenchTarget.realmPath("auth"))
                        .queryParam("client_id", BenchTarget.SPA).queryParam("response_type", "code")
                        .queryParam("redirect_uri", BenchTarget.REDIRECT_URI).queryParam("scope", "openid")
                        .queryParam("state", "#{state}").queryParam("code_challenge", "#{challenge}")
                        .queryParam("code_challenge_method", "S256")
                        .check(status().is(200), css("#kc-form-login", "action").saveAs("action")))
                .exec(measured(LOGIN_FORM, http(LOGIN_FORM).post("#{action}").formParam("username", "#{username}")
                        .formParam("password", BenchTarget.PASSWORD).formParam("credentialId", "")
                        .check(status().is(302), header("Location").transform(KeycloakFlows::code).saveAs("code"))))
                .exec(http("code exchange").post(BenchTarget.realmPath("token")).formParam("grant_type", "authorization_code")
                        .formParam("client_id", BenchTarget.SPA).formParam("code", "#{code}")
                        .formParam("redirect_uri", BenchTarget.REDIRECT_URI).formParam("code_verifier", "#{verifier}")
                        .check(status().is(200), jsonPath("$.refresh_token").saveAs("refreshToken")));
    }

    /**
     * A FAPI 2.0 sign-in with DPoP as {@link BenchTarget#BANK}: PAR with private_key_jwt and {@code dpop_jkt}, the login page
     * by {@code request_uri}, the form post, the code exchange with private_key_jwt and a DPoP proof. Measured: the push and
     * the code exchange together, where both profiles judge (their latencies summed, once per sign-in).
     */
    static ChainBuilder fapi2Login(BenchTarget target) {
        Fapi2Client bank = Fapi2Client.published(target);
        return exec(session -> {
            String verifier = randomToken();
            return session.set("verifier", verifier).set("challenge", challenge(verifier)).set("state", randomToken())
                    .set("username", "bench-user-" + (1 + ThreadLocalRandom.current().nextInt(BenchTarget.USER_COUNT)))
                    .set("parAssertion", bank.assertion()).set("tokenAssertion", bank.assertion());
        }).exec(http("pushed request").post(BenchTarget.realmPath("ext/par/request"))
                        .formParam("response_type", "code").formParam("client_id", BenchTarget.BANK)
                        .formParam("redirect_uri", BenchTarget.REDIRECT_URI).formParam("scope", "openid").formParam("state", "#{state}")
                        .formParam("code_challenge", "#{challenge}").formParam("code_challenge_method", "S256")
                        .formParam("dpop_jkt", bank.dpopThumbprint())
                        .formParam("client_assertion_type", Fapi2Client.ASSERTION_TYPE).formParam("client_assertion", "#{parAssertion}")
                        .check(status().is(201), jsonPath("$.request_uri").saveAs("requestUri"), responseTimeInMillis().saveAs("parLatency")))
                // Keycloak may answer a pushed request with a redirect to its login page (login-actions/authenticate).
                .exec(http("login page by request_uri").get(BenchTarget.realmPath("auth"))
                        .queryParam("client_id", BenchTarget.BANK).queryParam("request_uri", "#{requestUri}")
                        .check(status().in(200, 302), header("Location").optional().saveAs("loginPage"),
                                css("#kc-form-login", "action").optional().saveAs("action")))
                .doIf(session -> session.contains("loginPage")).then(
                        exec(http("login page").get("#{loginPage}").check(status().is(200), css("#kc-form-login", "action").saveAs("action")))
                                .exec(session -> session.remove("loginPage")))
                .exec(http("fapi2 login form").post("#{action}").formParam("username", "#{username}")
                        .formParam("password", BenchTarget.PASSWORD).formParam("credentialId", "")
                        .check(status().is(302), header("Location").transform(KeycloakFlows::code).saveAs("code")))
                .exec(session -> session.set("dpop", bank.dpopProof("POST", target.baseUrl() + BenchTarget.realmPath("token"))))
                .exec(http("fapi2 code exchange").post(BenchTarget.realmPath("token")).header("DPoP", "#{dpop}")
                        .formParam("grant_type", "authorization_code").formParam("code", "#{code}")
                        .formParam("redirect_uri", BenchTarget.REDIRECT_URI).formParam("code_verifier", "#{verifier}")
                        .formParam("client_assertion_type", Fapi2Client.ASSERTION_TYPE).formParam("client_assertion", "#{tokenAssertion}")
                        .check(status().is(200), jsonPath("$.token_type").is("DPoP"), responseTimeInMillis().saveAs("tokenLatency")))
                .exec(session -> LatencyRecorder.record(FAPI2_PUSH_AND_TOKEN,
                        session.set(LatencyRecorder.LATENCY, session.getInt("parLatency") + session.getInt("tokenLatency"))));
    }

    /** One refresh grant; keeps the new refresh token (Keyward makes a public client's refresh tokens one-time). */
    static ChainBuilder refresh() {
        return measured(REFRESH, http(REFRESH).post(BenchTarget.realmPath("token")).formParam("grant_type", "refresh_token")
                .formParam("client_id", BenchTarget.SPA).formParam("refresh_token", "#{refreshToken}")
                .check(status().is(200), jsonPath("$.refresh_token").saveAs("refreshToken")));
    }

    static ChainBuilder logout() {
        return exec(http("logout").post(BenchTarget.realmPath("logout")).formParam("client_id", BenchTarget.SPA)
                .formParam("refresh_token", "#{refreshToken}").check(status().is(204)));
    }

    static ChainBuilder clientCredentials() {
        return measured(CLIENT_CREDENTIALS, http(CLIENT_CREDENTIALS).post(BenchTarget.realmPath("token"))
                .formParam("grant_type", "client_credentials").formParam("client_id", BenchTarget.SERVICE)
                .formParam("client_secret", BenchTarget.SERVICE_SECRET).check(status().is(200)));
    }

    /**
     * Closed model: a fixed number of users, each repeating {@code iteration} until the run's time is
     * up (the request in flight then completes, so nothing is cut off); open model: users arriving at
     * a fixed rate, one iteration each. {@code setup} runs once per user before its iterations.
     */
    static PopulationBuilder population(String name, ChainBuilder iteration, BenchTarget target) {
        return population(name, exec(session -> session), iteration, target);
    }

    static PopulationBuilder population(String name, ChainBuilder setup, ChainBuilder iteration, BenchTarget target) {
        if (target.open()) {
            return scenario(name).exec(setup).exec(iteration)
                    .injectOpen(CoreDsl.constantUsersPerSec(target.users()).during(target.duration()));
        }
        // exitASAP false: Gatling would otherwise leave the iteration at the deadline, before its measurement is recorded.
        return scenario(name).exec(setup).exec(during(target.duration(), false).on(iteration))
                .injectOpen(CoreDsl.atOnceUsers(target.users()));
    }

    /** A request whose latency the benchmark compares (see {@link LatencyRecorder}). */
    private static ChainBuilder measured(String name, HttpRequestActionBuilder request) {
        return exec(request.check(responseTimeInMillis().saveAs(LatencyRecorder.LATENCY)))
                .exec(session -> LatencyRecorder.record(name, session));
    }

    private static String code(String location) {
        String query = URI.create(location).getRawQuery();
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("code=")) {
                return parameter.substring("code=".length());
            }
        }
        throw new IllegalStateException("No code in the redirect: " + location);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
