package dk.visitation.cases;

/** Where a case stands in the visitation. */
public enum CaseStatus {
    /** Registered; the visitation process is being started. */
    RECEIVED,
    /** The process runs and waits for MYN's target-group assessment. */
    AWAITING_ASSESSMENT,
    /** Obviously CBA (quickscreening): registered with its justification, to be handed over to CBA. */
    QUICK_SCREENED,
    /** MYN prepares the material for the visitation committee. */
    PREPARING_COMMITTEE,
    /** On the agenda of a committee meeting. */
    ON_COMMITTEE_AGENDA,
    /** The committee placed the case in CBA; to be handed over. */
    DECIDED_CBA,
    /** The committee placed the case in MYN. */
    DECIDED_MYN,
    /** The committee made it a shared case: a lead and a contributing department. */
    SHARED,
    /** The assessment found that the case stays in MYN. */
    STAYS_MYN,
    /** Handed over to the other department, which now works the case. */
    HANDED_OVER;

    /** After the placement is settled, a change needs a written reason (Change-Reason). */
    public boolean decided() {
        return switch (this) {
            case QUICK_SCREENED, DECIDED_CBA, DECIDED_MYN, SHARED, STAYS_MYN, HANDED_OVER -> true;
            default -> false;
        };
    }
}
