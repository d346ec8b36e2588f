-- A job of a rebuilt process first asks whether its step was already completed in a forgotten instance
-- (UserTaskProjector.completeIfDone): by the task's subject, element and loop over every status. Only the open tasks
-- had an index for that (V10), so at 1 M tasks each such job scanned the table (~0.5 s), and the rebuild of an
-- engine after a restart ran at that pace.
create index task_step_idx on task ((coalesce(subject_id, case_id)), element_id, loop_counter);
