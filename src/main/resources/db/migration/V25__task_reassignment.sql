-- Task reassignment with rules (issue 11, item 14).
-- Who is a member of a candidate group: a user who has used the task list with a role that gives that
-- group (MYN_ADVISER -> MYN, CBA_ADVISER -> CBA, COMMITTEE_MEMBER -> COMMITTEE, ECONOMY -> ECONOMY).
create table task_group_member (
    candidate_group  varchar(20)   not null,
    user_name        varchar(100)  not null,
    first_seen       timestamptz   not null,
    primary key (candidate_group, user_name)
);

-- Every change of a task's assignee: claim, release, reassignment; append-only.
create table task_history (
    id            bigserial primary key,
    task_id       uuid          not null references task (id),
    at            timestamptz   not null,
    actor         varchar(100)  not null,
    action        varchar(20)   not null,
    old_assignee  varchar(100),
    new_assignee  varchar(100)
);
create index task_history_task_idx on task_history (task_id, at);
