package dev.keyward.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the integration-test harness is told by Failsafe (see pack/pom.xml) or on the command line. */
record HarnessConfig(
        Optional<URI> externalUrl,
        Optional<Path> externalLog,
        Path keycloakHome,
        int port,
        int managementPort,
        Path log,
        Path realmExports,
        String adminUsername,
        String adminPassword,
        List<String> startOptions,
        Optional<Integer> postgresPort) {

    static HarnessConfig fromSystemProperties() {
        String url = System.getProperty("kc.url", "").trim();
        String urlLog = System.getProperty("kc.url.log", "").trim();
        // -Dkc.db=postgres: the local server is the copy built for PostgreSQL, on a throwaway PostgreSQL of its own.
        boolean postgres = "postgres".equals(System.getProperty("kc.db", "dev-file").trim());
        return new HarnessConfig(
                url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url.replaceAll("/+$", ""))),
                urlLog.isEmpty() ? Optional.empty() : Optional.of(Path.of(urlLog)),
                Path.of(required(postgres ? "kc.pg.home" : "kc.home")),
                Integer.parseInt(System.getProperty("kc.port", "18080")),
                Integer.parseInt(System.getProperty("kc.management.port", "19000")),
                Path.of(System.getProperty("kc.log", "target/keycloak-it.log")),
                Path.of(required("realm.exports.dir")),
                System.getProperty("kc.admin.username", "admin"),
                System.getProperty("kc.admin.password", "admin"),
                Arrays.stream(System.getProperty("kc.start.options", "").trim().split("\\s+"))
                        .filter(option -> !option.isEmpty()).toList(),
                postgres ? Optional.of(Integer.getInteger("kc.db.port", 15433)) : Optional.empty());
    }

    /** The management interface: the local server's port, or -Dkc.management.url for a running one. */
    URI managementUrl() {
        return externalUrl.isPresent()
                ? URI.create(System.getProperty("kc.management.url", "http://localhost:9000"))
                : URI.create("http://localhost:" + managementPort);
    }

    private static String required(String name) {
        String value = System.getProperty(name, "").trim();
        if (value.isEmpty()) {
            throw new IllegalStateException("System property " + name
                    + " is not set; run the integration tests through Maven: mvn verify");
        }
        return value;
    }
}
