-- Issue 11, item 9: a shared decision whose lead is the other department is a handover to the lead, which works and pays
-- for the case from the effective date; the contributing department of the shared arrangement is kept on the handover
-- and set on the case when the handover completes.
alter table handover add column contributing_department varchar(3);
alter table handover add constraint handover_contributing_other
    check (contributing_department is null or contributing_department <> to_department);
