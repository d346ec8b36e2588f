package dk.visitation.security;

/** The roles a token can carry (claim {@code groups}). Constants so {@code @RolesAllowed} can name them. */
public final class Role {

    public static final String MYN_ADVISER = "MYN_ADVISER";
    public static final String CBA_ADVISER = "CBA_ADVISER";
    public static final String COMMITTEE_MEMBER = "COMMITTEE_MEMBER";
    public static final String ECONOMY = "ECONOMY";
    public static final String LEADER = "LEADER";
    public static final String AUDITOR = "AUDITOR";
    /** Another municipal system calling over HTTP. */
    public static final String SYSTEM = "SYSTEM";

    public static final java.util.List<String> ALL =
            java.util.List.of(MYN_ADVISER, CBA_ADVISER, COMMITTEE_MEMBER, ECONOMY, LEADER, AUDITOR, SYSTEM);

    private Role() {
    }
}
