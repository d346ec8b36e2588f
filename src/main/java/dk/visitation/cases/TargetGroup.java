package dk.visitation.cases;

/**
 * The target group (målgruppe) the visitation placed a case in — the professional answer, which may
 * differ from who paid on a given day. The economy track compares the two: disability cases whose cost
 * MYN carried before a late handover are exactly what a fair distribution must see.
 */
public enum TargetGroup {
    /** CBA's target group: considerable and lasting impairment as the main problem (quick screening, committee, handover). */
    DISABILITY,
    /** MYN's target group: social problems, or an agreed exception that stays in MYN. */
    SOCIAL,
    /** A shared case: a lead and a contributing department. */
    SHARED,
    /** Not yet placed by the visitation. */
    NOT_ASSESSED;

    public static TargetGroup of(CaseStatus status, dk.visitation.common.Department department) {
        return switch (status) {
            case QUICK_SCREENED, DECIDED_CBA -> DISABILITY;
            case STAYS_MYN, DECIDED_MYN -> SOCIAL;
            case SHARED -> SHARED;
            case HANDED_OVER -> department == dk.visitation.common.Department.CBA ? DISABILITY : SOCIAL;
            default -> NOT_ASSESSED;
        };
    }
}
