-- The quality radar's flags per case for today, kept so that the radar is one aggregate over this table (issue 13:
-- ≤ 200 ms per department over the scale data) instead of every case's record derived on each request.
-- The flags are derived, never typed in: triggers below mark a case changed whenever its casework record or its grants
-- change; the service recomputes changed cases from the record (quality.QualitySnapshot), and every case once a day, as
-- time moves the six-month and 90-day windows. A row is fresh when computed_change = record_change and computed_on is
-- today; the radar refreshes what is not fresh before it counts, so it never counts an old flag.
create sequence case_quality_change;

create table case_quality (
    case_id                     uuid          primary key references child_case (id) on delete cascade,
    -- copied from the case (trigger below), so that the radar filters without joining the cases
    department                  varchar(3)    not null check (department in ('MYN', 'CBA')),
    contributing_department     varchar(3)    check (contributing_department in ('MYN', 'CBA')),
    adviser                     varchar(100),
    record_change               bigint        not null,
    computed_change             bigint,
    computed_on                 date,
    -- whether the radar looks at the case: it has a casework record, or a measure not ended a year before computed_on
    counted                     boolean       not null default false,
    investigation_relevant      boolean       not null default false,
    investigation_present       boolean       not null default false,
    investigation_why           text,
    child_conversation_relevant boolean       not null default false,
    child_conversation_present  boolean       not null default false,
    child_conversation_why      text,
    child_plan_relevant         boolean       not null default false,
    child_plan_present          boolean       not null default false,
    child_plan_why              text,
    follow_up_relevant          boolean       not null default false,
    follow_up_present           boolean       not null default false,
    follow_up_why               text,
    inactivity_relevant         boolean       not null default false,
    inactivity_present          boolean       not null default false,
    inactivity_why              text,
    constraint case_quality_computed_whole check ((computed_change is null) = (computed_on is null))
);
-- what the refresh looks for: cases changed since computed, and cases computed for an earlier day
create index case_quality_changed_idx on case_quality (case_id) where computed_change is distinct from record_change;
create index case_quality_computed_on_idx on case_quality (computed_on);
create index case_quality_department_idx on case_quality (department, adviser) where counted;

-- A change to a case's casework record or grants marks the case changed (statement-level, so a bulk load of a million
-- rows marks each case once). A case seen for the first time gets its row, with its department and adviser.
create function case_quality_record_changed() returns trigger language plpgsql as $$
begin
    insert into case_quality (case_id, department, contributing_department, adviser, record_change)
    select c.id, c.department, c.contributing_department, c.adviser, nextval('case_quality_change')
    from child_case c where c.id in (select distinct case_id from changed_rows)
    on conflict (case_id) do update set record_change = excluded.record_change;
    return null;
end $$;

-- A delete marks the case changed but never inserts: the case itself may be going (a cascade from child_case).
create function case_quality_record_removed() returns trigger language plpgsql as $$
begin
    update case_quality q set record_change = nextval('case_quality_change')
    where q.case_id in (select distinct case_id from changed_rows);
    return null;
end $$;

create trigger casework_entry_inserted_quality after insert on casework_entry
    referencing new table as changed_rows for each statement execute function case_quality_record_changed();
create trigger casework_entry_updated_quality after update on casework_entry
    referencing new table as changed_rows for each statement execute function case_quality_record_changed();
create trigger casework_entry_deleted_quality after delete on casework_entry
    referencing old table as changed_rows for each statement execute function case_quality_record_removed();
create trigger grant_award_inserted_quality after insert on grant_award
    referencing new table as changed_rows for each statement execute function case_quality_record_changed();
create trigger grant_award_updated_quality after update on grant_award
    referencing new table as changed_rows for each statement execute function case_quality_record_changed();
create trigger grant_award_deleted_quality after delete on grant_award
    referencing old table as changed_rows for each statement execute function case_quality_record_removed();

-- The case's department and adviser follow the case (the flags do not depend on them, so the row stays fresh).
create function case_quality_case_moved() returns trigger language plpgsql as $$
begin
    update case_quality set department = new.department, contributing_department = new.contributing_department,
                            adviser = new.adviser
    where case_id = new.id;
    return null;
end $$;

create trigger child_case_moved_quality after update of department, contributing_department, adviser on child_case
    for each row when (old.department is distinct from new.department
                       or old.contributing_department is distinct from new.contributing_department
                       or old.adviser is distinct from new.adviser)
    execute function case_quality_case_moved();

