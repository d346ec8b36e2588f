package dk.visitation.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with the development issuer switched on outside embedded mode: a production
 * deployment must never accept self-minted tokens.
 */
@ApplicationScoped
class DevIdentityGuard {

    void check(@Observes StartupEvent event,
            @ConfigProperty(name = "visitation.dev-identity.enabled", defaultValue = "false") boolean devIdentity,
            @ConfigProperty(name = "visitation.embedded.database", defaultValue = "false") boolean embeddedDatabase,
            @ConfigProperty(name = "visitation.engine.mode", defaultValue = "embedded") String engineMode) {
        if (devIdentity && (!embeddedDatabase || !engineMode.equalsIgnoreCase("embedded"))) {
            throw new IllegalStateException("visitation.dev-identity.enabled=true is allowed only in embedded mode "
                    + "(embedded PostgreSQL and engine); configure mp.jwt.verify.* for the identity provider instead");
        }
    }
}
