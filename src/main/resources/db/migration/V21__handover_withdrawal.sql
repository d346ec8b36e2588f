-- Issue 11, item 7: a handover asked for while work is open is recorded (BLOCKED) and goes on when the last blocker
-- closes, or it is withdrawn — by whom, when and why. A withdrawn handover is finished: the case may get a new one.
alter table handover add column withdrawn_by varchar(100);
alter table handover add column withdrawn_at timestamptz;
alter table handover add column withdrawal_reason varchar(1000);
alter table handover add constraint handover_withdrawal_complete
    check ((status = 'WITHDRAWN') = (withdrawn_by is not null and withdrawn_at is not null and withdrawal_reason is not null));
drop index handover_open_idx;
create unique index handover_open_idx on handover (case_id) where status not in ('COMPLETED', 'WITHDRAWN');
