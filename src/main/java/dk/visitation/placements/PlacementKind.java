package dk.visitation.placements;

/** Where a child is placed (anbringelsessted, Barnets Lov § 43). */
public enum PlacementKind {
    /** Plejefamilie (also kommunal or forstærket plejefamilie). */
    FOSTER_FAMILY,
    /** Netværksplejefamilie: family or the child's network. */
    NETWORK_FOSTER_FAMILY,
    /** Døgninstitution. */
    RESIDENTIAL_INSTITUTION,
    /** Socialpædagogisk opholdssted. */
    RESIDENTIAL_HOME,
    /** Eget værelse, kollegium or kollegielignende opholdssted. */
    OWN_ROOM,
    /** Efterskole, fri fagskole or anden kostskole. */
    BOARDING_SCHOOL,
    OTHER
}
