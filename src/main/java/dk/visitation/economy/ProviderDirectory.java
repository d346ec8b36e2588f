package dk.visitation.economy;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The providers a grant may name: implemented by the provider register (feature {@code providers}), which depends on
 * economy for the service types and not the other way round.
 */
public interface ProviderDirectory {

    /** A provider as a grant sees it when it is made. */
    record Listed(UUID id, String name, Grant.Provider kind, boolean active, Set<Grant.ServiceType> services) {
    }

    Optional<Listed> find(UUID id);
}
