package dk.visitation.placements;

import com.fasterxml.jackson.annotation.JsonFormat;
import dk.visitation.economy.Cost;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The placement planning's request and response bodies. Estimates are kroner as decimal strings; prices øre, as grants. */
public final class PlacementApi {

    static final String KRONER = "^[0-9]{1,12}(\\.[0-9]{1,2})?$";

    private PlacementApi() {
    }

    @Schema(name = "NewExpectedPlacement", description = "An expected placement, recorded early so ECONOMY's forecast sees it and "
            + "the negotiations can start in time")
    public record NewPlacement(
            @NotNull @Schema(examples = "2027-03-01") LocalDate expectedStart,
            @NotNull PlacementKind kind,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2)
            @Schema(type = SchemaType.STRING, pattern = KRONER, description = "First estimate of the annual cost in kroner",
                    examples = "1450000.00") BigDecimal annualEstimate,
            @NotNull @Schema(description = "PLANNED and SEMI_ACUTE ask for quotes by quotesDueOn; ACUTE is granted at once "
                    + "(POST .../grant) and may get its quotes afterwards") Urgency urgency,
            @NotBlank @Size(max = 4000) @Schema(examples = "Barnet kan ikke blive hjemme; forældrene samtykker til anbringelse")
            String reason,
            @Schema(nullable = true, description = "The day the quotes are due (not before today); by default today plus the "
                    + "configured days for the urgency; not for ACUTE", examples = "2026-12-17") LocalDate quotesDueOn) {
    }

    @Schema(name = "ExpectedPlacementChange", description = "What may change while the placement is expected (If-Match)")
    public record PlacementChange(
            @NotNull @Schema(examples = "2027-04-01") LocalDate expectedStart,
            @NotNull PlacementKind kind,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2)
            @Schema(type = SchemaType.STRING, pattern = KRONER, examples = "1500000.00") BigDecimal annualEstimate,
            @NotBlank @Size(max = 4000) String reason) {
    }

    @Schema(name = "PlacementCancellation")
    public record Cancellation(@NotBlank @Size(max = 1000) @Schema(examples = "Barnet bliver hjemme med støtte") String reason) {
    }

    @Schema(name = "QuoteRequest", description = "Ask a provider in the register (offering PLACEMENT, in use) for an offer")
    public record QuoteRequest(@NotNull UUID providerId,
            @Size(max = 4000) @Schema(nullable = true, examples = "Forespørgsel sendt via Tilbudsportalen") String note) {
    }

    @Schema(name = "QuoteAnswer", description = "The provider's answer or the negotiation's state: RECEIVED and IN_NEGOTIATION carry "
            + "the offer (price, tariff period, terms, valid until); DECLINED may carry why")
    public record QuoteAnswer(
            @NotNull @Schema(description = "RECEIVED, IN_NEGOTIATION or DECLINED (CHOSEN is POST .../choose)")
            PlacementQuote.Status status,
            @Positive @Schema(nullable = true, description = "Price per unit per tariff period in øre, as a grant takes it",
                    examples = "12500000") Long priceOre,
            @Schema(nullable = true, examples = "MONTH") Cost.TariffPeriod tariffPeriod,
            @Size(max = 4000) @Schema(nullable = true, examples = "Inkl. skole og samvær; opsigelse 30 dage") String terms,
            @Schema(nullable = true, examples = "2027-01-31") LocalDate validUntil,
            @Size(max = 4000) @Schema(nullable = true) String note) {
    }

    @Schema(name = "QuoteChoice", description = "The chosen offer with its reasons, both professional and economic, and the contract "
            + "terms; it becomes the grant (PLACEMENT, the quote's provider and price) in the same step")
    public record QuoteChoice(
            @NotBlank @Size(max = 4000) @Schema(examples = "Stedet kan rumme barnets behov for skole og samvær med søskende")
            String professionalJustification,
            @NotBlank @Size(max = 4000) @Schema(examples = "Billigste tilbud der opfylder behovet; 12 % under første skøn")
            String economicJustification,
            @NotNull @Schema(description = "The contract's first day", examples = "2027-03-01") LocalDate from,
            @NotNull @Schema(description = "Exclusive", examples = "2028-03-01") LocalDate to,
            @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) @Schema(description = "Units per tariff period",
                    examples = "1") BigDecimal scope) {
    }

    @Schema(name = "AcutePlacementGrant", description = "An acute placement granted at once, without quotes")
    public record AcuteGrant(
            @NotNull UUID providerId,
            @Positive @Schema(description = "Price per unit per tariff period in øre", examples = "4500000") long priceOre,
            @NotNull Cost.TariffPeriod tariffPeriod,
            @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) @Schema(examples = "1") BigDecimal scope,
            @NotNull @Schema(examples = "2026-12-03") LocalDate from,
            @NotNull @Schema(description = "Exclusive", examples = "2027-03-03") LocalDate to) {
    }

    @Schema(name = "PlacementQuote")
    public record QuoteView(UUID id, UUID providerId,
            @Schema(description = "The provider's name in the register now") String providerName,
            PlacementQuote.Status status,
            @Schema(nullable = true) Long priceOre,
            @Schema(nullable = true) Cost.TariffPeriod tariffPeriod,
            @Schema(nullable = true, description = "The offer's cost over a year (365 days) at scope 1, in øre, to compare offers")
            Long annualPriceOre,
            @Schema(nullable = true) String terms,
            @Schema(nullable = true) LocalDate validUntil,
            @Schema(nullable = true) String note,
            OffsetDateTime requestedAt, String requestedBy,
            @Schema(nullable = true) OffsetDateTime answeredAt,
            @Schema(nullable = true) String professionalJustification,
            @Schema(nullable = true) String economicJustification,
            @Schema(nullable = true) OffsetDateTime chosenAt,
            @Schema(nullable = true) String chosenBy,
            @Schema(nullable = true, description = "The grant the choice made") UUID grantId) {
    }

    @Schema(name = "ExpectedPlacement", description = "An expected placement with its planning; readable on the case after it is granted")
    public record PlacementView(UUID id, UUID caseId, PlacementKind kind, Urgency urgency, LocalDate expectedStart,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, pattern = KRONER, description = "First estimate of the annual cost in kroner",
                    examples = "1450000.00") BigDecimal annualEstimate,
            String reason,
            Placement.Status status,
            @Schema(nullable = true, description = "The day the quotes are due; empty for an acute placement") LocalDate quotesDueOn,
            @Schema(description = "Expected, the quotes' due day has passed and none is chosen") boolean quotesOverdue,
            @Schema(nullable = true, description = "When the process found the due day passed") OffsetDateTime quotesOverdueAt,
            @Schema(nullable = true, description = "The grant the placement runs on: the acute grant, or the chosen quote's")
            UUID grantId,
            @Schema(nullable = true, description = "The acute grant, once a chosen quote replaced it") UUID acuteGrantId,
            @Schema(nullable = true, description = "Where ECONOMY's approval of the grant stands (NOT_REQUIRED below the approval "
                    + "amount; PENDING until ECONOMY approves or rejects it); empty before the grant")
            dk.visitation.economy.Grant.Approval grantApproval,
            @Schema(nullable = true) OffsetDateTime grantedAt,
            @Schema(nullable = true) String grantedBy,
            @Schema(nullable = true) String cancelReason,
            @Schema(nullable = true) OffsetDateTime cancelledAt,
            @Schema(description = "In the order asked") List<QuoteView> quotes,
            OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
            @Schema(description = "Row version; the ETag carries the same value") long version) {
    }
}
