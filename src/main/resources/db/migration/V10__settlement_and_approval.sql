-- A task can be about a subject other than the case step alone (an economy review, a settlement
-- statement): two reviews of one case are two tasks, and a settlement's task has no case at all.
alter table task add column subject_id uuid;
alter table task alter column case_id drop not null;
alter table task add constraint task_case_or_subject check (case_id is not null or subject_id is not null);
drop index task_open_step_idx;
create unique index task_open_step_idx on task ((coalesce(subject_id, case_id)), element_id, loop_counter)
    where status = 'OPEN';

-- Grants whose annual cost passes the configured amount wait for ECONOMY's approval.
alter table grant_award add column approval varchar(12) not null default 'NOT_REQUIRED'
    check (approval in ('NOT_REQUIRED', 'PENDING', 'APPROVED', 'REJECTED'));
alter table grant_award add column approval_decided_at timestamptz;
alter table economy_review add column approved boolean;

-- The periodic settlement between MYN and CBA: per department and period, the cost of the cases it
-- paid for (regular lines) and corrections of earlier approved periods (switches or grants recorded
-- after those were computed). Approved statements and their lines never change again.
create table settlement (
    id              uuid primary key,
    department      varchar(3)     not null check (department in ('MYN', 'CBA')),
    period_from     date           not null,
    period_to       date           not null check (period_to > period_from),
    status          varchar(10)    not null check (status in ('DRAFT', 'APPROVED')),
    regular_ore     bigint         not null,
    correction_ore  bigint         not null,
    computed_at     timestamptz    not null,
    approved_by     varchar(100),
    approved_at     timestamptz,
    approval_note   varchar(2000),
    version         bigint         not null,
    unique (department, period_from)
);

create table settlement_line (
    id              uuid primary key,
    settlement_id   uuid           not null references settlement (id),
    case_id         uuid           not null,
    kind            varchar(10)    not null check (kind in ('REGULAR', 'CORRECTION')),
    period_from     date           not null,
    period_to       date           not null,
    amount_ore      bigint         not null
);
create index settlement_line_statement_idx on settlement_line (settlement_id, case_id);
create index settlement_line_case_idx on settlement_line (case_id, period_from);

create function settlement_is_immutable() returns trigger language plpgsql as $$
begin
    if old.status = 'APPROVED' then
        raise exception 'settlement % is approved and cannot change', old.id using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger settlement_immutable before update or delete on settlement
    for each row execute function settlement_is_immutable();

create function settlement_line_is_immutable() returns trigger language plpgsql as $$
begin
    if exists (select 1 from settlement s where s.status = 'APPROVED'
               and s.id in (case when tg_op = 'INSERT' then null else old.settlement_id end,
                            case when tg_op = 'DELETE' then null else new.settlement_id end)) then
        raise exception 'the lines of an approved settlement cannot change' using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger settlement_line_immutable before insert or update or delete on settlement_line
    for each row execute function settlement_line_is_immutable();
