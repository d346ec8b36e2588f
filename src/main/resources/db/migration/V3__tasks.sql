-- The task list: job-based user tasks projected from the engine, so the list is queryable by SQL.
-- One open row per case, BPMN element and loop counter; a new job for the same step (re-activation,
-- engine restart) re-links the row, keeping its claim.
create table task (
    id                    uuid primary key,
    case_id               uuid          not null,
    process_instance_key  bigint        not null,
    element_id            varchar(100)  not null,
    loop_counter          int           not null default 0,
    job_key               bigint        not null,
    name                  varchar(200)  not null,
    candidate_group       varchar(20)   not null,
    assignee              varchar(100),
    due_at                timestamptz,
    follow_up_at          timestamptz,
    priority              int           not null default 50,
    form_key              varchar(100),
    status                varchar(12)   not null,
    outcome               jsonb,
    completed_by          varchar(100),
    completed_at          timestamptz,
    created_at            timestamptz   not null,
    version               bigint        not null
);
create unique index task_open_step_idx on task (case_id, element_id, loop_counter) where status = 'OPEN';
create index task_group_due_idx on task (candidate_group, status, due_at nulls last, created_at);
create index task_assignee_idx on task (assignee, status) where assignee is not null;
create index task_case_idx on task (case_id);
