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
-- The case's first meeting kept on the case by the database: the earliest such record (records are never changed or
-- deleted, so an insert is all there is to follow). The waiting cases are then a small partial index of the cases, not
-- an anti-join of every case against the record — GET /waiting/first-meeting at 1 M cases.
alter table child_case add column first_meeting_at timestamptz;
create function visitation_first_meeting() returns trigger language plpgsql as $$
begin
    update child_case set first_meeting_at = new.occurred_at
     where id = new.case_id and (first_meeting_at is null or first_meeting_at > new.occurred_at);
    return null;
end $$;
create trigger casework_first_meeting after insert on casework_entry
    for each row when (new.kind = 'FIRST_MEETING_HELD') execute function visitation_first_meeting();
create index child_case_first_meeting_waiting_idx on child_case (received_at, id) where first_meeting_at is null;

-- The day the granted service actually started, and who recorded it when; empty while the family waits.
alter table grant_award add column started_on date;
alter table grant_award add column start_recorded_by varchar(100);
alter table grant_award add column start_recorded_at timestamptz;
alter table grant_award add constraint grant_award_start_recorded
    check ((started_on is null) = (start_recorded_by is null) and (started_on is null) = (start_recorded_at is null));
-- A grant is in force from its decision: the approval when ECONOMY had to approve it, else its creation.
alter table grant_award add constraint grant_award_started_in_force
    check (started_on is null or approval in ('NOT_REQUIRED', 'APPROVED'));
-- GET /waiting/grants: the grants not started, oldest decision first — a small partial index, as most grants of a
-- municipality have started (the approval is a filter: its values are bound as parameters, which a partial index's
-- predicate could not be matched against in a generic plan).
create index grant_award_waiting_idx on grant_award ((coalesce(approval_decided_at, created_at)), id) where started_on is null;
