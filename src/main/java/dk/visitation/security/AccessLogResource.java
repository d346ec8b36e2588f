package dk.visitation.security;

import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The access log for the auditor: per child, per case or per user, newest first. Each query is itself logged. */
@Path("/access-log")
@Tag(name = "Access log", description = "Who accessed which child's data (personal-data log)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.AUDITOR)
@Transactional
public class AccessLogResource {

    private static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private final AccessLog accessLog;
    private final ChildDirectory children;

    AccessLogResource(AccessLog accessLog, ChildDirectory children) {
        this.accessLog = accessLog;
        this.children = children;
    }

    @Schema(name = "AccessLogEntry")
    public record EntryView(long id, OffsetDateTime at, String actor, String roles, String client,
            AccessLog.Action action, String what, List<UUID> caseIds, List<UUID> childIds, @Schema(nullable = true) Map<String, Object> criteria) {

        static EntryView of(AccessLogEntry e) {
            return new EntryView(e.id, e.at.atZone(DENMARK).toOffsetDateTime(), e.actor, e.roles, e.client, e.action,
                    e.what, List.of(e.caseIds), List.of(e.childIds), e.criteria);
        }
    }

    @Schema(name = "AccessLogPage")
    public record EntryPage(List<EntryView> items, int page, int size, long total) {
    }

    @Schema(name = "ChildAccessQuery", description = "A child by CPR number: in a body, never in a URL")
    public record ChildQuery(@NotBlank @Schema(examples = "1503154321") String cpr) {
    }

    public static class Filter {
        @QueryParam("actor") @Parameter(description = "The user or system that accessed") public String actor;
        @QueryParam("childId") @Parameter(description = "A child's id") public UUID childId;
        @QueryParam("caseId") @Parameter(description = "A case's id") public UUID caseId;
        @QueryParam("action") @Parameter(description = "Kind of access") public AccessLog.Action action;
        @QueryParam("from") @Parameter(description = "At or after (ISO-8601 date-time)") public OffsetDateTime from;
        @QueryParam("to") @Parameter(description = "Before (ISO-8601 date-time)") public OffsetDateTime to;
    }

    @GET
    @Operation(operationId = "listAccessLog", summary = "Query the access log by user, child, case, action and period")
    @APIResponse(responseCode = "200", description = "One page of entries, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter")
    public Page<EntryView> list(@BeanParam Filter filter, @Valid @BeanParam PageRequest page) {
        Page<EntryView> result = query(filter, page);
        Map<String, Object> criteria = new HashMap<>();
        if (filter.actor != null) criteria.put("actor", filter.actor);
        if (filter.caseId != null) criteria.put("caseId", filter.caseId.toString());
        if (filter.childId != null) criteria.put("childId", filter.childId.toString());
        if (filter.action != null) criteria.put("action", filter.action.name());
        accessLog.record(AccessLog.Action.AUDIT_QUERY, "access log",
                filter.caseId == null ? List.of() : List.of(filter.caseId),
                filter.childId == null ? List.of() : List.of(filter.childId), criteria);
        return result;
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchAccessLogByChild", summary = "Who accessed a child's data: the access log of one child by CPR number",
            description = "Answers a guardian's request for who looked at their child's case. Unknown CPR numbers give an empty page.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChildQuery.class),
            examples = @ExampleObject(name = "child", value = "{\"cpr\": \"1503154321\"}")))
    @APIResponse(responseCode = "200", description = "One page of the child's entries, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryPage.class)))
    @APIResponse(responseCode = "400", description = "Not a valid request")
    public Page<EntryView> byChild(@Valid @NotNull ChildQuery request, @Valid @BeanParam PageRequest page) {
        UUID child = children.childIdOf(request.cpr()).orElse(null);
        String masked = request.cpr().length() >= 6 ? request.cpr().substring(0, 6) + "-XXXX" : "?";
        if (child == null) {
            accessLog.record(AccessLog.Action.AUDIT_QUERY, "access log by child", List.of(), List.of(),
                    Map.of("cpr", masked, "found", false));
            return new Page<>(List.of(), page.page, page.size, 0);
        }
        Filter filter = new Filter();
        filter.childId = child;
        Page<EntryView> result = query(filter, page);
        accessLog.record(AccessLog.Action.AUDIT_QUERY, "access log by child", List.of(), List.of(child),
                Map.of("cpr", masked));
        return result;
    }

    private static Page<EntryView> query(Filter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.actor != null) {
            where.add("actor = :actor");
            params.and("actor", filter.actor);
        }
        if (filter.childId != null) {
            where.add("array_contains(childIds, :child)");
            params.and("child", filter.childId);
        }
        if (filter.caseId != null) {
            where.add("array_contains(caseIds, :case)");
            params.and("case", filter.caseId);
        }
        if (filter.action != null) {
            where.add("action = :action");
            params.and("action", filter.action);
        }
        if (filter.from != null) {
            where.add("at >= :from");
            params.and("from", filter.from.toInstant());
        }
        if (filter.to != null) {
            where.add("at < :to");
            params.and("to", filter.to.toInstant());
        }
        var query = AccessLogEntry.<AccessLogEntry>find(String.join(" and ", where), Sort.descending("at", "id"), params);
        List<EntryView> items = query.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list()
                .stream().map(EntryView::of).toList();
        return new Page<>(items, page.page, page.size, query.count());
    }
}
