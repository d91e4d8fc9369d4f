package dev.keyward.benchmark;

import io.gatling.javaapi.core.Simulation;

/** Client-credentials grants of a confidential client. */
public class ClientCredentialsSimulation extends Simulation {

    public ClientCredentialsSimulation() {
        BenchTarget target = BenchTarget.published();
        setUp(KeycloakFlows.population("client-credentials", KeycloakFlows.clientCredentials(), target))
                .protocols(KeycloakFlows.protocol(target));
    }
}