-- The figures per department and adviser, kept by the trigger below whenever a row changes, so that the radar of a
-- department is a sum over a few hundred rows rather than a count over its cases. "present" counts cases where the
-- gap is relevant and what it asks for is present. A case without an adviser is kept under adviser ''.
create table case_quality_tally (
    department                  varchar(3)    not null check (department in ('MYN', 'CBA')),
    adviser                     varchar(100)  not null,
    cases                       bigint        not null,
    investigation_relevant      bigint        not null,
    investigation_present       bigint        not null,
    child_conversation_relevant bigint        not null,
    child_conversation_present  bigint        not null,
    child_plan_relevant         bigint        not null,
    child_plan_present          bigint        not null,
    follow_up_relevant          bigint        not null,
    follow_up_present           bigint        not null,
    inactivity_relevant         bigint        not null,
    inactivity_present          bigint        not null,
    primary key (department, adviser)
);

-- Rows are inserted uncounted (the triggers above), so only updates change the figures; a case removed is uncounted
-- first (below). Statement-level: the refresh writes a batch in one statement, so a batch adds its changes in one insert, taking the
-- tally rows in key order (two batches then wait for each other instead of deadlocking).
create function case_quality_tallied() returns trigger language plpgsql as $$
begin
    insert into case_quality_tally as t
    select department, adviser, sum(cases), sum(ir), sum(ip), sum(cr), sum(cp), sum(pr), sum(pp), sum(fr), sum(fp), sum(nr), sum(np)
    from (select o.department, coalesce(o.adviser, '') as adviser, -1 as cases,
                 -(o.investigation_relevant)::int as ir, -(o.investigation_relevant and o.investigation_present)::int as ip,
                 -(o.child_conversation_relevant)::int as cr, -(o.child_conversation_relevant and o.child_conversation_present)::int as cp,
                 -(o.child_plan_relevant)::int as pr, -(o.child_plan_relevant and o.child_plan_present)::int as pp,
                 -(o.follow_up_relevant)::int as fr, -(o.follow_up_relevant and o.follow_up_present)::int as fp,
                 -(o.inactivity_relevant)::int as nr, -(o.inactivity_relevant and o.inactivity_present)::int as np
          from old_rows o where o.counted
          union all
          select n.department, coalesce(n.adviser, ''), 1,
                 (n.investigation_relevant)::int, (n.investigation_relevant and n.investigation_present)::int,
                 (n.child_conversation_relevant)::int, (n.child_conversation_relevant and n.child_conversation_present)::int,
                 (n.child_plan_relevant)::int, (n.child_plan_relevant and n.child_plan_present)::int,
                 (n.follow_up_relevant)::int, (n.follow_up_relevant and n.follow_up_present)::int,
                 (n.inactivity_relevant)::int, (n.inactivity_relevant and n.inactivity_present)::int
          from new_rows n where n.counted) change
    group by department, adviser
    order by department, adviser
    on conflict (department, adviser) do update set
        cases = t.cases + excluded.cases,
        investigation_relevant = t.investigation_relevant + excluded.investigation_relevant,
        investigation_present = t.investigation_present + excluded.investigation_present,
        child_conversation_relevant = t.child_conversation_relevant + excluded.child_conversation_relevant,
        child_conversation_present = t.child_conversation_present + excluded.child_conversation_present,
        child_plan_relevant = t.child_plan_relevant + excluded.child_plan_relevant,
        child_plan_present = t.child_plan_present + excluded.child_plan_present,
        follow_up_relevant = t.follow_up_relevant + excluded.follow_up_relevant,
        follow_up_present = t.follow_up_present + excluded.follow_up_present,
        inactivity_relevant = t.inactivity_relevant + excluded.inactivity_relevant,
        inactivity_present = t.inactivity_present + excluded.inactivity_present;
    return null;
end $$;

create trigger case_quality_tallied after update on case_quality
    referencing old table as old_rows new table as new_rows for each statement execute function case_quality_tallied();

create function case_quality_case_removed() returns trigger language plpgsql as $$
begin
    update case_quality set counted = false where case_id = old.id and counted;
    return old;
end $$;

create trigger child_case_removed_quality before delete on child_case
    for each row execute function case_quality_case_removed();

-- The cases that already have a record: changed, so the first radar (or the refresh) computes them.
insert into case_quality (case_id, department, contributing_department, adviser, record_change)
select c.id, c.department, c.contributing_department, c.adviser, nextval('case_quality_change')
from child_case c
where exists (select 1 from casework_entry e where e.case_id = c.id) or exists (select 1 from grant_award g where g.case_id = c.id);
