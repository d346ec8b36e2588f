-- Issue 12 (item 5): a case's task stream (GET /cases/{id}/tasks/stream) is pushed, not polled. Every insert or
-- update of a task row notifies the channel visitation_task with its case id, in the transaction of the change:
-- PostgreSQL delivers it at commit (never for a rolled-back change, once per case and transaction) to every
-- replica listening (TaskStreams), which then reads the case's tasks and sends what changed.
create function visitation_task_notify() returns trigger
    language plpgsql as $$
begin
    if new.case_id is not null then
        perform pg_notify('visitation_task', new.case_id::text);
    end if;
    return null;
end $$;

create trigger task_notify after insert or update on task
    for each row execute function visitation_task_notify();
