-- Issue 19 (item 4): the money rule once for all SQL. Until now the cost of a grant's part was spelled out in
-- each query that needed it (the visitation_cost_parts view of V40, the settlement's aggregate and the scale
-- benchmark's queries), as a numerator/denominator CTE around visitation_cost_upto, kept in step only by
-- ScaleSmokeTest. visitation_grant_part is now the one definition every query calls; the Java rule
-- (economy/Cost.part) is checked against it case by case by MoneyRuleSqlTest, a jqwik property run against
-- this function in an embedded PostgreSQL.
--
-- Cost.part in SQL: the cost of the part [part_from, part_to) of a grant of price_ore per unit per tariff period
-- × scope, running [valid_from, valid_to): a = max(start, min(from, end)), b = max(a, min(to, end)),
-- part = upTo(b) − upTo(a), where upTo(day) = price × scope × periods × (day − start) / days, rounded half-even
-- to the øre once (visitation_cost_upto, V20). A tariff is a daily rate on a 365-day year: a month is 1/12 year,
-- a week 7 days; scope has two decimals (numeric(12, 2)), so numerator and denominator are whole numbers.
-- Not strict, so the planner inlines it into the calling query; its callers pass no null (the columns are not
-- null and an open payment period's end is the queried period's end).
create function visitation_grant_part(price_ore bigint, scope numeric, tariff_period varchar,
                                      valid_from date, valid_to date, part_from date, part_to date) returns bigint
    language sql immutable parallel safe as $$
    select (visitation_cost_upto(price_ore * (scope * 100) * case tariff_period when 'MONTH' then 12 else 1 end,
                                 greatest(valid_from, least(part_from, valid_to), least(part_to, valid_to)) - valid_from,
                                 case tariff_period when 'DAY' then 100 when 'WEEK' then 700 else 36500 end)
          - visitation_cost_upto(price_ore * (scope * 100) * case tariff_period when 'MONTH' then 12 else 1 end,
                                 greatest(valid_from, least(part_from, valid_to)) - valid_from,
                                 case tariff_period when 'DAY' then 100 when 'WEEK' then 700 else 36500 end))::bigint
$$;

-- V40's view by the rule: the department's part of each grant (not rejected) in each calendar year it runs, per
-- payment period of the department that overlaps the year. Same rows and figures as before; amount is bigint now.
-- (visitation_refresh_costs and visitation_refresh_all_costs name the view in PL/pgSQL, bound when they run.)
drop view visitation_cost_parts;
create view visitation_cost_parts as
select g.case_id, p.department, g.year, g.service_type, g.approval,
       visitation_grant_part(g.price_ore, g.scope, g.tariff_period, g.valid_from, g.valid_to,
                             greatest(p.valid_from, g.year_from), least(coalesce(p.valid_to, g.year_to), g.year_to)) as amount
from (select a.case_id, a.service_type, a.approval, a.price_ore, a.scope, a.tariff_period, a.valid_from, a.valid_to, y.year,
             make_date(y.year, 1, 1) as year_from, make_date(y.year + 1, 1, 1) as year_to
      from grant_award a
      cross join lateral generate_series(extract(year from a.valid_from)::int,
                                         extract(year from a.valid_to - 1)::int) y(year)
      where a.approval <> 'REJECTED') g
join payment_period p on p.case_id = g.case_id and p.valid_from < g.year_to
     and (p.valid_to is null or p.valid_to > g.year_from);
