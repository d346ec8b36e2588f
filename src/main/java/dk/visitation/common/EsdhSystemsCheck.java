package dk.visitation.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A pattern that does not compile, or no system at all, stops the start rather than the first reference. */
@ApplicationScoped
class EsdhSystemsCheck {

    void check(@Observes StartupEvent start, EsdhSystems systems) {
        if (systems.systems().isEmpty()) {
            throw new IllegalStateException("No ESDH system is configured (visitation.esdh.systems.<NAME>.case-number-pattern)");
        }
        DocumentReferenceValidator.compile(systems);
    }
}
