package dk.visitation.providers;

import dk.visitation.common.Replays;
import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Paths;
import dk.visitation.economy.Grant;
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

/** The provider register: the internal and external providers a grant names. */
@Path("/providers")
@Tag(name = "Providers", description = "The register of providers (leverandører) that grants name")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {

    private static final String EXAMPLE = """
            {"name": "Opholdssted Solsikken", "kind": "EXTERNAL", "tilbudsportalenId": "4711", "services": ["PLACEMENT"],
             "contact": {"name": "Lone Holm", "email": "kontakt@solsikken.dk", "phone": "+45 89 40 12 34"}}""";

    private final ProviderRegister register;

    ProviderResource(ProviderRegister register) {
        this.register = register;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "createProvider", summary = "Register a provider",
            description = "From then on a grant can name it (providerId) for the services it offers. Send an Idempotency-Key to "
                    + "retry safely: the same key and body return the first entry (Idempotent-Replayed: true).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderApi.ProviderEntry.class),
            examples = @ExampleObject(name = "external", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location", description = "The provider", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the entry", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderApi.ProviderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid entry, e.g. an external provider without its Tilbudsportalen id")
    @APIResponse(responseCode = "409", description = "The Tilbudsportalen offer is already in the register")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body")
    public Response create(@Valid @NotNull ProviderApi.ProviderEntry entry,
            @Parameter(description = "Makes the request safe to retry (1–200 characters)") @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        ProviderRegister.Created created = register.create(entry, idempotencyKey);
        Response.ResponseBuilder response = Response.created(uri.getBaseUriBuilder().path("providers").path(created.provider().id().toString()).build())
                .tag(ETags.of(created.provider().version())).entity(created.provider());
        return Replays.answer(response, created.replayed());
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.COMMITTEE_MEMBER, Role.ECONOMY, Role.LEADER, Role.AUDITOR, Role.SYSTEM})
    @Operation(operationId = "listProviders", summary = "The register by name, filtered by kind, service offered, name and use")
    @APIResponse(responseCode = "200", description = "One page of providers", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProviderApi.ProviderPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<ProviderApi.ProviderView> list(@Parameter(description = "INTERNAL or EXTERNAL") @QueryParam("kind") Grant.Provider kind,
            @Parameter(description = "Offers this service") @QueryParam("serviceType") Grant.ServiceType serviceType,
            @Parameter(description = "Part of the name, any case") @QueryParam("name") String name,
            @Parameter(description = "true: in use for new grants; false: taken out of use") @QueryParam("active") Boolean active,
            @Valid @BeanParam PageRequest page) {
        if (name != null && name.length() > 200) {
            throw dk.visitation.common.ProblemException.invalid("name", "must be at most 200 characters");
        }
        return register.list(new ProviderRegister.Filter(kind, serviceType, name, active), page);
    }

    @GET
    @Path("/{id: " + Paths.UUID + "}")
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.COMMITTEE_MEMBER, Role.ECONOMY, Role.LEADER, Role.AUDITOR, Role.SYSTEM})
    @Operation(operationId = "getProvider", summary = "A provider in the register")
    @APIResponse(responseCode = "200", description = "The provider",
            headers = @Header(name = "ETag", description = "Version of the entry", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderApi.ProviderView.class)))
    @APIResponse(responseCode = "404", description = "No such provider")
    public Response get(@PathParam("id") UUID id) {
        ProviderApi.ProviderView provider = register.get(id);
        return Response.ok(provider).tag(ETags.of(provider.version())).build();
    }

    @PUT
    @Path("/{id: " + Paths.UUID + "}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ECONOMY, Role.LEADER})
    @Operation(operationId = "replaceProvider", summary = "Change a provider's entry (name, offer, services, contact, in use)",
            description = "If-Match with the entry's ETag is required. Grants already made keep the name and kind they were made with.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderApi.ProviderEntry.class),
            examples = @ExampleObject(name = "external", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The changed entry",
            headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProviderApi.ProviderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid entry")
    @APIResponse(responseCode = "404", description = "No such provider")
    @APIResponse(responseCode = "409", description = "The Tilbudsportalen offer is another provider's")
    @APIResponse(responseCode = "412", description = "The entry changed since the ETag in If-Match")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response replace(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version being changed", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProviderApi.ProviderEntry entry) {
        ProviderApi.ProviderView changed = register.replace(id, ifMatch, entry);
        return Response.ok(changed).tag(ETags.of(changed.version())).build();
    }
}
