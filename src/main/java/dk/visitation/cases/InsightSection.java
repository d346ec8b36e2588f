package dk.visitation.cases;

import java.util.List;
import java.util.UUID;

/**
 * A part of the aktindsigt document that another feature owns (the assessment, the committee's
 * decisions, the handovers). Each feature implements one as a CDI bean; the case record stays unaware
 * of their tables.
 */
public interface InsightSection {

    /** Order in the document: lower first. */
    int order();

    /** The heading, in Danish as the family reads it. */
    String title();

    /** The section's lines for the case; empty when there is nothing to tell. */
    List<String> lines(UUID caseId);

    /** Said when {@link #lines} is empty. */
    String none();

    /** One section as rendered. */
    record Rendered(String title, List<String> lines, String none) {
    }
}
