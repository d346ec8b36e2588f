-- Issue 11, item 8: before V21 a handover that went on when its last blocker closed left its task "Afslut åbent arbejde
-- før overdragelse" OPEN beside the summary task (the engine left the step by a boundary event and nobody told the task
-- list). Such rows stand for work that is done: they are taken off the list as the service now does itself.
update task t
   set status = 'CANCELED', completed_by = 'system', completed_at = now(), version = t.version + 1
 where t.status = 'OPEN' and t.element_id = 'finish-open-work'
   and not exists (select 1 from handover h where h.id = t.subject_id and h.status = 'BLOCKED');
