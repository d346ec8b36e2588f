package dk.visitation.webhooks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The webhooks' requests and answers. */
public final class WebhookApi {

    private WebhookApi() {
    }

    public enum Status { ACTIVE, PAUSED }

    public enum DeliveryStatus { PENDING, DELIVERED, FAILED }

    @Schema(name = "NewWebhook")
    public record NewWebhook(
            @Schema(description = "Where the events are POSTed: an absolute http or https URL", examples = "https://okonomi.kommune.dk/hooks/visitation")
            @NotNull @Size(max = 2000) String url,
            @Schema(description = "The event types to send (as the feed names them, e.g. case.transferred)", examples = "[\"case.transferred\"]")
            @NotNull @Size(min = 1, max = 20) List<String> eventTypes,
            @Schema(description = "The signing secret, whsec_ + base64 of 24 to 64 bytes; generated when absent", nullable = true)
            @Size(max = 200) String secret) {
    }

    @Schema(name = "Webhook")
    public record Webhook(
            UUID id,
            @Schema(examples = "https://okonomi.kommune.dk/hooks/visitation") String url,
            List<String> eventTypes,
            @Schema(description = "PAUSED after too many failed attempts in a row; resume it to go on where it stopped") Status status,
            @Schema(description = "Failed attempts in a row (0 after a success)") int consecutiveFailures,
            @Schema(nullable = true) OffsetDateTime pausedAt,
            @Schema(description = "The system that subscribed") String createdBy,
            OffsetDateTime createdAt,
            @Schema(description = "The version, as the ETag gives it") long version) {
    }

    @Schema(name = "WebhookCreated", description = "The new subscription with its signing secret, shown this once")
    public record Created(
            UUID id, String url, List<String> eventTypes, Status status, int consecutiveFailures,
            @Schema(nullable = true) OffsetDateTime pausedAt, String createdBy, OffsetDateTime createdAt, long version,
            @Schema(description = "The signing secret (whsec_...): keep it; it is not shown again") String secret) {

        static Created of(Webhook hook, String secret) {
            return new Created(hook.id(), hook.url(), hook.eventTypes(), hook.status(), hook.consecutiveFailures(), hook.pausedAt(),
                    hook.createdBy(), hook.createdAt(), hook.version(), secret);
        }
    }

    @Schema(name = "WebhookPage")
    public record WebhookPage(List<Webhook> items, int page, int size, long total) {
    }

    @Schema(name = "WebhookDelivery", description = "One event to one subscription: ids and the outcome, never the event's facts")
    public record Delivery(
            UUID id,
            @Schema(description = "The event's id: the CloudEvent's id and the webhook-id header") UUID eventId,
            @Schema(examples = "case.transferred") String eventType,
            @Schema(nullable = true) UUID caseId,
            DeliveryStatus status,
            @Schema(description = "Attempts since it was (re)started") int attempts,
            @Schema(nullable = true, description = "The receiver's last HTTP status") Integer lastStatusCode,
            @Schema(nullable = true, description = "Why the last attempt failed, e.g. a timeout") String lastError,
            @Schema(nullable = true) OffsetDateTime lastAttemptAt,
            @Schema(nullable = true, description = "When it is tried next (PENDING only)") OffsetDateTime nextAttemptAt,
            @Schema(nullable = true) OffsetDateTime deliveredAt,
            OffsetDateTime createdAt) {
    }

    @Schema(name = "WebhookDeliveryPage")
    public record DeliveryPage(List<Delivery> items, int page, int size, long total) {
    }
}
