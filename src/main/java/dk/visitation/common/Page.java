package dk.visitation.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection, with the total so a client can draw a pager. */
@Schema(name = "Page")
public record Page<T>(
        List<T> items,
        @Schema(description = "Zero-based page number", examples = "0") int page,
        @Schema(description = "Page size", examples = "20") int size,
        @Schema(description = "Items matching the query over all pages", examples = "137") long total) {
}
