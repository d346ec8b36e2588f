-- EXPLAIN (ANALYZE, BUFFERS) of the SQL the service runs for the scale benchmark's queries: the list
-- statements as Hibernate renders them (captured from pg_stat_activity during bench/scale.sh), the reports
-- as CommitmentAccounts, ExpensiveCasesReport and Settlements write them (its text blocks, copied when this file was written; keep them in step). psql variables:
-- year, deep_offset, department (default MYN).
\if :{?department}
\else
\set department MYN
\endif
select make_date(:year, 1, 1) as from, make_date(:year + 1, 1, 1) as to \gset
\pset pager off
\echo '=== cases status, deep page (page)'
explain (analyze, buffers, costs off) select cc1_0.id,cc1_0.adviser,cc1_0.child_id,cc1_0.contributing_department,cc1_0.created_at,cc1_0.department,cc1_0.description,cc1_0.process_instance_key,cc1_0.received_at,cc1_0.source,cc1_0.status,cc1_0.updated_at,cc1_0.version from child_case cc1_0 where cc1_0.status='AWAITING_ASSESSMENT' order by cc1_0.received_at desc,cc1_0.id offset :deep_offset rows fetch first 20 rows only;
\echo '=== cases status, deep page (count)'
explain (analyze, buffers, costs off) select count(*) from child_case cc1_0 where cc1_0.status='AWAITING_ASSESSMENT';
\echo '=== cases department, first page (page)'
explain (analyze, buffers, costs off) select cc1_0.id,cc1_0.adviser,cc1_0.child_id,cc1_0.contributing_department,cc1_0.created_at,cc1_0.department,cc1_0.description,cc1_0.process_instance_key,cc1_0.received_at,cc1_0.source,cc1_0.status,cc1_0.updated_at,cc1_0.version from child_case cc1_0 where cc1_0.department='CBA' order by cc1_0.received_at desc,cc1_0.id offset 0 rows fetch first 20 rows only;
\echo '=== cases department, first page (count)'
explain (analyze, buffers, costs off) select count(*) from child_case cc1_0 where cc1_0.department='CBA';
\echo '=== cases department+status, deep page (page)'
explain (analyze, buffers, costs off) select cc1_0.id,cc1_0.adviser,cc1_0.child_id,cc1_0.contributing_department,cc1_0.created_at,cc1_0.department,cc1_0.description,cc1_0.process_instance_key,cc1_0.received_at,cc1_0.source,cc1_0.status,cc1_0.updated_at,cc1_0.version from child_case cc1_0 where cc1_0.department='CBA' and cc1_0.status='HANDED_OVER' order by cc1_0.received_at desc,cc1_0.id offset :deep_offset rows fetch first 20 rows only;
\echo '=== cases department+status, deep page (count)'
explain (analyze, buffers, costs off) select count(*) from child_case cc1_0 where cc1_0.department='CBA' and cc1_0.status='HANDED_OVER';
\echo '=== cases status (closed), deep page (page)'
explain (analyze, buffers, costs off) select cc1_0.id,cc1_0.adviser,cc1_0.child_id,cc1_0.contributing_department,cc1_0.created_at,cc1_0.department,cc1_0.description,cc1_0.process_instance_key,cc1_0.received_at,cc1_0.source,cc1_0.status,cc1_0.updated_at,cc1_0.version from child_case cc1_0 where cc1_0.status='STAYS_MYN' order by cc1_0.received_at desc,cc1_0.id offset :deep_offset rows fetch first 20 rows only;
\echo '=== cases status (closed), deep page (count)'
explain (analyze, buffers, costs off) select count(*) from child_case cc1_0 where cc1_0.status='STAYS_MYN';
\echo '=== cases adviser, first page (page)'
explain (analyze, buffers, costs off) select cc1_0.id,cc1_0.adviser,cc1_0.child_id,cc1_0.contributing_department,cc1_0.created_at,cc1_0.department,cc1_0.description,cc1_0.process_instance_key,cc1_0.received_at,cc1_0.source,cc1_0.status,cc1_0.updated_at,cc1_0.version from child_case cc1_0 where cc1_0.adviser='myn.radgiver.042' order by cc1_0.received_at desc,cc1_0.id offset 0 rows fetch first 20 rows only;
\echo '=== cases adviser, first page (count)'
explain (analyze, buffers, costs off) select count(*) from child_case cc1_0 where cc1_0.adviser='myn.radgiver.042';
\echo '=== cases received period+department (page)'
explain (analyze, buffers, costs off) select cc1_0.id,cc1_0.adviser,cc1_0.child_id,cc1_0.contributing_department,cc1_0.created_at,cc1_0.department,cc1_0.description,cc1_0.process_instance_key,cc1_0.received_at,cc1_0.source,cc1_0.status,cc1_0.updated_at,cc1_0.version from child_case cc1_0 where cc1_0.department='MYN' and cc1_0.received_at>=timestamptz '2020-01-01T00:00:00+01:00' and cc1_0.received_at<timestamptz '2020-07-01T00:00:00+02:00' order by cc1_0.received_at desc,cc1_0.id offset 0 rows fetch first 20 rows only;
\echo '=== cases received period+department (count)'
explain (analyze, buffers, costs off) select count(*) from child_case cc1_0 where cc1_0.department='MYN' and cc1_0.received_at>=timestamptz '2020-01-01T00:00:00+01:00' and cc1_0.received_at<timestamptz '2020-07-01T00:00:00+02:00';
\echo '=== cases MYN adviser scope, status (page)'
explain (analyze, buffers, costs off) select cc1_0.id,cc1_0.adviser,cc1_0.child_id,cc1_0.contributing_department,cc1_0.created_at,cc1_0.department,cc1_0.description,cc1_0.process_instance_key,cc1_0.received_at,cc1_0.source,cc1_0.status,cc1_0.updated_at,cc1_0.version from child_case cc1_0 where cc1_0.status='AWAITING_ASSESSMENT' and (cc1_0.department in ('MYN') or cc1_0.contributing_department in ('MYN') or exists(select 1 from case_status_change csc1_0 where csc1_0.case_id=cc1_0.id and csc1_0.department in ('MYN') and csc1_0.changed_at>now() - interval '30 days')) order by cc1_0.received_at desc,cc1_0.id offset 0 rows fetch first 20 rows only;
\echo '=== cases MYN adviser scope, status (count)'
explain (analyze, buffers, costs off) select count(*) from child_case cc1_0 where cc1_0.status='AWAITING_ASSESSMENT' and (cc1_0.department in ('MYN') or cc1_0.contributing_department in ('MYN') or exists(select 1 from case_status_change csc1_0 where csc1_0.case_id=cc1_0.id and csc1_0.department in ('MYN') and csc1_0.changed_at>now() - interval '30 days'));
\echo '=== tasks MYN, deep page (page)'
explain (analyze, buffers, costs off) select t1_0.id,t1_0.assignee,t1_0.candidate_group,t1_0.case_id,t1_0.completed_at,t1_0.completed_by,t1_0.completion_command_id,t1_0.created_at,t1_0.due_at,t1_0.element_id,t1_0.follow_up_at,t1_0.form_key,t1_0.job_key,t1_0.loop_counter,t1_0.name,t1_0.outcome,t1_0.priority,t1_0.process_instance_key,t1_0.status,t1_0.subject_id,t1_0.version from task t1_0 where t1_0.status='OPEN' and t1_0.candidate_group in ('MYN') and t1_0.candidate_group='MYN' order by t1_0.due_at,t1_0.priority desc,t1_0.created_at,t1_0.id offset :deep_offset rows fetch first 20 rows only;
\echo '=== tasks MYN (count)'
explain (analyze, buffers, costs off) select count(*) from task t1_0 where t1_0.status='OPEN' and t1_0.candidate_group in ('MYN') and t1_0.candidate_group='MYN';
\echo '=== expensive cases :year :department (from case_year_cost, V40)'
explain (analyze, buffers, costs off) select case_id, annual_ore, placement_ore, null from case_year_cost
where department = :'department' and year = :year and annual_ore >= 100000000
union all
select null, null, null, coalesce(sum(placement_ore), 0) from case_year_cost
where department = :'department' and year = :year;
\echo '=== commitment account totals :year :department, per service type'
explain (analyze, buffers, costs off) select service_type, sum(amount_ore), sum(awaiting_ore), count(*) from commitment_line
where department = :'department' and year = :year group by service_type;
\echo '=== commitment account totals :year :department, per target group'
explain (analyze, buffers, costs off) select target_group, sum(cost_ore), count(*) from case_year_cost
where department = :'department' and year = :year group by target_group;
\echo '=== commitment account lines :year :department, deep page (page of 200 at offset :deep_offset * 10)'
select :deep_offset * 10 as lines_offset \gset
explain (analyze, buffers, costs off) select l.case_id, l.service_type, c.status, c.department, l.amount_ore, l.awaiting_ore
from (select case_id, service_type, amount_ore, awaiting_ore from commitment_line
      where department = :'department' and year = :year
      order by case_id, service_type offset :lines_offset limit 200) l
