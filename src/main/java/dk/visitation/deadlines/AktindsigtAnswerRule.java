package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkKind;
import java.util.List;

/**
 * Forvaltningsloven § 16, stk. 2: a request for aktindsigt (§ 9) is answered within 7 working days of its receipt, or
 * the requester is told why not and when to expect the answer. Met by AKTINDSIGT_ANSWERED or AKTINDSIGT_NOTICE.
 */
public final class AktindsigtAnswerRule implements DeadlineRule {

    static final int WORKING_DAYS = 7;

    @Override
    public String id() {
        return "forvaltningsloven-16-aktindsigt-answer";
    }

    @Override
    public String legalBasis() {
        return "Forvaltningsloven § 16, stk. 2";
    }

    @Override
    public String title() {
        return "Besvar anmodningen om aktindsigt inden 7 arbejdsdage (eller giv besked om hvorfor ikke)";
    }

    @Override
    public List<Deadline> derive(CaseRecord record, RuleContext context) {
        return record.of(CaseworkKind.AKTINDSIGT_REQUESTED).stream().map(request -> {
            var dueDay = context.calendar().plusWorkingDays(RuleContext.day(request.occurredAt()), WORKING_DAYS);
            return Deadline.open("fvl-16:" + request.id(), record.caseId(), this, request.occurredAt(), RuleContext.endOf(dueDay),
                            context.warnFrom(dueDay))
                    .metBy(record.firstAnswer(request.id(), CaseworkKind.AKTINDSIGT_ANSWERED, CaseworkKind.AKTINDSIGT_NOTICE).orElse(null));
        }).toList();
    }
}
