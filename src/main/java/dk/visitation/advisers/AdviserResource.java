package dk.visitation.advisers;

import dk.visitation.common.Department;
import dk.visitation.common.ETags;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The register of advisers: who may be given a department's cases, and each one's cases now. */
@Path("/advisers")
@Tag(name = "Advisers", description = "The adviser register, the caseload against the norm and continuity")
@Produces(MediaType.APPLICATION_JSON)
public class AdviserResource {

    static final String USER_ID = "/{userId: [A-Za-z0-9._@-]{1,100}}";

    private final AdviserRegister register;

    AdviserResource(AdviserRegister register) {
        this.register = register;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LEADER)
    @Operation(operationId = "createAdviser", summary = "Register an adviser",
            description = "From its activeFrom day a case of the department may be assigned to the adviser (intake, PATCH /cases/{id}, "
                    + "a handover's receipt).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdviserApi.NewAdviser.class),
            examples = @ExampleObject(name = "partTime", value = """
                    {"userId": "carl.cba", "name": "Carl Christensen", "department": "CBA", "weeklyHours": 29.6,
                     "caseloadKind": "DISABILITY", "activeFrom": "2026-01-01"}""")))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location", description = "The adviser", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the entry", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdviserApi.AdviserView.class)))
    @APIResponse(responseCode = "400", description = "Invalid entry, e.g. both or neither of fte and weeklyHours")
    @APIResponse(responseCode = "409", description = "The user id is already in the register")
    public Response create(@Valid @NotNull AdviserApi.NewAdviser request, @Context UriInfo uri) {
        AdviserApi.AdviserView created = register.create(request);
        return Response.created(uri.getBaseUriBuilder().path("advisers").path(created.userId()).build())
                .tag(ETags.of(created.version())).entity(created).build();
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listAdvisers", summary = "The register, each adviser with the cases held now",
            description = "order=load puts the least loaded first (cases per FTE), the candidates for a new case.")
    @APIResponse(responseCode = "200", description = "One page of advisers", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdviserApi.AdviserPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, order or paging")
    public Page<AdviserApi.AdviserView> list(@Parameter(description = "The advisers' department") @QueryParam("department") Department department,
            @Parameter(description = "name (default) or load: cases per FTE now, least first",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "load"})) @QueryParam("order") String order,
            @Valid @BeanParam PageRequest page) {
        return register.list(department, order(order), page);
    }

    private static AdviserRegister.Order order(String order) {
        if (order == null || order.isEmpty()) {
            return AdviserRegister.Order.NAME;
        }
        return switch (order.toLowerCase(java.util.Locale.ROOT)) {
            case "name" -> AdviserRegister.Order.NAME;
            case "load" -> AdviserRegister.Order.LOAD;
            default -> throw dk.visitation.common.ProblemException.invalid("order", "must be name or load");
        };
    }

    @GET
    @Path(USER_ID)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getAdviser", summary = "An adviser in the register, with the cases held now")
    @APIResponse(responseCode = "200", description = "The adviser",
            headers = @Header(name = "ETag", description = "Version of the entry", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdviserApi.AdviserView.class)))
    @APIResponse(responseCode = "404", description = "No such adviser")
    public Response get(@PathParam("userId") String userId) {
        AdviserApi.AdviserView adviser = register.get(userId);
        return Response.ok(adviser).tag(ETags.of(adviser.version())).build();
    }

    @PUT
    @Path(USER_ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LEADER)
    @Operation(operationId = "replaceAdviser", summary = "Change an adviser's entry (name, department, FTE, kind, active period)",
            description = "If-Match with the entry's ETag is required. Ending the active period (activeTo) keeps the adviser's cases: "
                    + "they are re-assigned case by case. The FTE share is the register's as it is now, also for earlier days' caseload.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdviserApi.AdviserChange.class),
            examples = @ExampleObject(name = "leaves", value = """
                    {"name": "Carl Christensen", "department": "CBA", "fte": 0.8, "caseloadKind": "DISABILITY",
                     "activeFrom": "2026-01-01", "activeTo": "2027-03-01"}""")))
    @APIResponse(responseCode = "200", description = "The changed entry",
            headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdviserApi.AdviserView.class)))
    @APIResponse(responseCode = "400", description = "Invalid entry")
    @APIResponse(responseCode = "404", description = "No such adviser")
    @APIResponse(responseCode = "412", description = "The entry changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response replace(@PathParam("userId") String userId,
            @Parameter(description = "The ETag of the version being changed", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AdviserApi.AdviserChange change) {
        AdviserApi.AdviserView changed = register.replace(userId, ifMatch, change);
        return Response.ok(changed).tag(ETags.of(changed.version())).build();
    }
}
