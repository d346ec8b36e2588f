package dk.visitation.advisers;

/** The kind of caseload an adviser carries, each with its norm of cases per full-time adviser (CaseloadNorms). */
public enum CaseloadKind {
    /** Children and families (Dansk Socialrådgiverforening: 20–30 cases per full-time adviser). */
    CHILDREN_AND_FAMILY,
    /** Children with disabilities (25–35 per full-time adviser). */
    DISABILITY
}
