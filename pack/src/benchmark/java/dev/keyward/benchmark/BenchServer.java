package dev.keyward.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.keyward.testing.KcShProcess;

/**
 * One fresh Keycloak for the benchmark: its own copy of a built distribution (stock, or with
 * Keyward installed by the install routine), a new H2 database with the benchmark realm imported,
 * HTTPS on 127.0.0.1 with the run's certificate, and a JFR recording written when it stops.
 *
 * @param name    {@code stock}, or Keyward's baseline mode
 * @param options Keycloak start options beyond the common ones (Keyward's mode)
 * @param bankKey the public JWK of the FAPI 2.0 client {@link BenchTarget#BANK}; null: a run without the FAPI 2.0 flow
 * @param revokesRefreshTokens whether the realm turns on Keycloak's own refresh-token rotation (revoke refresh token,
 *                             no reuse): the reference that does the same work as Keyward's {@code refresh-token-rotation}
 */
record BenchServer(String name, Path home, Path work, int port, List<String> options, String bankKey, boolean revokesRefreshTokens) {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    String baseUrl() {
        return "https://127.0.0.1:" + port;
    }

    Path recording() {
        return work.resolve(name + ".jfr");
    }

    /** Starts the server from an empty database with the benchmark realm; {@link #awaitReady} waits for it. */
    KcShProcess start(BenchCertificate certificate) {
        try {
            Path data = home.resolve("data");
            if (Files.exists(data)) {
                try (var files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
            Files.createDirectories(data.resolve("import"));
            JSON.writerWithDefaultPrettyPrinter().writeValue(data.resolve("import/bench-realm.json").toFile(),
                    realm(options.isEmpty(), bankKey, revokesRefreshTokens));
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + home, e);
        }
        List<String> arguments = new ArrayList<>(List.of("start", "--optimized", "--import-realm", "--http-enabled=false",
                "--http-host=127.0.0.1", "--https-port=" + port, "--http-management-port=" + (port + 1),
                "--https-key-store-file=" + certificate.keyStore(), "--https-key-store-password=" + BenchCertificate.PASSWORD,
                "--hostname-strict=false", "--log-level=warn"));
        arguments.addAll(options);
        return KcShProcess.start(home, work.resolve(name + ".log"),
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        // Same heap on every server, and a CPU profile for the attribution.
                        "JAVA_OPTS_KC_HEAP", "-Xms1g -Xmx1g",
                        "JAVA_OPTS_APPEND", "-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=" + recording()
                                + ",settings=profile,dumponexit=true"),
                arguments.toArray(String[]::new));
    }

    /** Waits until the server answers over HTTPS; stops it and fails with its log when it does not. */
    void awaitReady(KcShProcess process, BenchCertificate certificate) {
        HttpClient https = HttpClient.newBuilder().sslContext(certificate.trusting()).connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(baseUrl() + "/realms/" + BenchTarget.REALM + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + ": Keycloak exited during startup. " + process.logTail(40));
            }
            try {
                if (https.send(HttpRequest.newBuilder(discovery).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            sleep(Duration.ofSeconds(1));
        }
        process.stop();
        throw new IllegalStateException(name + ": Keycloak was not ready within " + STARTUP + ". " + process.logTail(40));
    }

    /**
     * The same realm on every server: users with passwords, a public SPA client, a confidential service client and a
     * FAPI 2.0 client. That one is held to Keycloak's own {@code fapi-2-dpop-security-profile} on the stock server (a
     * client policy for the clients with the role {@link BenchTarget#BANK_ROLE}) and to Keyward's fapi2, enforced, on
     * the others: the A/B of the two profiles. Only in a run of the FAPI 2.0 flow ({@code bankKey} not null): Keycloak
     * evaluates a client policy's condition on every request of every client, which would burden the stock server's
     * OAuth 2.1 flows too.
     */
    private static Map<String, Object> realm(boolean stock, String bankKey, boolean revokesRefreshTokens) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 1; i <= BenchTarget.USER_COUNT; i++) {
            users.add(Map.of("username", "bench-user-" + i, "enabled", true, "email", "bench-user-" + i + "@bench.example",
                    "emailVerified", true, "firstName", "Bench", "lastName", "User " + i,
                    "credentials", List.of(Map.of("type", "password", "value", BenchTarget.PASSWORD, "temporary", false))));
        }
        List<Map<String, Object>> clients = new ArrayList<>(List.of(
                Map.of("clientId", BenchTarget.SPA, "publicClient", true, "standardFlowEnabled", true, "directAccessGrantsEnabled", false,
                        "redirectUris", List.of(BenchTarget.REDIRECT_URI), "attributes", Map.of("pkce.code.challenge.method", "S256")),
                Map.of("clientId", BenchTarget.SERVICE, "publicClient", false, "secret", BenchTarget.SERVICE_SECRET,
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false)));
        Map<String, Object> realm = new HashMap<>(Map.of("realm", BenchTarget.REALM, "enabled", true, "users", users, "clients", clients));
        if (revokesRefreshTokens) {
            realm.put("revokeRefreshToken", true);
            realm.put("refreshTokenMaxReuse", 0);
        }
        if (bankKey == null) {
            return realm;
        }
        Map<String, String> bankAttributes = new HashMap<>(Map.of("use.jwks.string", "true", "jwks.string", "{\"keys\":[" + bankKey + "]}",
                "token.endpoint.auth.signing.alg", "PS256", "require.pushed.authorization.requests", "true", "dpop.bound.access.tokens", "true",
                "pkce.code.challenge.method", "S256", "id.token.signed.response.alg", "PS256", "access.token.signed.response.alg", "PS256"));
        if (!stock) {
            bankAttributes.put("keyward.profile", "fapi2");
        }
        clients.add(Map.of("clientId", BenchTarget.BANK, "publicClient", false, "clientAuthenticatorType", "client-jwt", "standardFlowEnabled", true,
                "directAccessGrantsEnabled", false, "fullScopeAllowed", false, "redirectUris", List.of(BenchTarget.REDIRECT_URI),
                "attributes", bankAttributes));
        realm.put("roles", Map.of("client", Map.of(BenchTarget.BANK, List.of(Map.of("name", BenchTarget.BANK_ROLE)))));
        if (stock) {
            realm.put("clientPolicies", Map.of("policies", List.of(Map.of("name", "fapi-2-dpop", "enabled", true,
                    "conditions", List.of(Map.of("condition", "client-roles", "configuration", Map.of("roles", List.of(BenchTarget.BANK_ROLE)))),
                    "profiles", List.of("fapi-2-dpop-security-profile")))));
        } else {
            realm.put("attributes", Map.of("keyward.fapi2.mode", "enforce"));
        }
        return realm;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A self-signed certificate for 127.0.0.1 made for the run with the JDK's keytool. */
    record BenchCertificate(Path keyStore) {

        static final String PASSWORD = "keyward-bench";

        static BenchCertificate create(Path directory) {
            Path keyStore = directory.resolve("bench-tls.p12");
            try {
                Files.createDirectories(directory);
                Files.deleteIfExists(keyStore);
                Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                        "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7", "-dname", "CN=127.0.0.1",
                        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                        "-storepass", PASSWORD, "-keypass", PASSWORD).inheritIO().start();
                if (keytool.waitFor() != 0) {
                    throw new IllegalStateException("keytool could not create " + keyStore);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            return new BenchCertificate(keyStore);
        }

        SSLContext trusting() {
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, PASSWORD.toCharArray());
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trust.getTrustManagers(), null);
                return context;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not read " + keyStore, e);
            }
        }
    }
}
