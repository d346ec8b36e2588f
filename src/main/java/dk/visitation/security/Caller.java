package dk.visitation.security;

import dk.visitation.common.Department;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the user (or system) from the verified token, its roles, its department(s) (claim
 * {@code departments}) and the client it calls from — for scope checks, history and the access log.
 */
@RequestScoped
public class Caller {

    public static final String DEPARTMENTS_CLAIM = "departments";

    @Inject
    JsonWebToken token;

    @Inject
    CurrentVertxRequest request;

    /** The token's user; "system" where no token is (process steps, scheduled jobs). */
    public String user() {
        String name = token.getName();
        return name == null ? "system" : name;
    }

    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : token.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public Set<Department> departments() {
        Object claim = token.getClaim(DEPARTMENTS_CLAIM);
        EnumSet<Department> departments = EnumSet.noneOf(Department.class);
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> parse(String.valueOf(value).replace("\"", ""), departments));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(value -> parse(value.toString().replace("\"", ""), departments));
        } else if (claim != null) {
            parse(claim.toString(), departments);
        }
        return departments;
    }

    /** The task-list groups the caller works in (candidate groups in the models): MYN, CBA, COMMITTEE, ECONOMY. */
    public Set<String> taskGroups() {
        Set<String> groups = new java.util.TreeSet<>();
        if (hasRole(Role.MYN_ADVISER)) {
            groups.add("MYN");
        }
        if (hasRole(Role.CBA_ADVISER)) {
            groups.add("CBA");
        }
        if (hasRole(Role.COMMITTEE_MEMBER)) {
            groups.add("COMMITTEE");
        }
        if (hasRole(Role.ECONOMY)) {
            groups.add("ECONOMY");
        }
        return groups;
    }

    /**
     * LEADER and AUDITOR see every case, and ECONOMY every case's economy (its role admits it to nothing
     * else); everyone else only the cases in their department scope.
     */
    public boolean seesAllCases() {
        return hasRole(Role.LEADER) || hasRole(Role.AUDITOR) || hasRole(Role.ECONOMY);
    }

    /** The calling client: the token's authorised party (azp) when given, and the remote address. */
    public String client() {
        Object azp = token.getClaim("azp");
        RoutingContext current = request.getCurrent();
        String address = current == null || current.request().remoteAddress() == null ? "internal"
                : current.request().remoteAddress().hostAddress();
        return (azp == null ? "" : azp + "@") + address;
    }

    private static void parse(String value, Set<Department> into) {
        try {
            into.add(Department.valueOf(value));
        } catch (IllegalArgumentException ignored) {
            // an unknown department in a token grants nothing
        }
    }
}
