package dk.visitation.cases;

/** Where a case stands in the visitation. */
public enum CaseStatus {
    /** Registered; the visitation process is being started. */
    RECEIVED,
    /** The process runs and waits for MYN's target-group assessment. */
    AWAITING_ASSESSMENT
}
