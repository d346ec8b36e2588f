package dk.visitation.casework;

import java.util.Optional;

/** What a casework record says happened, with the law that counts it and the record it answers, if any. */
public enum CaseworkKind {
    /** Underretning received (Barnets Lov §§ 133-134, old SEL §§ 153-154); its notifier kind and whether it is urgent. */
    NOTIFICATION(null),
    /** The notification assessed (Barnets Lov § 136: within 24 hours of receipt). */
    NOTIFICATION_ASSESSED(NOTIFICATION),
    /** Receipt sent to a professional notifier (Barnets Lov § 137, old SEL § 155 b, stk. 1: within 6 working days). */
    RECEIPT_SENT(NOTIFICATION),
    /** Child-welfare investigation (børnefaglig undersøgelse, Barnets Lov § 20, old SEL § 50) started. */
    INVESTIGATION_STARTED(null),
    /** The investigation concluded (Barnets Lov § 20: within 4 months of its start). */
    INVESTIGATION_CONCLUDED(INVESTIGATION_STARTED),
    /** When it cannot be concluded in 4 months: a provisional assessment, with the reason (Barnets Lov § 20). */
    PROVISIONAL_ASSESSMENT(INVESTIGATION_STARTED),
    /** An investigation is not relevant for this case, with the reason (e.g. compensation only, §§ 86-87). */
    INVESTIGATION_NOT_RELEVANT(null),
    /** Child conversation (børnesamtale, Barnets Lov § 5) held. */
    CHILD_CONVERSATION_HELD(null),
    /** Child conversation not held, with the reason (the child's maturity, the child's wish; Barnets Lov § 5). */
    CHILD_CONVERSATION_NOT_HELD(null),
    /** The child's plan (barnets plan, Barnets Lov § 91) made. */
    CHILD_PLAN_MADE(null),
    /** The child's plan revised (Barnets Lov § 92). */
    CHILD_PLAN_REVISED(null),
    /** Follow-up on a running measure (Barnets Lov § 95), naming the grant. */
    FOLLOW_UP(null),
    /**
     * The decision on a time-limited grant before it runs out: renewed (the renewal is a new grant) or not, and why, naming
     * the grant. Meets its renewal deadline.
     */
    RENEWAL_DECIDED(null),
    /** A request for aktindsigt received (forvaltningsloven § 9). */
    AKTINDSIGT_REQUESTED(null),
    /** The request answered (forvaltningsloven § 16, stk. 2: within 7 working days). */
    AKTINDSIGT_ANSWERED(AKTINDSIGT_REQUESTED),
    /** Notice to the requester of why the answer takes longer and when it is expected (forvaltningsloven § 16, stk. 2). */
    AKTINDSIGT_NOTICE(AKTINDSIGT_REQUESTED),
    /**
     * The first meeting with the family (førstegangssamtale) held: a new case waits for it, against the municipality's
     * quality standard (GET /waiting/first-meeting).
     */
    FIRST_MEETING_HELD(null);

    private final CaseworkKind answers;

    CaseworkKind(CaseworkKind answers) {
        this.answers = answers;
    }

    /** The kind of record this one answers (its {@code refersTo}), if it answers one. */
    public Optional<CaseworkKind> answers() {
        return Optional.ofNullable(answers);
    }

    /** Kinds that name the grant (measure) they are about. */
    public boolean namesGrant() {
        return this == FOLLOW_UP || this == RENEWAL_DECIDED;
    }

    /** Kinds whose record must say why (a renewal decision: what was decided). */
    public boolean needsReason() {
        return this == INVESTIGATION_NOT_RELEVANT || this == CHILD_CONVERSATION_NOT_HELD || this == PROVISIONAL_ASSESSMENT
                || this == AKTINDSIGT_NOTICE || this == RENEWAL_DECIDED;
    }
}
