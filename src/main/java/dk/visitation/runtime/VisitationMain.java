package dk.visitation.runtime;

import dk.visitation.workflow.EmbeddedEngine;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the embedded PostgreSQL before Quarkus when no database is configured, so that
 * {@code bin/run} needs no configuration. Tests do not pass through here: they get a fresh
 * database from their own test resource.
 */
@QuarkusMain
public class VisitationMain {

    public static void main(String... args) {
        if (!"external".equalsIgnoreCase(EmbeddedDatabase.setting("visitation.engine.mode", "VISITATION_ENGINE_MODE", "embedded"))) {
            EmbeddedEngine.prestart(Boolean.parseBoolean(EmbeddedDatabase.setting(
                    "visitation.engine.keep-full-log", "VISITATION_ENGINE_KEEP_FULL_LOG", "false"))); // its start overlaps PostgreSQL's and the boot
        }
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}