join child_case c on c.id = l.case_id
order by l.case_id, l.service_type;
\echo '=== commitment account lines :year :department (count)'
explain (analyze, buffers, costs off) select count(*) from commitment_line where department = :'department' and year = :year;
\echo '=== (before V40) expensive cases :year :department, the aggregate'
explain (analyze, buffers, costs off) with costs as (
    select g.case_id, g.service_type, g.approval,
           visitation_grant_part(g.price_ore, g.scope, g.tariff_period, g.valid_from, g.valid_to,
                                 greatest(p.valid_from, date :'from'), least(coalesce(p.valid_to, date :'to'), date :'to')) as amount
    from grant_award g
    join payment_period p on p.case_id = g.case_id and p.department = :'department'
         and p.valid_from < date :'to' and (p.valid_to is null or p.valid_to > date :'from')
    where daterange(g.valid_from, g.valid_to) && daterange(date :'from', date :'to')
      and g.approval <> 'REJECTED'
)
, per_case as (
    select case_id, sum(amount) as cost, coalesce(sum(amount) filter (where service_type = 'PLACEMENT'), 0) as placement
    from costs group by case_id
), paid as (
    select case_id, sum(least(coalesce(valid_to, date :'to'), date :'to')
                        - greatest(valid_from, date :'from')) as days
    from payment_period
    where department = :'department' and valid_from < date :'to'
      and (valid_to is null or valid_to > date :'from')
      and case_id in (select case_id from per_case)
    group by case_id
), annual as (
    select c.case_id, c.placement, visitation_cost_upto(c.cost, 365, d.days) as annual
    from per_case c join paid d on d.case_id = c.case_id
)
select case_id, annual, placement, null from annual where annual >= 100000000
union all
select null, null, null, coalesce(sum(placement), 0) from per_case;
\echo '=== (before V40) commitment account :year :department, the aggregate by the money rule (visitation_grant_part, V52; Settlements runs it for a quarter)'
explain (analyze, buffers, costs off) with costs as (
    select g.case_id, g.service_type, g.approval,
           visitation_grant_part(g.price_ore, g.scope, g.tariff_period, g.valid_from, g.valid_to,
                                 greatest(p.valid_from, date :'from'), least(coalesce(p.valid_to, date :'to'), date :'to')) as amount
    from grant_award g
    join payment_period p on p.case_id = g.case_id and p.department = :'department'
         and p.valid_from < date :'to' and (p.valid_to is null or p.valid_to > date :'from')
    where daterange(g.valid_from, g.valid_to) && daterange(date :'from', date :'to')
      and g.approval <> 'REJECTED'
)
select l.case_id, l.service_type, c.status, c.department, l.amount, l.awaiting
from (select case_id, service_type, sum(amount) as amount,
             coalesce(sum(amount) filter (where approval = 'PENDING'), 0) as awaiting
      from costs group by case_id, service_type having sum(amount) <> 0) l
join child_case c on c.id = l.case_id
order by l.case_id, l.service_type collate "C"
;
