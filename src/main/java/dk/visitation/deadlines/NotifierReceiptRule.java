package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkKind;
import dk.visitation.casework.NotifierKind;
import java.util.List;

/**
 * Barnets Lov § 137 (old SEL § 155 b, stk. 1): a professional notifier gets a receipt within 6 working days of the
 * notification's receipt — the 6th working day after the day it came in, weekends, public holidays and the
 * municipality's closing days skipped. Private and anonymous notifiers get none (no deadline). Met by RECEIPT_SENT.
 * The number is checked against the ministry's guidance (VEJ nr 9471 af 21/06/2024, delvejledning 2): it treats the duty
 * to notify under §§ 132–135 and 138 and the municipality's handling of a notification under §§ 136–137 — the 24 hours
 * in § 136, the receipt and the feedback to a professional notifier in § 137 (not § 138, as the brief's law map guessed).
 */
public final class NotifierReceiptRule implements DeadlineRule {

    static final int WORKING_DAYS = 6;

    @Override
    public String id() {
        return "barnets-lov-137-receipt-to-notifier";
    }

    @Override
    public String legalBasis() {
        return "Barnets Lov § 137";
    }

    @Override
    public String title() {
        return "Send kvittering til den fagperson, der underrettede (6 hverdage)";
    }

    @Override
    public List<Deadline> derive(CaseRecord record, RuleContext context) {
        return record.of(CaseworkKind.NOTIFICATION).stream().filter(n -> n.notifierKind() == NotifierKind.PROFESSIONAL).map(n -> {
            var dueDay = context.calendar().plusWorkingDays(RuleContext.day(n.occurredAt()), WORKING_DAYS);
            return Deadline.open("bl-137:" + n.id(), record.caseId(), this, n.occurredAt(), RuleContext.endOf(dueDay),
                            context.warnFrom(dueDay))
                    .metBy(record.firstAnswer(n.id(), CaseworkKind.RECEIPT_SENT).orElse(null));
        }).toList();
    }
}
