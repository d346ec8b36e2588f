package dk.visitation.economy;

import dk.visitation.common.Replays;
import dk.visitation.common.Paths;
import dk.visitation.common.ETags;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A case's grants and payment responsibility. */
@Path(Paths.CASE)
@Tag(name = "Economy", description = "Grants, payment responsibility and the commitment account")
@Produces(MediaType.APPLICATION_JSON)
public class EconomyResource {

    private final Grants grants;
    private final PaymentResponsibility payments;
    private final EconomyReviews reviews;

    EconomyResource(Grants grants, PaymentResponsibility payments, EconomyReviews reviews) {
        this.grants = grants;
        this.payments = payments;
        this.reviews = reviews;
    }

    @GET
    @Path("/economy-reviews")
    @RolesAllowed({Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listEconomyReviews", summary = "The economy track's reviews of the case's decisions and handovers")
    @APIResponse(responseCode = "200", description = "Reviews, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EconomyReviews.Review.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public List<EconomyReviews.Review> reviews(@PathParam("id") UUID id) {
        return reviews.reviews(id);
    }

    @POST
    @Path("/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.LEADER})
    @Operation(operationId = "createGrant", summary = "Grant a service (bevilling) with tariff, scope and period")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.NewGrant.class),
            examples = @ExampleObject(name = "placement", summary = "A placement at 1,200,000 kr a year", value = """
                    {"serviceType": "PLACEMENT", "provider": "EXTERNAL", "providerName": "Opholdssted Solsikken",
                     "priceOre": 120000000, "tariffPeriod": "YEAR", "scope": 1, "from": "2026-01-01", "to": "2027-01-01"}""")))
    @APIResponse(responseCode = "201", description = "Granted", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.GrantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid grant")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public Response grant(@PathParam("id") UUID id, @Valid @NotNull EconomyApi.NewGrant request, @Context UriInfo uri) {
        Grant grant = grants.grant(id, request);
        return Response.created(uri.getBaseUriBuilder().path("cases").path(id.toString()).path("grants").build())
                .entity(EconomyApi.GrantView.of(grant)).tag(ETags.of(grant.version)).build();
    }

    @GET
    @Path("/grants")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listGrants", summary = "The case's grants")
    @APIResponse(responseCode = "200", description = "Grants, earliest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EconomyApi.GrantView.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public List<EconomyApi.GrantView> grants(@PathParam("id") UUID id) {
        return grants.grants(id).stream().map(EconomyApi.GrantView::of).toList();
    }

    @GET
    @Path("/payment-responsibility")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.ECONOMY, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "getPaymentResponsibility", summary = "Who pays for the case: its periods, and the payer on a date")
    @APIResponse(responseCode = "200", description = "The periods and the payer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.Responsibility.class)))
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public EconomyApi.Responsibility responsibility(@PathParam("id") UUID id,
            @Parameter(description = "The date to ask about (ISO date); today when left out") @QueryParam("date") LocalDate date) {
        return view(id, payments.responsibility(id), date);
    }

    @POST
    @Path("/payment-responsibility")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "switchPaymentResponsibility", summary = "Switch who pays from an effective date (past or future)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.PaymentSwitch.class),
            examples = @ExampleObject(name = "toCba", value = "{\"department\": \"CBA\", \"effectiveDate\": \"2026-07-01\", \"reason\": \"Overdraget til CBA\"}")))
    @APIResponse(responseCode = "200", description = "The periods after the switch", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EconomyApi.Responsibility.class)))
    @APIResponse(responseCode = "400", description = "Invalid switch")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public EconomyApi.Responsibility switchPayment(@PathParam("id") UUID id, @Valid @NotNull EconomyApi.PaymentSwitch request) {
        return view(id, payments.switchPayment(id, request.department(), request.effectiveDate(), request.reason()), request.effectiveDate());
    }

    private static EconomyApi.Responsibility view(UUID id, PaymentPeriods periods, LocalDate date) {
        LocalDate on = date == null ? LocalDate.now(dk.visitation.common.Times.DENMARK) : date;
        return new EconomyApi.Responsibility(id, periods.periods().stream()
                .map(p -> new EconomyApi.PeriodView(p.from(), p.to(), p.department())).toList(), on, periods.payer(on).orElse(null));
    }
}
