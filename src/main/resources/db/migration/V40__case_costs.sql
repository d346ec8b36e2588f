-- Issue 12 (items 4): the commitment account and the expensive cases at 1 M cases / 5 M grants answer from
-- costs kept current, not from an aggregate over every grant of the year (2.4-4.4 s at that size).
--
-- commitment_line: what a department is committed to for a case and service type in a year (the commitment
-- account's lines; zero lines are not kept). case_year_cost: the same per case, with the days the department
-- paid in the year, the annualised cost (the expensive-case bands) and the case's target group.
-- Both are maintained in the transaction of every change by triggers on grant_award and payment_period
-- (create, approve, reject, end, change of period or tariff, payment switch), from visitation_cost_parts,
-- which is the commitment account's SQL aggregate (EconomyService.DEPARTMENT_PARTS) for every year at once,
-- with the same rounding (visitation_cost_upto): the figures are identical by construction, and
-- ScaleSmokeTest compares them with a fresh computation and with the Java rule.

-- The department's part of each grant (not rejected) in each calendar year it runs, per payment period
-- of the department that overlaps the year: part = upTo(b) - upTo(a) of Cost's rule.
create view visitation_cost_parts as
select case_id, department, year, service_type, approval,
       visitation_cost_upto(numerator, greatest(days_a, days_b), denominator)
       - visitation_cost_upto(numerator, days_a, denominator) as amount
from (select g.case_id, p.department, g.year, g.service_type, g.approval, g.numerator, g.denominator,
             greatest(g.valid_from, least(greatest(p.valid_from, g.year_from), g.valid_to)) - g.valid_from as days_a,
             greatest(g.valid_from, least(coalesce(p.valid_to, g.year_to), g.year_to, g.valid_to)) - g.valid_from as days_b
      from (select a.case_id, a.service_type, a.approval, a.valid_from, a.valid_to, y.year,
                   make_date(y.year, 1, 1) as year_from, make_date(y.year + 1, 1, 1) as year_to,
                   a.price_ore * (a.scope * 100) * case a.tariff_period when 'MONTH' then 12 else 1 end as numerator,
                   case a.tariff_period when 'DAY' then 100 when 'WEEK' then 700 else 36500 end as denominator
            from grant_award a
            cross join lateral generate_series(extract(year from a.valid_from)::int,
                                               extract(year from a.valid_to - 1)::int) y(year)
            where a.approval <> 'REJECTED') g
      join payment_period p on p.case_id = g.case_id and p.valid_from < g.year_to
           and (p.valid_to is null or p.valid_to > g.year_from)) parts;

-- TargetGroup.of in SQL (the totals per target group read it from case_year_cost).
create function visitation_target_group(status text, department text) returns text
    language sql immutable parallel safe as $$
    select case when status in ('QUICK_SCREENED', 'DECIDED_CBA') then 'DISABILITY'
                when status in ('STAYS_MYN', 'DECIDED_MYN') then 'SOCIAL'
                when status = 'SHARED' then 'SHARED'
                when status = 'HANDED_OVER' then case when department = 'CBA' then 'DISABILITY' else 'SOCIAL' end
                else 'NOT_ASSESSED' end
$$;

create table commitment_line (
    department    varchar(3)             not null,
    year          int                    not null,
    case_id       uuid                   not null,
    service_type  varchar(30) collate "C" not null,
    amount_ore    bigint                 not null,
    awaiting_ore  bigint                 not null,
    -- the account's line order (case id, service type in C order) and the totals per service type, index-only
    primary key (department, year, case_id, service_type) include (amount_ore, awaiting_ore)
);
create index commitment_line_case_idx on commitment_line (case_id);

create table case_year_cost (
    department    varchar(3)  not null,
    year          int         not null,
    case_id       uuid        not null,
    target_group  varchar(12) not null,
    cost_ore      bigint      not null,
    awaiting_ore  bigint      not null,
    placement_ore bigint      not null,
    paid_days     int         not null check (paid_days > 0),
    -- cost over the days paid, annualised to 365 days, half-even (as the expensive cases always did)
    annual_ore    bigint      not null,
    primary key (department, year, case_id) include (target_group, cost_ore, awaiting_ore, placement_ore)
);
create index case_year_cost_case_idx on case_year_cost (case_id);
-- the expensive cases (>= 1 m kr): the first entries of the department-year, most expensive first
create index case_year_cost_expensive_idx on case_year_cost (department, year, annual_ore desc, case_id)
    include (placement_ore) where annual_ore >= 100000000;

-- The per-case rows from the lines (cost, awaiting and placement are sums of the case's lines; a case with no
-- line has no cost in the year), with the days the department paid in the year and the current target group.
create view visitation_case_year_costs as
select l.department, l.year, l.case_id,
       coalesce(visitation_target_group(c.status, c.department), 'NOT_ASSESSED') as target_group,
       l.cost_ore, l.awaiting_ore, l.placement_ore, d.days as paid_days,
       visitation_cost_upto(l.cost_ore, 365, d.days)::bigint as annual_ore
from (select department, year, case_id, sum(amount_ore) as cost_ore, sum(awaiting_ore) as awaiting_ore,
             coalesce(sum(amount_ore) filter (where service_type = 'PLACEMENT'), 0) as placement_ore
      from commitment_line group by department, year, case_id) l
cross join lateral (
    select sum(least(coalesce(p.valid_to, make_date(l.year + 1, 1, 1)), make_date(l.year + 1, 1, 1))
               - greatest(p.valid_from, make_date(l.year, 1, 1)))::int as days
    from payment_period p
    where p.case_id = l.case_id and p.department = l.department
      and p.valid_from < make_date(l.year + 1, 1, 1) and (p.valid_to is null or p.valid_to > make_date(l.year, 1, 1))) d
left join child_case c on c.id = l.case_id;

-- Recomputes the given cases' rows. One case at a time per transaction (an advisory lock per case), so two
-- changes of one case in parallel never compute from each other's half.
create function visitation_refresh_costs(cases uuid[]) returns void
    language plpgsql as $$
declare
    one uuid;
begin
    foreach one in array coalesce((select array_agg(distinct x order by x) from unnest(cases) x where x is not null), '{}') loop
        perform pg_advisory_xact_lock(40, hashtext(one::text));
    end loop;
    delete from commitment_line where case_id = any(cases);
    delete from case_year_cost where case_id = any(cases);
    insert into commitment_line (department, year, case_id, service_type, amount_ore, awaiting_ore)
    select department, year, case_id, service_type, sum(amount),
           coalesce(sum(amount) filter (where approval = 'PENDING'), 0)
    from visitation_cost_parts where case_id = any(cases)
    group by department, year, case_id, service_type having sum(amount) <> 0;
    insert into case_year_cost (department, year, case_id, target_group, cost_ore, awaiting_ore, placement_ore, paid_days, annual_ore)
    select department, year, case_id, target_group, cost_ore, awaiting_ore, placement_ore, paid_days, annual_ore
    from visitation_case_year_costs where case_id = any(cases);
end $$;

-- Every case at once (this migration's backfill, and the scale benchmark after its bulk load).
create function visitation_refresh_all_costs() returns void
    language plpgsql as $$
begin
    lock table commitment_line, case_year_cost in exclusive mode;
    truncate commitment_line, case_year_cost;
    insert into commitment_line (department, year, case_id, service_type, amount_ore, awaiting_ore)
    select department, year, case_id, service_type, sum(amount),
           coalesce(sum(amount) filter (where approval = 'PENDING'), 0)
    from visitation_cost_parts
    group by department, year, case_id, service_type having sum(amount) <> 0;
    insert into case_year_cost (department, year, case_id, target_group, cost_ore, awaiting_ore, placement_ore, paid_days, annual_ore)
    select department, year, case_id, target_group, cost_ore, awaiting_ore, placement_ore, paid_days, annual_ore
    from visitation_case_year_costs;
end $$;

-- The triggers. A bulk load may defer them for its transaction (set_config('visitation.defer_costs', 'on', true))
-- and then refresh what it loaded.
create function visitation_costs_changed() returns trigger
    language plpgsql as $$
begin
    if coalesce(current_setting('visitation.defer_costs', true), '') = 'on' then
        return null;
    end if;
    if tg_op = 'DELETE' then
        perform visitation_refresh_costs(array[old.case_id]);
    elsif tg_op = 'UPDATE' and old.case_id <> new.case_id then
        perform visitation_refresh_costs(array[old.case_id, new.case_id]);
    else
        perform visitation_refresh_costs(array[new.case_id]);
    end if;
    return null;
end $$;

create trigger grant_award_costs after insert or update or delete on grant_award
    for each row execute function visitation_costs_changed();
create trigger payment_period_costs after insert or update or delete on payment_period
    for each row execute function visitation_costs_changed();

-- The target group follows the case's status and department.
create function visitation_case_group_changed() returns trigger
    language plpgsql as $$
begin
    update case_year_cost set target_group = visitation_target_group(new.status, new.department)
    where case_id = new.id and target_group <> visitation_target_group(new.status, new.department);
    return null;
end $$;

create trigger child_case_cost_group after update of status, department on child_case
    for each row when (old.status is distinct from new.status or old.department is distinct from new.department)
    execute function visitation_case_group_changed();

select visitation_refresh_all_costs();
