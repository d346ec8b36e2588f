-- Job keys are unique within one engine only: the in-process engine counts its keys afresh after a restart
-- or a recycle, so an old job key may name another case's job in the new engine. Each job key is kept with
-- the engine generation that issued it; a command for a job of a generation that is gone is discarded, and
-- the rebuilt step's new job gets the person's outcome instead (see the task projector).
alter table task add column job_generation text;
alter table outbox_command add column engine_generation text;
