package dk.visitation.placements;

/** How soon the child must be placed: a planned placement is negotiated with quotes; an acute one is granted at once. */
public enum Urgency {
    PLANNED, SEMI_ACUTE, ACUTE
}
