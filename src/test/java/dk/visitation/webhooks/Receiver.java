package dk.visitation.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A receiving system on this machine: keeps what it was sent, answers as told, can be stopped and started on its port. */
final class Receiver implements AutoCloseable {

    /** One POST as it arrived. */
    record Received(Map<String, String> headers, String body, JsonNode event) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String subject() {
            return event.path("subject").asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(204);
    /** While set, the handler waits on it (at most 10 s) before answering: a slow receiver. */
    final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
    final AtomicInteger entered = new AtomicInteger();
    private final int port;
    private HttpServer server;

    Receiver() throws IOException {
        server = start(0);
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    private HttpServer start(int on) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 50);
        http.createContext("/hook", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                entered.incrementAndGet();
                CountDownLatch latch = hold.get();
                if (latch != null) {
                    latch.await(10, TimeUnit.SECONDS);
                }
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
                String text = new String(body, StandardCharsets.UTF_8);
                int answer = status.get();
                if (answer < 300) {
                    received.add(new Received(headers, text, JSON.readTree(text)));
                }
                exchange.sendResponseHeaders(answer, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.start();
        return http;
    }

    /** Down: nothing listens on the port (connections are refused). */
    void stop() {
        server.stop(0);
    }

    /** Back on the same port. */
    void restart() throws IOException {
        server = start(port);
    }

    /** What arrived about a case, in arrival order. */
    List<Received> about(Object caseId) {
        return received.stream().filter(r -> caseId.toString().equals(r.subject())).toList();
    }

    @Override
    public void close() {
        CountDownLatch latch = hold.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
        server.stop(0);
    }
}
