-- Issue 7 (scale: 1 M cases, 5 M grants, 100 000 open tasks in one group). Numbered 20 to stay clear of
-- the feature migrations landing in parallel branches.

-- Cost.upTo in SQL, so the commitment account and the expensive cases are one aggregate in the database
-- instead of every grant and each case's payment periods loaded into the service: numerator × days /
-- denominator (whole numbers) rounded half-even to a whole øre. Java rounds the exact quotient to 12
-- decimals first; with denominators dividing 36 500 (365 days × scope's 2 decimals) a quotient is never
-- within 10⁻¹² of a half without being one, so both give the same øre (EconomyScaleTest compares them).
create function visitation_cost_upto(numerator numeric, days numeric, denominator numeric) returns numeric
    language sql immutable strict parallel safe as $$
    select div(numerator * days, denominator)
           + case when 2 * mod(numerator * days, denominator) > denominator
                    or (2 * mod(numerator * days, denominator) = denominator and mod(div(numerator * days, denominator), 2) = 1)
                  then 1 else 0 end
$$;

-- The grants that run in a year: an overlap of periods, which neither end alone selects when data spans
-- many years (grant_award_period_idx serves only valid_from < :to, i.e. every earlier year as well).
create index grant_award_running_idx on grant_award using gist (daterange(valid_from, valid_to));

-- GET /cases pages: filter, then received_at desc, id — the order of the page query — so a page is the
-- next 20 index entries after the offset and the total an index-only count. Status alone (a leader's or
-- economy's lists) and department alone had no index that serves the order, and adviser's served no order.
-- The scope columns are included so an adviser's scoped count is index-only for cases of their department.
create index child_case_status_received_idx on child_case (status, received_at desc, id)
    include (department, contributing_department);
create index child_case_department_received_idx on child_case (department, received_at desc, id);
create index child_case_adviser_received_idx on child_case (adviser, received_at desc, id) where adviser is not null;
drop index child_case_adviser_idx;

-- GET /tasks: the group's open tasks in the list's order (due_at asc nulls last, priority desc, created_at,
-- id) — the old index lacked priority and id, so every page sorted all 100 000 open tasks of a group.
create index task_group_order_idx on task (candidate_group, status, due_at, priority desc, created_at, id);
drop index task_group_due_idx;
