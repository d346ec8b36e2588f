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

    /** The provider, in use in the register and offering {@code service}; else a 400 naming {@code providerId}. */
    default Listed offering(UUID id, Grant.ServiceType service) {
        Listed listed = find(id).orElseThrow(() -> dk.visitation.common.ProblemException.invalid("providerId",
                "is not in the provider register"));
        if (!listed.active()) {
            throw dk.visitation.common.ProblemException.invalid("providerId", "is taken out of use in the provider register");
        }
        if (!listed.services().contains(service)) {
            throw dk.visitation.common.ProblemException.invalid("providerId", listed.name() + " does not offer " + service + " (offers "
                    + listed.services().stream().map(Enum::name).sorted().toList() + ")");
        }
        return listed;
    }
}
