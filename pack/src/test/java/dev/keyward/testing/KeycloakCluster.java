package dev.keyward.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two Keycloak nodes with Keyward over one PostgreSQL, clustered by Keycloak itself (Infinispan
 * over JGroups, the default jdbc-ping discovery through the database), on loopback. Both nodes
 * share one hostname, the {@link FrontDoor} in front of them, as nodes behind a load balancer do:
 * tokens issued by one are valid on the other, browser flows go through the front door to the node
 * a test routes them to, and tests call each node's endpoints at its own address.
 */
public final class KeycloakCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration VIEW_TIMEOUT = Duration.ofMinutes(2);

    private final HarnessConfig config;
    private final PostgresServer postgres;
    private final FrontDoor frontDoor;
    private final List<Node> nodes;

    /** One node: its Keycloak copy, ports, and the running process (null while down). */
    public final class Node {
        private final int number;
        private final Path home;
        private final int port;
        private final int managementPort;
        private final int clusterPort;
        private KcShProcess process;
        private int starts;

        Node(int number, Path home, int port, int managementPort, int clusterPort) {
            this.number = number;
            this.home = home;
            this.port = port;
            this.managementPort = managementPort;
            this.clusterPort = clusterPort;
        }

        public URI baseUrl() {
            return URI.create("http://localhost:" + port);
        }

        /** The node's own token endpoint (discovery names the front door's, the shared hostname). */
        public URI tokenEndpoint(String realm) {
            return baseUrl().resolve("/realms/" + realm + "/protocol/openid-connect/token");
        }

        public URI authorizationEndpoint(String realm) {
            return baseUrl().resolve("/realms/" + realm + "/protocol/openid-connect/auth");
        }

        public URI managementUrl() {
            return URI.create("http://127.0.0.1:" + managementPort);
        }

        public AdminClient admin() {
            return new AdminClient(baseUrl(), config.adminUsername(), config.adminPassword());
        }

        public Path log() {
            return home.resolveSibling("node-" + number + "-" + starts + ".log");
        }

        void start() {
            starts++;
            List<String> arguments = new ArrayList<>(List.of("start", "--optimized", "--http-enabled=true", "--http-host=127.0.0.1",
                    "--http-port=" + port, "--http-management-port=" + managementPort, "--hostname=" + frontDoor.baseUrl()));
            arguments.addAll(postgres.keycloakOptions());
            arguments.addAll(List.of("--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + clusterPort,
                    // One rule reports, so both modes are seen on the cluster; the rest enforce.
                    "--spi-client-policy-executor--keyward-oauth21--rule-pkce-required=report"));
            process = KcShProcess.start(home, log(), Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", config.adminUsername(),
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", config.adminPassword()), arguments.toArray(String[]::new));
            process.awaitReady(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), READY_TIMEOUT);
        }

        /** SIGKILL: the node dies without leaving the cluster. */
        public void kill() {
            process.kill();
            process = null;
        }

        /** Waits until this node's newest cluster view has {@code members} members (failure detection after a kill). */
        public void awaitViewOf(int members) {
            Eventually.poll("node " + number + " in a " + members + "-member cluster view", VIEW_TIMEOUT, this::latestView,
                    view -> view.contains("(" + members + ")"));
        }

        /** Starts the node again and waits until it is back in a two-member view. */
        public void restart() {
            start();
            awaitTwoMemberView();
        }

        /** The newest cluster view this node logged ({@code ISPN000094 ... (2) [node_a, node_b]}), or "". */
        String latestView() {
            return process == null ? "" : process.log().lines().filter(line -> line.contains("ISPN000094")).reduce((a, b) -> b).orElse("");
        }

        void stop() {
            if (process != null) {
                process.stop();
            }
        }

        String logTail() {
            return process == null ? "(down)" : process.logTail(40);
        }
    }

    private KeycloakCluster(HarnessConfig config, PostgresServer postgres, int frontDoorPort, List<Node> nodes) {
        this.config = config;
        this.postgres = postgres;
        this.nodes = nodes;
        this.frontDoor = FrontDoor.start(frontDoorPort, number -> node(number).baseUrl());
    }

    /**
     * PostgreSQL and the front door, then node 1 (which creates the schema), then node 2, then
     * waits for the two-member view; fails with both logs' tails otherwise.
     */
    public static KeycloakCluster start() {
        HarnessConfig config = HarnessConfig.fromSystemProperties();
        Path distribution = Path.of(System.getProperty("kc.pg.home"));
        Path directory = config.log().toAbsolutePath().getParent().resolve("cluster");
        PostgresServer postgres = PostgresServer.start(directory.resolve("postgres"), Integer.getInteger("kc.cluster.db.port", 15432));
        int base = Integer.getInteger("kc.cluster.port", 18280);
        KeycloakCluster cluster;
        try {
            cluster = new KeycloakCluster(config, postgres, base + 2, new ArrayList<>());
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        for (int number = 1; number <= 2; number++) {
            Path home = directory.resolve("node-" + number);
            copy(distribution, home);
            cluster.nodes.add(cluster.new Node(number, home, base + number - 1, base + 1000 + number - 1, 7810 + number - 1));
        }
        Instant started = Instant.now();
        try {
            cluster.node(1).start();
            cluster.node(2).start();
            cluster.awaitTwoMemberView();
        } catch (RuntimeException | AssertionError e) {
            String tails = "\n--- node 1 ---\n" + cluster.node(1).logTail() + "\n--- node 2 ---\n" + cluster.node(2).logTail();
            cluster.close();
            throw new IllegalStateException("The cluster did not form: " + e.getMessage() + tails, e);
        }
        System.out.printf("[keycloak-cluster] two nodes over PostgreSQL in one view after %d s%n",
                Duration.between(started, Instant.now()).toSeconds());
        return cluster;
    }

    public Node node(int number) {
        return nodes.get(number - 1);
    }

    /** The load balancer's address: the issuer's host, and where browser flows go. */
    public FrontDoor frontDoor() {
        return frontDoor;
    }

    /** A realm's issuer, at the shared hostname. */
    public URI issuer(String realm) {
        return frontDoor.baseUrl().resolve("/realms/" + realm);
    }

    /** Keycloak logs each new cluster view (ISPN000094); both nodes' newest must have two members. */
    void awaitTwoMemberView() {
        Eventually.poll("both nodes in one two-member cluster view (ISPN000094 ... (2))", VIEW_TIMEOUT,
                () -> nodes.stream().map(Node::latestView).toList(),
                views -> views.stream().allMatch(view -> view.contains("(2)")));
    }

    @Override
    public void close() {
        nodes.forEach(Node::stop);
        frontDoor.close();
        postgres.close();
    }

    private static void copy(Path from, Path to) {
        if (Files.isDirectory(to.resolve("bin"))) {
            return;
        }
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy Keycloak to " + to, e);
        }
    }
}
