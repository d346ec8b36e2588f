-- A grant ended early (issue 16): its period is cut at the new end, which the commitment account, the expensive cases
-- and the settlement then see through the kept costs (V40 trigger); the end as granted and why it was cut are kept.
-- Ended on its first day, a grant never ran: an empty period, which costs nothing.
alter table grant_award drop constraint grant_award_check;
alter table grant_award add constraint grant_award_period check (valid_to >= valid_from);
alter table grant_award add column granted_to date;
alter table grant_award add column end_reason text;
alter table grant_award add column ended_by varchar(100);
alter table grant_award add column ended_at timestamptz;
alter table grant_award add constraint grant_award_ended
    check ((granted_to is null) = (end_reason is null) and (granted_to is null) = (ended_by is null)
           and (granted_to is null) = (ended_at is null) and (granted_to is null or granted_to > valid_to));
