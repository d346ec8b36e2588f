package dk.visitation.common;

import jakarta.ws.rs.core.Response;

/** The answer to a request that repeated an earlier one (same Idempotency-Key and body, or the same fact sent again). */
public final class Replays {

    public static final String HEADER = "Idempotent-Replayed";

    private Replays() {
    }

    /** The answer, marked as the replay of an earlier request when it is one. */
    public static Response answer(Response.ResponseBuilder response, boolean replayed) {
        return (replayed ? response.header(HEADER, "true") : response).build();
    }
}
