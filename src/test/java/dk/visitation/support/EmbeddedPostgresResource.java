package dk.visitation.support;

import dk.visitation.runtime.EmbeddedDatabase;
import dk.visitation.security.DevIdentityKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A fresh embedded PostgreSQL and development issuer for the test run: the same database the service runs on, never H2. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private Path dataDir;
    private Path identityDir;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("visitation-test-pg");
            postgres = EmbeddedDatabase.start(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "visitation.embedded.database", "true"));
        try {
            identityDir = Files.createTempDirectory("visitation-test-identity");
            config.putAll(DevIdentityKeys.ensure(identityDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
                deleteTree(dataDir);
                deleteTree(identityDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

}
