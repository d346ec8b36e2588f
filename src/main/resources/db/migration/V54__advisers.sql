-- Advisers (issue 14): the register of advisers (rådgivere) a case may be assigned to, and every assignment and
-- change of a case's adviser, dated, so caseload and continuity are derived from the record instead of typed in.

-- The register, kept by LEADER. user_id is the token's upn; fte the share of a full-time post (37 hours a week);
-- the active period is [active_from, active_to), open-ended while active_to is null.
create table adviser (
    user_id        varchar(100)  primary key,
    name           varchar(200)  not null,
    department     varchar(3)    not null check (department in ('MYN', 'CBA')),
    fte            numeric(4, 3) not null check (fte > 0 and fte <= 1),
    caseload_kind  varchar(30)   not null check (caseload_kind in ('CHILDREN_AND_FAMILY', 'DISABILITY')),
    active_from    date          not null,
    active_to      date,
    version        bigint        not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    constraint adviser_active_period check (active_to is null or active_to > active_from)
);
create index adviser_department_idx on adviser (department, user_id);

-- A case's advisers over time: one row per period in which the case had one adviser (to_adviser; null while it had
-- none), from its assignment until the next one ended it (ended_at, null for the current row). from_adviser is who
-- had it before; department is the case's (lead) department when the row began. Append-only but for ended_at.
create table case_adviser_assignment (
    id            bigserial     primary key,
    case_id       uuid          not null references child_case (id),
    department    varchar(3)    not null check (department in ('MYN', 'CBA')),
    from_adviser  varchar(100),
    to_adviser    varchar(100),
    assigned_at   timestamptz   not null,
    ended_at      timestamptz,
    assigned_by   varchar(100)  not null,
    reason        text,
    constraint case_adviser_assignment_changes check (from_adviser is distinct from to_adviser),
    constraint case_adviser_assignment_period check (ended_at is null or ended_at >= assigned_at)
);
create unique index case_adviser_assignment_current_idx on case_adviser_assignment (case_id) where ended_at is null;
create index case_adviser_assignment_case_idx on case_adviser_assignment (case_id, assigned_at, id);
-- the caseload on a day: an index-only range per adviser
create index case_adviser_assignment_load_idx on case_adviser_assignment (to_adviser, assigned_at) include (ended_at)
    where to_adviser is not null;
-- continuity per department and period
create index case_adviser_assignment_department_idx on case_adviser_assignment (department, assigned_at)
    include (case_id, from_adviser, to_adviser, ended_at);

-- Cases that already name an adviser keep it (free text until re-assigned): their assignment starts at the last
-- audited change of the adviser, else when the case was created.
insert into case_adviser_assignment (case_id, department, from_adviser, to_adviser, assigned_at, assigned_by, reason)
select c.id, c.department, null, c.adviser,
       coalesce((select max(a.at) from case_audit a where a.case_id = c.id and a.field = 'adviser'), c.created_at),
       'system', 'Rådgiver fra før rådgiverregistret'
from child_case c
where c.adviser is not null;
