-- Deadline watches (issue 13): what the watch over the casework record has fired, once per deadline and kind, so a
-- repeated scan, a second replica or a restart never fires twice, and a restart re-opens the open ones' processes.
create table deadline_watch (
    id            uuid primary key,
    case_id       uuid          not null references child_case (id),
    deadline_key  varchar(200)  not null,
    kind          varchar(20)   not null check (kind in ('WARNING', 'ESCALATION', 'MET_LATE', 'INACTIVE')),
    rule          varchar(100)  not null,
    due_at        timestamptz   not null,
    department    varchar(10)   not null check (department in ('MYN', 'CBA')),
    status        varchar(10)   not null check (status in ('OPEN', 'ENDED')),
    created_at    timestamptz   not null,
    ended_at      timestamptz,
    constraint deadline_watch_once unique (deadline_key, kind),
    constraint deadline_watch_ended check ((status = 'ENDED') = (ended_at is not null))
);
create index deadline_watch_open_idx on deadline_watch (case_id) where status = 'OPEN';
