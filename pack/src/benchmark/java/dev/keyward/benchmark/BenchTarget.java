package dev.keyward.benchmark;

import java.time.Duration;

/**
 * What one Gatling run is aimed at, handed from {@link AbBenchmark} to the simulation it starts
 * through system properties (Gatling instantiates simulations itself).
 *
 * @param baseUrl  the server under load, {@code https://127.0.0.1:PORT}
 * @param users    concurrent virtual users (closed model), or arrivals per second (open model)
 * @param duration how long the load lasts
 * @param open     open model: new users arrive at a fixed rate, whatever the server's speed
 */
record BenchTarget(String baseUrl, int users, Duration duration, boolean open) {

    static final String REALM = "bench";
    static final String SPA = "bench-spa";
    static final String SERVICE = "bench-service";
    static final String SERVICE_SECRET = "bench-service-secret";
    static final String REDIRECT_URI = "https://app.bench.example/callback";
    static final String PASSWORD = "bench-password";
    static final int USER_COUNT = 50;
    /** The FAPI 2.0 client: private_key_jwt, PAR, DPoP; held to Keycloak's own FAPI 2 profile on the stock server, Keyward's fapi2 on the others. */
    static final String BANK = "bench-bank";
    static final String BANK_ROLE = "fapi2";

    private static final String PREFIX = "keyward.bench.";

    /** The FAPI 2.0 client's signing key (a private JWK), made once per run and handed to the simulations. */
    static final String BANK_KEY = PREFIX + "bank-key";

    void publish() {
        System.setProperty(PREFIX + "url", baseUrl);
        System.setProperty(PREFIX + "users", String.valueOf(users));
        System.setProperty(PREFIX + "seconds", String.valueOf(duration.toSeconds()));
        System.setProperty(PREFIX + "open", String.valueOf(open));
    }

    static BenchTarget published() {
        return new BenchTarget(System.getProperty(PREFIX + "url"), Integer.getInteger(PREFIX + "users"),
                Duration.ofSeconds(Long.getLong(PREFIX + "seconds")), Boolean.getBoolean(PREFIX + "open"));
    }

    static String realmPath(String endpoint) {
        return "/realms/" + REALM + "/protocol/openid-connect/" + endpoint;
    }
}
