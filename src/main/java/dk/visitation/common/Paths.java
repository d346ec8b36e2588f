package dk.visitation.common;

/**
 * Path templates shared by the resources. Ids match only UUIDs, so a literal segment such as
 * /cases/search is never read as an id, and a malformed id is simply no resource (404).
 */
public final class Paths {

    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** One case, for resources that hang below it. */
    public static final String CASE = "/cases/{id: " + UUID + "}";

    private Paths() {
    }
}
