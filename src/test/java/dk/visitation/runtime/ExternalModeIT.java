package dk.visitation.runtime;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.visitation.security.DevIdentityKeys;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * External mode as production runs it, with stand-ins reachable here: a PostgreSQL of its own and a
 * Zeebe gateway in another JVM. The service is pointed at both by configuration alone and must start
 * neither embedded part, nor the development issuer: tokens come from the identity provider's key.
 */
class ExternalModeIT {

    @Test
    void configured_database_and_engine_are_used_and_nothing_embedded_is_started() throws Exception {
        int enginePort = freePort();
        Process engine = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), StandaloneEngine.class.getName(),
                Integer.toString(enginePort)))
                .redirectErrorStream(true).redirectOutput(Files.createTempFile("engine", ".log").toFile()).start();
        // the municipality's identity provider, as far as the service can tell: a key pair and its issuer
        Path idp = Files.createTempDirectory("identity-provider");
        Map<String, String> keys = DevIdentityKeys.ensure(idp);
        String token = Jwt.issuer("https://idp.example.dk/realms/randers").audience("visitation-service")
                .upn("mette.myn").groups(Set.of("MYN_ADVISER")).claim("departments", List.of("MYN"))
                .sign(KeyUtils.decodePrivateKey(Files.readString(idp.resolve("private-key.pem"))));
        try (EmbeddedPostgres database = EmbeddedDatabase.start(Files.createTempDirectory("external-pg"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> accepts(enginePort));
            try (ServiceProcess service = ServiceProcess.start(Files.createTempDirectory("unused"),
                    "-Dvisitation.dev-identity.enabled=false",
                    "-Dmp.jwt.verify.publickey.location=" + keys.get("mp.jwt.verify.publickey.location"),
                    "-Dmp.jwt.verify.issuer=https://idp.example.dk/realms/randers",
                    "-Dquarkus.datasource.jdbc.url=" + database.getJdbcUrl("postgres", "postgres"),
                    "-Dquarkus.datasource.username=postgres",
                    "-Dvisitation.engine.mode=external",
                    "-Dvisitation.engine.grpc-address=http://localhost:" + enginePort)) {
                given().baseUri(service.uri("").toString()).contentType(ContentType.JSON)
                        .body(Map.of("user", "x", "roles", List.of("LEADER"))).post("/dev/tokens").then().statusCode(404);
                String id = given().baseUri(service.uri("").toString()).auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("child", Map.of("cpr", "0101154321", "name", "Ida Hansen"),
                                "source", "HOSPITAL", "receivedAt", "2026-11-20T09:30:00+01:00",
                                "description", "Kendt fra BUP."))
                        .post("/cases").then().statusCode(201).extract().path("id");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(service.uri("").toString())
                        .auth().oauth2(token).get("/cases/" + id).then().body("status", equalTo("AWAITING_ASSESSMENT")));

                try (Connection connection = database.getPostgresDatabase().getConnection();
                     ResultSet rows = connection.createStatement().executeQuery("select count(*) from child_case")) {
                    rows.next();
                    assertEquals(1, rows.getInt(1), "the case is in the configured database");
                }
                String log = Files.readString(service.log);
                assertFalse(log.contains("Embedded PostgreSQL on port"), log);
                assertFalse(log.contains("In-process Zeebe engine"), log);
            }
        } finally {
            engine.destroy();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
