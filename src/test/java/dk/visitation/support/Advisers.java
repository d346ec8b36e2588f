package dk.visitation.support;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adviser register for tests: a case's adviser must be an active adviser of the case's department, so a test that
 * names one registers it first (through the API, as a leader would).
 */
public final class Advisers {

    /** Test advisers are active from this day: the caseload cohort (AdviserCaseloadTest) lives in 2011, before them. */
    public static final String ACTIVE_FROM = "2020-01-01";

    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    private Advisers() {
    }

    public static String leader() {
        return Tokens.of("lea.leader", Set.of("LEADER"), Set.of("MYN", "CBA"));
    }

    /** Registers {@code userId} as a full-time, active adviser of {@code department} unless it is already; returns the user id. */
    public static String ensure(String userId, String department) {
        if (REGISTERED.add(userId)) {
            int status = Api.as(leader()).contentType(ContentType.JSON)
                    .body(Map.of("userId", userId, "name", userId, "department", department, "fte", 1,
                            "caseloadKind", department.equals("CBA") ? "DISABILITY" : "CHILDREN_AND_FAMILY", "activeFrom", ACTIVE_FROM))
                    .post("/advisers").then().extract().statusCode();
            if (status != 201 && status != 409) {
                REGISTERED.remove(userId);
                throw new AssertionError("registering adviser " + userId + " answered " + status);
            }
        }
        return userId;
    }

    /** The advisers most tests name: mette.myn and lars.myn in MYN, carl.cba in CBA. */
    public static void usual() {
        ensure("mette.myn", "MYN");
        ensure("lars.myn", "MYN");
        ensure("carl.cba", "CBA");
    }
}
