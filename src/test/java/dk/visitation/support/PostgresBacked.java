package dk.visitation.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the database for every {@code @QuarkusTest}: a test resource on any class applies to the
 * whole run, so all test classes share one fresh PostgreSQL and one application start.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class PostgresBacked {

    private PostgresBacked() {
    }
}
