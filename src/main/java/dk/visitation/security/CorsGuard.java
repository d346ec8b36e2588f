package dk.visitation.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A browser on any site must not be able to call an API with children's data: no wildcard origins. */
@ApplicationScoped
class CorsGuard {

    void check(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        if (origins.orElse(List.of()).stream().anyMatch(origin -> origin.contains("*") || origin.startsWith("/"))) {
            throw new IllegalStateException("quarkus.http.cors.origins must list exact origins, not patterns or *");
        }
    }
}
