package dk.visitation.quality;

/** The review's four gaps (BDO, 100 cases) and inactivity: what the radar flags per case. */
public enum Gap {
    /** A child-welfare investigation (Barnets Lov § 20) is missing where one is relevant: a notification or a measure. */
    INVESTIGATION("Børnefaglig undersøgelse mangler", "Barnets Lov § 20"),
    /** No child conversation in the last six months while a measure runs (Barnets Lov § 5). */
    CHILD_CONVERSATION("Ingen børnesamtale de seneste 6 måneder", "Barnets Lov § 5"),
    /** No child's plan for a running measure that needs one (Barnets Lov § 91). */
    CHILD_PLAN("Ingen barnets plan for en løbende indsats", "Barnets Lov § 91"),
    /** A follow-up on a running measure was not made on time (Barnets Lov § 95). */
    FOLLOW_UP("Opfølgning ikke rettidig", "Barnets Lov § 95"),
    /** No authority activity for the configured period while a measure runs. */
    INACTIVITY("Ingen aktivitet på sagen", "Barnets Lov § 95");

    public final String title;
    public final String legalBasis;

    Gap(String title, String legalBasis) {
        this.title = title;
        this.legalBasis = legalBasis;
    }
}
