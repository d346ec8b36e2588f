-- Personal-data access log, the audit trail of changes, and shared cases (a contributing department).

-- Append-only: every read, search, change, export and delete of a child's data. Rows can only be
-- deleted by the retention purge, which says so in its transaction (visitation.purge = 'on').
create table access_log (
    id          bigserial primary key,
    at          timestamptz   not null,
    actor       varchar(100)  not null,
    roles       varchar(200)  not null,
    client      varchar(200)  not null,
    action      varchar(20)   not null,
    case_ids    uuid[]        not null,
    child_ids   uuid[]        not null,
    what        varchar(200)  not null,
    criteria    jsonb
);
create index access_log_at_idx on access_log (at);
create index access_log_actor_idx on access_log (actor, at);
create index access_log_child_ids_idx on access_log using gin (child_ids);

create function access_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('visitation.purge', true) = 'on' then
        return old;
    end if;
    raise exception 'access_log is append-only (%)', tg_op;
end $$;
create trigger access_log_append_only before update or delete on access_log
    for each row execute function access_log_append_only();

create table case_audit (
    id          bigserial primary key,
    case_id     uuid          not null references child_case (id),
    at          timestamptz   not null,
    actor       varchar(100)  not null,
    action      varchar(20)   not null,
    field       varchar(50),
    old_value   varchar(4000),
    new_value   varchar(4000),
    reason      varchar(1000)
);
create index case_audit_case_idx on case_audit (case_id, at);

alter table child_case add column contributing_department varchar(3)
    check (contributing_department in ('MYN', 'CBA'));
create index child_case_contributing_idx on child_case (contributing_department) where contributing_department is not null;
