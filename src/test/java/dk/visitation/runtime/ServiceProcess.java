package dk.visitation.runtime;

import dk.visitation.support.CprScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged service run as its own process, as bin/run runs it: for restart tests and start-up figures. */
final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("visitation.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final long readyMillis;
    private final Process process;
    final Path log;

    private ServiceProcess(Process process, int port, long readyMillis, Path log) {
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
        this.log = log;
    }

    /** Starts the jar in embedded mode with its data in {@code dataDir} and waits until it is ready. */
    static ServiceProcess start(Path dataDir, String... extraProperties) throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the package phase first");
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-Dvisitation.dev-identity.enabled=true",
                "-Dquarkus.http.port=" + port,
                "-Dvisitation.embedded.data-dir=" + dataDir.resolve("postgres")));
        command.addAll(List.of(extraProperties));
        command.addAll(List.of("-jar", JAR.toString()));
        Path log = Files.createTempFile("visitation-service", ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited during start-up:\n" + Files.readString(log));
            }
            if (status(port, "/q/health/ready") == 200) {
                return new ServiceProcess(process, port, (System.nanoTime() - started) / 1_000_000, log);
            }
            Thread.sleep(50); // polling the readiness endpoint, bounded by the deadline above
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service was not ready within 90 s:\n" + Files.readString(log));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Resident memory of the service's JVM (the embedded PostgreSQL runs in processes of its own). */
    long rssKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** A development token from the service's own issuer (embedded mode). */
    String token(String role, String... departments) throws IOException, InterruptedException {
        String body = "{\"user\": \"" + role.toLowerCase() + "\", \"roles\": [\"" + role + "\"], \"departments\": ["
                + String.join(",", java.util.Arrays.stream(departments).map(d -> "\"" + d + "\"").toList()) + "]}";
        String answer = HTTP.send(HttpRequest.newBuilder(uri("/dev/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return answer.replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    }

    /** Waits for the service to die by itself (a fault injected into it); its exit code. */
    int awaitDeath(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The service was expected to die within " + within);
        }
        return process.exitValue();
    }

    /** A graceful stop (SIGTERM), as a platform stops a pod; then its log must hold no CPR number. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        List<String> leaked = CprScanner.cprNumbersIn(Files.readString(log)).stream().map(CprScanner::hidden).toList();
        if (!leaked.isEmpty()) {
            throw new AssertionError("CPR numbers in the service log " + log + ": " + leaked);
        }
    }

    static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
