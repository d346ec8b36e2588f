package dk.visitation.security;

import java.util.Optional;
import java.util.UUID;

/** Finds a child by CPR number for the auditor; implemented by the feature that holds the child record. */
public interface ChildDirectory {

    /** The child's id, when the CPR number is valid and known. */
    Optional<UUID> childIdOf(String cpr);

    /** The children of these cases, so an access-log entry that names a case is found by its child's search. */
    java.util.Set<UUID> childIdsOfCases(java.util.Collection<UUID> caseIds);
}
