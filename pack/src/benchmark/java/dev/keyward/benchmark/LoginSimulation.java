package dev.keyward.benchmark;

import static io.gatling.javaapi.core.CoreDsl.exec;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpDsl;

/** A browser sign-in with code and PKCE, two refreshes and logout, again and again, each with a fresh browser. */
public class LoginSimulation extends Simulation {

    public LoginSimulation() {
        BenchTarget target = BenchTarget.published();
        setUp(KeycloakFlows.population("login",
                exec(HttpDsl.flushCookieJar()).exec(KeycloakFlows.login()).repeat(2).on(KeycloakFlows.refresh()).exec(KeycloakFlows.logout()),
                target)).protocols(KeycloakFlows.protocol(target));
    }
}
