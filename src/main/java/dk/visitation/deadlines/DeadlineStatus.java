package dk.visitation.deadlines;

/** Where a deadline stands at a moment. */
public enum DeadlineStatus {
    /** Not yet due and not yet in its warning window. */
    OPEN,
    /** In its warning window (a configurable number of working days before the due day; the last 6 hours of a 24-hour rule). */
    DUE_SOON,
    /** Past due and not met. */
    OVERDUE,
    /** Met on or before the due time. */
    MET,
    /** Met, but after the due time. */
    MET_LATE,
    /** The record says why the rule does not apply (e.g. a child conversation not held, with its reason). */
    NOT_RELEVANT
}
