package dev.keyward.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The cluster's load balancer in the tests: one address for both nodes (their shared hostname),
 * forwarding every request to the node the test chose. A browser flow can start on one node and
 * go on at the other, as it does behind a real load balancer without sticky sessions.
 */
public final class FrontDoor implements AutoCloseable {

    // Hop-by-hop and length headers are the proxy's own business, and Java's HttpClient refuses to set them.
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "keep-alive",
            "transfer-encoding", "upgrade", "te", "trailer", "proxy-connection");

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();
    private final IntFunction<URI> nodes;
    private volatile int target = 1;

    private FrontDoor(HttpServer server, IntFunction<URI> nodes) {
        this.server = server;
        this.nodes = nodes;
    }

    /** Listens on loopback at this port and forwards to {@code nodes.apply(n)}, node 1 first. */
    static FrontDoor start(int port, IntFunction<URI> nodes) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            FrontDoor door = new FrontDoor(server, nodes);
            server.createContext("/", door::forward);
            server.setExecutor(door.workers);
            server.start();
            return door;
        } catch (IOException e) {
            throw new UncheckedIOException("The front door could not listen on port " + port, e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Sends every following request to this node. */
    public void routeTo(int node) {
        target = node;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(nodes.apply(target).resolve(exchange.getRequestURI().toString()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            request.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                // What a load balancer answers when the node it picked is down.
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
