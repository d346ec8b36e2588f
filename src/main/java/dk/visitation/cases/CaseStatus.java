package dk.visitation.cases;

/** Where a case stands in the visitation. */
public enum CaseStatus {
    /** Registered; the visitation process is being started. */
    RECEIVED,
    /** The process runs and waits for MYN's target-group assessment. */
    AWAITING_ASSESSMENT;

    /** After the placement decision a change needs a written reason (Change-Reason). */
    public boolean decided() {
        return false; // no status after the decision exists yet; the visitation feature adds them
    }
}
