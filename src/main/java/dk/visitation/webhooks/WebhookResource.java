package dk.visitation.webhooks;

import dk.visitation.common.Replays;
import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Paths;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** Webhook subscriptions of other municipal systems and their delivery logs. */
@Path("/webhooks")
@Tag(name = "Webhooks", description = "Integration events POSTed to other systems: CloudEvents 1.0, signed as Standard Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SYSTEM)
public class WebhookResource {

    private static final String ID = "/{id: " + Paths.UUID + "}";
    private static final String ETAG = "Version of the subscription";

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    WebhookResource(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe to event types",
            description = "Every event of the types published from now on is POSTed to the URL as a CloudEvent (application/cloudevents+json) "
                    + "with the headers webhook-id, webhook-timestamp and webhook-signature (Standard Webhooks). The answer carries the "
                    + "signing secret, shown this once. Send an Idempotency-Key to retry safely: the same key and body return the first "
                    + "subscription (Idempotent-Replayed: true).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookApi.NewWebhook.class),
            examples = @ExampleObject(name = "economy", value = """
                    {"url": "https://okonomi.kommune.dk/hooks/visitation", "eventTypes": ["case.transferred", "payment-responsibility.changed"]}""")))
    @APIResponse(responseCode = "201", description = "Subscribed",
            headers = {@Header(name = "Location", description = "The subscription", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookApi.Created.class)))
    @APIResponse(responseCode = "400", description = "Invalid subscription: a URL that is not absolute http(s), an unknown event type, a malformed secret")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    public Response create(@Valid @NotNull WebhookApi.NewWebhook request,
            @Parameter(description = "Makes the request safe to retry (1–200 characters)") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        WebhookSubscriptions.Creation creation = subscriptions.create(request, idempotencyKey);
        Response.ResponseBuilder response = Response.created(uri.getBaseUriBuilder().path("webhooks").path(creation.created().id().toString()).build())
                .tag(ETags.of(creation.created().version())).entity(creation.created());
        return Replays.answer(response, creation.replayed());
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The subscriptions, oldest first")
    @APIResponse(responseCode = "200", description = "One page of subscriptions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookApi.WebhookPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public WebhookApi.WebhookPage list(@Valid @BeanParam PageRequest page) {
        return subscriptions.list(page);
    }

    @GET
    @Path(ID)
    @Operation(operationId = "getWebhook", summary = "A subscription (without its secret)")
    @APIResponse(responseCode = "200", description = "The subscription",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookApi.Webhook.class)))
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Response get(@PathParam("id") UUID id) {
        WebhookApi.Webhook hook = subscriptions.get(id);
        return Response.ok(hook).tag(ETags.of(hook.version())).build();
    }

    @DELETE
    @Path(ID)
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe: nothing more is sent, and the delivery log goes with it",
            description = "If-Match with the subscription's ETag is required.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "If-Match is not a quoted entity tag")
    @APIResponse(responseCode = "404", description = "No such subscription")
    @APIResponse(responseCode = "412", description = "The subscription changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response delete(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the subscription", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        subscriptions.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path(ID + "/resume")
    @Operation(operationId = "resumeWebhook", summary = "Resume a paused subscription where it stopped",
            description = "Its waiting deliveries are sent again, in order per case, their retries started afresh. Deliveries that had "
                    + "FAILED stay so: redeliver them one by one. If-Match with the subscription's ETag is required.")
    @APIResponse(responseCode = "200", description = "Active again",
            headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookApi.Webhook.class)))
    @APIResponse(responseCode = "400", description = "If-Match is not a quoted entity tag")
    @APIResponse(responseCode = "404", description = "No such subscription")
    @APIResponse(responseCode = "409", description = "The subscription is not paused")
    @APIResponse(responseCode = "412", description = "The subscription changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response resume(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the subscription", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WebhookApi.Webhook hook = subscriptions.resume(id, ifMatch);
        return Response.ok(hook).tag(ETags.of(hook.version())).build();
    }

    @GET
    @Path(ID + "/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's delivery log, newest event first",
            description = "Ids and outcomes only; the events themselves are in the feed (GET /events).")
    @APIResponse(responseCode = "200", description = "One page of deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookApi.DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid status or paging")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public WebhookApi.DeliveryPage deliveries(@PathParam("id") UUID id,
            @Parameter(description = "Only deliveries in this status") @QueryParam("status") WebhookApi.DeliveryStatus status,
            @Valid @BeanParam PageRequest page) {
        subscriptions.get(id);
        return deliveries.log(id, status, page);
    }

    @POST
    @Path(ID + "/deliveries/{deliveryId: " + Paths.UUID + "}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again",
            description = "A DELIVERED or FAILED delivery is PENDING again, its retries started afresh, with the same webhook-id (the "
                    + "event's id), so a receiver that keeps the ids it has seen can tell. Safe to repeat.")
    @APIResponse(responseCode = "202", description = "To be sent", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookApi.Delivery.class)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery")
    @APIResponse(responseCode = "409", description = "The delivery is being sent right now")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        subscriptions.get(id);
        return Response.accepted(deliveries.redeliver(id, deliveryId)).build();
    }
}
