package dk.visitation.placements;

import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.Paths;
import dk.visitation.common.Replays;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
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

/** A case's expected placements: planning, quotes, the chosen offer and the grant it becomes (issue 16). */
@Path(Paths.CASE + "/placements")
@Tag(name = "Placements", description = "Placement planning: expected placements, quotes from providers, the chosen offer as the grant")
@Produces(MediaType.APPLICATION_JSON)
public class PlacementResource {

    private static final String ONE = "/{placementId: " + Paths.UUID + "}";
    private static final String QUOTE = ONE + "/quotes/{quoteId: " + Paths.UUID + "}";

    private final PlacementPlanning planning;

    PlacementResource(PlacementPlanning planning) {
        this.planning = planning;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "createPlacement", summary = "Record an expected placement (forventet anbringelse)",
            description = "Appears in ECONOMY's forecast at once and starts placement.bpmn: PLANNED and SEMI_ACUTE wait for a chosen "
                    + "quote by quotesDueOn, ACUTE for its grant. Send an Idempotency-Key to retry safely (Idempotent-Replayed: true). "
                    + "Written to the case's audit trail; a placement.expected event.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementApi.NewPlacement.class),
            examples = @ExampleObject(name = "planned", value = """
                    {"expectedStart": "2027-03-01", "kind": "RESIDENTIAL_HOME", "annualEstimate": "1450000.00", "urgency": "PLANNED",
                     "reason": "Barnet kan ikke blive hjemme; forældrene samtykker til anbringelse"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "ETag", description = "Version of the placement", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementApi.PlacementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid placement")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    public Response create(@PathParam("id") UUID id, @Valid @NotNull PlacementApi.NewPlacement request,
            @Parameter(description = "Makes the request safe to retry (1–200 characters)") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        PlacementPlanning.Created created = planning.create(id, request, idempotencyKey);
        Response.ResponseBuilder response = Response.created(uri.getAbsolutePathBuilder().path(created.placement().id().toString()).build())
                .tag(ETags.of(created.placement().version())).entity(created.placement());
        return Replays.answer(response, created.replayed());
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listPlacements", summary = "The case's expected placements with their planning, also once granted or cancelled")
    @APIResponse(responseCode = "200", description = "Placements, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PlacementApi.PlacementView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public List<PlacementApi.PlacementView> list(@PathParam("id") UUID id) {
        return planning.list(id);
    }

    @GET
    @Path(ONE)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getPlacement", summary = "An expected placement with its quotes")
    @APIResponse(responseCode = "200", description = "The placement",
            headers = @Header(name = "ETag", description = "Version of the placement and its quotes", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementApi.PlacementView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such placement of the case")
    public Response get(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId) {
        return answer(planning.get(id, placementId));
    }

    @PUT
    @Path(ONE)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "changePlacement", summary = "Change an expected placement's start, kind, estimate or reason",
            description = "If-Match: the placement's ETag. The urgency and the quotes' due day stay as planned (cancel and plan anew).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementApi.PlacementChange.class),
            examples = @ExampleObject(name = "later", value = """
                    {"expectedStart": "2027-04-01", "kind": "RESIDENTIAL_HOME", "annualEstimate": "1500000.00",
                     "reason": "Skolestart efter påske"}""")))
    @APIResponse(responseCode = "200", description = "The changed placement", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlacementApi.PlacementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid change")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such placement of the case")
    @APIResponse(responseCode = "409", description = "The placement is no longer expected (granted or cancelled)")
    @APIResponse(responseCode = "412", description = "The placement changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId,
            @Parameter(description = "The placement's ETag", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementApi.PlacementChange change) {
        return answer(planning.change(id, placementId, change, ifMatch));
    }

    @POST
    @Path(ONE + "/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "cancelPlacement", summary = "Cancel the planning of a placement that is no longer expected",
            description = "If-Match: the placement's ETag. Ends its process; it leaves the forecast and stays readable on the case.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementApi.Cancellation.class),
            examples = @ExampleObject(name = "home", value = "{\"reason\": \"Barnet bliver hjemme med støtte\"}")))
    @APIResponse(responseCode = "200", description = "The cancelled placement", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlacementApi.PlacementView.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such placement of the case")
    @APIResponse(responseCode = "409", description = "The placement is granted (end its grant instead) or already cancelled")
    @APIResponse(responseCode = "412", description = "The placement changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response cancel(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId,
            @Parameter(description = "The placement's ETag", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementApi.Cancellation cancellation) {
        return answer(planning.cancel(id, placementId, cancellation.reason(), ifMatch));
    }

    @POST
    @Path(ONE + "/quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "requestPlacementQuote", summary = "Ask a provider in the register for an offer (status REQUESTED)",
            description = "If-Match: the placement's ETag; the answer is the placement with the new quote and its new ETag. One quote "
                    + "per provider. Open while the placement is expected, and on an acute placement granted before its quotes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementApi.QuoteRequest.class),
            examples = @ExampleObject(name = "asked", value = "{\"providerId\": \"7b0e4a52-3c1f-4f0a-9d0e-2a6d3c1b9f10\"}")))
    @APIResponse(responseCode = "200", description = "The placement with the quote", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlacementApi.PlacementView.class)))
    @APIResponse(responseCode = "400", description = "The provider is not in the register, not in use, or does not offer PLACEMENT")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such placement of the case")
    @APIResponse(responseCode = "409", description = "The provider was already asked, or the placement's quotes are closed")
    @APIResponse(responseCode = "412", description = "The placement changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response requestQuote(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId,
            @Parameter(description = "The placement's ETag", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementApi.QuoteRequest request) {
        return answer(planning.requestQuote(id, placementId, request, ifMatch));
    }

    @PUT
    @Path(QUOTE)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "answerPlacementQuote", summary = "Record the provider's offer or the negotiation's status",
            description = "RECEIVED or IN_NEGOTIATION with the offer (price, tariff period, terms, valid until); DECLINED with why. "
                    + "If-Match: the placement's ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementApi.QuoteAnswer.class),
            examples = @ExampleObject(name = "received", value = """
                    {"status": "RECEIVED", "priceOre": 11500000, "tariffPeriod": "MONTH",
                     "terms": "Inkl. skole og samvær; opsigelse 30 dage", "validUntil": "2027-01-31"}""")))
    @APIResponse(responseCode = "200", description = "The placement with the quote", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlacementApi.PlacementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid answer, e.g. an offer without its price")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such placement or quote")
    @APIResponse(responseCode = "409", description = "The quote was chosen, or the placement's quotes are closed")
    @APIResponse(responseCode = "412", description = "The placement changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response answerQuote(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId, @PathParam("quoteId") UUID quoteId,
            @Parameter(description = "The placement's ETag", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementApi.QuoteAnswer answer) {
        return answer(planning.answerQuote(id, placementId, quoteId, answer, ifMatch));
    }

    @POST
    @Path(QUOTE + "/choose")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "choosePlacementQuote", summary = "Choose an offer with its reasons; it becomes the grant in the same step",
            description = "Both the professional and the economic justification are required. The grant is PLACEMENT with the quote's "
                    + "provider and price and the contract's period and scope; above the approval amount it waits for ECONOMY, as "
                    + "every grant. The other open quotes are DECLINED. On an acute placement already granted, the chosen offer "
                    + "replaces the acute grant from `from`: the acute grant is ended that day (its earlier part keeps the acute "
                    + "price) and acuteGrantId keeps it. If-Match: the placement's ETag. A placement.granted event.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementApi.QuoteChoice.class),
            examples = @ExampleObject(name = "chosen", value = """
                    {"professionalJustification": "Stedet kan rumme barnets behov for skole og samvær med søskende",
                     "economicJustification": "Billigste tilbud der opfylder behovet; 12 % under første skøn",
                     "from": "2027-03-01", "to": "2028-03-01", "scope": 1}""")))
    @APIResponse(responseCode = "200", description = "The placement, granted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlacementApi.PlacementView.class)))
    @APIResponse(responseCode = "400", description = "A justification is missing (each is named), or the contract is invalid")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such placement or quote")
    @APIResponse(responseCode = "409", description = "The placement's quotes are closed (cancelled, or a quote was chosen)")
    @APIResponse(responseCode = "412", description = "The placement changed since the ETag in If-Match")
    @APIResponse(responseCode = "422", description = "The quote has no offer (requested or declined), or the offer has expired")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response choose(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId, @PathParam("quoteId") UUID quoteId,
            @Parameter(description = "The placement's ETag", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementApi.QuoteChoice choice) {
        return answer(planning.choose(id, placementId, quoteId, choice, ifMatch));
    }

    @POST
    @Path(ONE + "/grant")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "grantAcutePlacement", summary = "Grant an acute placement at once, without quotes",
            description = "Only for urgency ACUTE. The grant is PLACEMENT with the provider from the register; above the approval "
                    + "amount it waits for ECONOMY. Quotes may follow; the one chosen replaces this grant from its contract's first "
                    + "day. If-Match: the placement's ETag. A placement.granted event.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlacementApi.AcuteGrant.class),
            examples = @ExampleObject(name = "acute", value = """
                    {"providerId": "7b0e4a52-3c1f-4f0a-9d0e-2a6d3c1b9f10", "priceOre": 450000, "tariffPeriod": "DAY", "scope": 1,
                     "from": "2026-12-03", "to": "2027-03-03"}""")))
    @APIResponse(responseCode = "200", description = "The placement, granted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlacementApi.PlacementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid grant, e.g. a provider not offering PLACEMENT")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope, or no such placement of the case")
    @APIResponse(responseCode = "409", description = "The placement is already granted or cancelled")
    @APIResponse(responseCode = "412", description = "The placement changed since the ETag in If-Match")
    @APIResponse(responseCode = "422", description = "The placement is not acute: choose a quote")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response grantAcute(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId,
            @Parameter(description = "The placement's ETag", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PlacementApi.AcuteGrant request) {
        return answer(planning.grantAcute(id, placementId, request, ifMatch));
    }

    private static Response answer(PlacementApi.PlacementView view) {
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}
