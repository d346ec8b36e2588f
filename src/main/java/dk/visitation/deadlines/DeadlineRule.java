package dk.visitation.deadlines;

import java.util.List;

/** A statutory deadline rule: when it starts, when it is due, and what meets it — derived from the case's record. */
public interface DeadlineRule {

    /** A stable id, e.g. {@code barnets-lov-136-notification-assessment}. */
    String id();

    /** The paragraph, e.g. "Barnets Lov § 136". */
    String legalBasis();

    /** What must be done, as the adviser reads it. */
    String title();

    List<Deadline> derive(CaseRecord record, RuleContext context);
}
