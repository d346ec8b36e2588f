package dk.visitation.security;

import java.util.Optional;
import java.util.UUID;

/** Finds a child by CPR number for the auditor; implemented by the feature that holds the child record. */
public interface ChildDirectory {

    /** The child's id, when the CPR number is valid and known. */
    Optional<UUID> childIdOf(String cpr);
}
