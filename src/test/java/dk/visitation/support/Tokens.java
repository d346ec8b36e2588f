package dk.visitation.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Bearer tokens from the service's own development issuer (POST /dev/tokens), cached per identity. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The default test identity: an adviser in both departments, who may register and read everywhere. */
    public static String adviser() {
        return of("test.adviser", Set.of("MYN_ADVISER", "CBA_ADVISER"), Set.of("MYN", "CBA"));
    }

    public static String of(String user, Set<String> roles, Set<String> departments) {
        String key = user + "|" + new TreeSet<>(roles) + "|" + new TreeSet<>(departments);
        return CACHE.computeIfAbsent(key, k -> RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("user", user, "roles", List.copyOf(roles), "departments", List.copyOf(departments)))
                .post("/dev/tokens").then().statusCode(200).extract().path("accessToken"));
    }
}
