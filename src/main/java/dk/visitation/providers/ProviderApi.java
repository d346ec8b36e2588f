package dk.visitation.providers;

import dk.visitation.economy.Grant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The provider register's request and response bodies. */
public final class ProviderApi {

    private ProviderApi() {
    }

    @Schema(name = "ProviderContact", description = "Whom the municipality contacts at the provider")
    public record Contact(
            @Size(max = 200) @Schema(nullable = true, examples = "Lone Holm") String name,
            @Email @Size(max = 254) @Schema(nullable = true, examples = "familiehuset@kommune.dk") String email,
            @Pattern(regexp = "\\+?[0-9 ]{8,20}", message = "must be a phone number: digits and spaces, optionally a leading +")
            @Schema(nullable = true, examples = "+45 89 40 12 34") String phone) {
    }

    @Schema(name = "ProviderContactView", description = "Whom the municipality contacts at the provider; each part empty when not given")
    public record ContactView(@Schema(nullable = true) String name, @Schema(nullable = true) String email,
            @Schema(nullable = true) String phone) {
    }

    @Schema(name = "ProviderEntry", description = "A provider as the register is to hold it (POST creates, PUT replaces); an external "
            + "provider needs its offer id on Tilbudsportalen")
    public record ProviderEntry(
            @NotBlank @Size(max = 200) @Schema(examples = "Familiehuset") String name,
            @NotNull @Schema(description = "INTERNAL: the municipality's own (Familiehuset, UngeBasen); EXTERNAL: bought from others")
            Grant.Provider kind,
            @Pattern(regexp = "[0-9]{1,10}", message = "must be the offer's number on Tilbudsportalen (digits)")
            @Schema(nullable = true, description = "The offer's id on Tilbudsportalen; required for an external provider", examples = "4711")
            String tilbudsportalenId,
            @NotEmpty @Schema(description = "The services offered, as the grant's service types") Set<Grant.@NotNull ServiceType> services,
            @Valid @Schema(nullable = true) Contact contact,
            @Schema(nullable = true, description = "False takes the provider out of use for new grants; its grants stay (default true)")
            Boolean active) {
    }

    @Schema(name = "RegisteredProvider", description = "A provider in the register (the schema Provider is the kind: INTERNAL or EXTERNAL)")
    public record ProviderView(UUID id, String name, Grant.Provider kind,
            @Schema(nullable = true) String tilbudsportalenId,
            @Schema(description = "Sorted by name") List<Grant.ServiceType> services,
            ContactView contact,
            @Schema(description = "In use for new grants") boolean active,
            OffsetDateTime updatedAt,
            String updatedBy,
            @Schema(description = "Row version; the ETag carries the same value") long version) {
    }

    /** For the contract only: a page of providers. */
    @Schema(name = "RegisteredProviderPage")
    public record ProviderPage(List<ProviderView> items, int page, int size, long total) {
    }
}
