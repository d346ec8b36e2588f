-- A time-limited grant's renewal decision (issue 16): the adviser records that the grant was, or was not, renewed before
-- it runs out, naming the grant (as a follow-up does) and saying what was decided. The deadline rule GrantRenewalRule
-- reads it; a renewal granted is a new grant of its own.
alter table casework_entry drop constraint casework_entry_kind_check;
alter table casework_entry add constraint casework_entry_kind_check check (kind in (
    'NOTIFICATION', 'NOTIFICATION_ASSESSED', 'RECEIPT_SENT',
    'INVESTIGATION_STARTED', 'INVESTIGATION_CONCLUDED', 'PROVISIONAL_ASSESSMENT', 'INVESTIGATION_NOT_RELEVANT',
    'CHILD_CONVERSATION_HELD', 'CHILD_CONVERSATION_NOT_HELD',
    'CHILD_PLAN_MADE', 'CHILD_PLAN_REVISED',
    'FOLLOW_UP', 'RENEWAL_DECIDED',
    'AKTINDSIGT_REQUESTED', 'AKTINDSIGT_ANSWERED', 'AKTINDSIGT_NOTICE',
    'FIRST_MEETING_HELD'));
alter table casework_entry drop constraint casework_reason_given;
alter table casework_entry add constraint casework_reason_given check (kind not in ('INVESTIGATION_NOT_RELEVANT',
    'CHILD_CONVERSATION_NOT_HELD', 'PROVISIONAL_ASSESSMENT', 'AKTINDSIGT_NOTICE', 'RENEWAL_DECIDED') or reason is not null);
alter table casework_entry drop constraint casework_follow_up_on_a_grant;
alter table casework_entry add constraint casework_follow_up_on_a_grant
    check ((kind in ('FOLLOW_UP', 'RENEWAL_DECIDED')) = (grant_id is not null));
