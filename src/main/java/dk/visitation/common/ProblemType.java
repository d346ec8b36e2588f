package dk.visitation.common;

import java.net.URI;

/** Every kind of error the API answers, each with a stable type URI (RFC 9457) that clients may switch on. */
public enum ProblemType {
    VALIDATION(400, "validation", "The request is not valid"),
    MALFORMED_REQUEST(400, "malformed-request", "The request body could not be read"),
    UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "Your role does not allow this"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    CONFLICT(409, "conflict", "The resource is in a state that does not allow this"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource was changed by someone else"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    URI_TOO_LONG(414, "uri-too-long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "The idempotency key was used for another request"),
    BUSINESS_RULE(422, "business-rule", "The request breaks a business rule"),
    PRECONDITION_REQUIRED(428, "precondition-required", "If-Match is required to change this resource"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests; retry after the time given"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable");

    private static final String BASE = "urn:visitation:problem:";

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The kind for a bare HTTP status, for errors raised by the framework rather than by us. */
    public static ProblemType forStatus(int status) {
        for (ProblemType kind : values()) {
            if (kind.status == status && kind != IDEMPOTENCY_KEY_REUSED && kind != MALFORMED_REQUEST) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
