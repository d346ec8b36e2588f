-- Waiting lists (issue 14, part B): the first meeting with the family (førstegangssamtale) and the grants whose
-- service has not started yet (omsætningslisten).

-- The first meeting is a dated fact of the casework record, like the child conversation: who recorded it, when.
alter table casework_entry drop constraint casework_entry_kind_check;
alter table casework_entry add constraint casework_entry_kind_check check (kind in (
    'NOTIFICATION', 'NOTIFICATION_ASSESSED', 'RECEIPT_SENT',
    'INVESTIGATION_STARTED', 'INVESTIGATION_CONCLUDED', 'PROVISIONAL_ASSESSMENT', 'INVESTIGATION_NOT_RELEVANT',
    'CHILD_CONVERSATION_HELD', 'CHILD_CONVERSATION_NOT_HELD',
    'CHILD_PLAN_MADE', 'CHILD_PLAN_REVISED',
    'FOLLOW_UP',
    'AKTINDSIGT_REQUESTED', 'AKTINDSIGT_ANSWERED', 'AKTINDSIGT_NOTICE',
    'FIRST_MEETING_HELD'));
-- GET /waiting/first-meeting: "no first meeting by the end of the day" is an anti-join per case on this index.
create index casework_entry_first_meeting_idx on casework_entry (case_id, occurred_at) where kind = 'FIRST_MEETING_HELD';

-- The day the granted service actually started, and who recorded it when; empty while the family waits.
alter table grant_award add column started_on date;
alter table grant_award add column start_recorded_by varchar(100);
alter table grant_award add column start_recorded_at timestamptz;
alter table grant_award add constraint grant_award_start_recorded
    check ((started_on is null) = (start_recorded_by is null) and (started_on is null) = (start_recorded_at is null));
-- A grant is in force from its decision: the approval when ECONOMY had to approve it, else its creation.
alter table grant_award add constraint grant_award_started_in_force
    check (started_on is null or approval in ('NOT_REQUIRED', 'APPROVED'));
-- GET /waiting/grants: the grants in force and not started, oldest decision first — a small partial index, as
-- most grants of a municipality have started.
create index grant_award_waiting_idx on grant_award ((coalesce(approval_decided_at, created_at)), id)
    where started_on is null and approval in ('NOT_REQUIRED', 'APPROVED');
