package dk.visitation.cases;

/** Where the request (henvendelse) came from. */
public enum RequestSource {
    PARENTS, DAY_CARE, SCHOOL, HOSPITAL, OTHER_AUTHORITY, NOTIFICATION
}
