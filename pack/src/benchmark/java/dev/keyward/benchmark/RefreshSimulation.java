package dev.keyward.benchmark;

import io.gatling.javaapi.core.Simulation;

/**
 * Refresh grants of a public client: each virtual user signs in once, then refreshes, always with
 * the latest refresh token. Only the refreshes are measured.
 */
public class RefreshSimulation extends Simulation {

    public RefreshSimulation() {
        BenchTarget target = BenchTarget.published();
        // A refresh needs its sign-in first: closed model only.
        BenchTarget closed = new BenchTarget(target.baseUrl(), target.users(), target.duration(), false);
        setUp(KeycloakFlows.population("refresh", KeycloakFlows.login(), KeycloakFlows.refresh(), closed))
                .protocols(KeycloakFlows.protocol(target));
    }
}
