package bench.baseline;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts a zonky embedded PostgreSQL (as the service's VisitationMain does), then Quarkus. */
@QuarkusMain
public class BaselineMain {

    public static void main(String... args) throws Exception {
        Path dataDir = Path.of(System.getProperty("baseline.data-dir", Files.createTempDirectory("baseline-pg").toString()));
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }));
        System.setProperty("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "");
        Quarkus.run(args);
    }
}
