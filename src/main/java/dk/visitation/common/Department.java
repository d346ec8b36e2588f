package dk.visitation.common;

/** The two departments a child's case can sit in. */
public enum Department {
    /** Myndighedscentret: the children-and-family authority; every case starts here. */
    MYN,
    /** Center for Børnehandicap og Autisme. */
    CBA
}
