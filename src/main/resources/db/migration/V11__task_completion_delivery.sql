-- Which outbox command carries a task's completion to the engine: a completion the engine never got
-- (it restarted or was recycled first) is handed to the step's next job instead of asking the person again.
alter table task add column completion_command_id uuid;

-- Handover tasks are about their handover (a case can be handed over more than once).
update task t set subject_id = h.id
from handover h
where h.case_id = t.case_id and h.status <> 'COMPLETED' and t.status = 'OPEN' and t.subject_id is null
  and t.element_id in ('finish-open-work', 'write-handover-summary', 'receive-case');
