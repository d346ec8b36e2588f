-- Scale benchmark data (issue 7): a PL/pgSQL procedure that generates a consistent data set with
-- INSERT ... SELECT generate_series, straight into the service's schema (after Flyway created it).
--
--   call bench_generate(cases => 1000000, grants => 5000000, open_tasks => 100000);
--
-- Cases are spread over received dates 2012-01-01 .. 2026-11-30 in id order, newest last. The newest
-- `open_tasks` cases are open in MYN (90 % AWAITING_ASSESSMENT with "Målgruppevurdering", 10 %
-- PREPARING_COMMITTEE with "Forbered materiale"), so MYN's task list holds exactly `open_tasks` open
-- tasks; the older cases are closed (STAYS_MYN, DECIDED_MYN, SHARED, HANDED_OVER to CBA), each with its
-- completed assessment task. Every case has its child (a unique, valid CPR: DDMMYY + 4 digits, the
-- 7th digit 9 = born 1937-2036, apart from the tests' 4xxx; never printed), status history, payment periods (a
-- handover switches MYN → CBA, with its payment_switch row) and grants across all service types and
-- years (grants / cases per case). Handed-over cases have a done economy review; open_tasks / 20 of
-- the newest have an open one with an ECONOMY task.
--
-- Deterministic: ids are md5(tag || kind || n), so `tag` namespaces a run (the smoke test uses its own
-- and deletes it with bench_remove(tag)). With rebuild_indexes the secondary indexes of the loaded
-- tables are dropped first and re-created from their own definitions afterwards (much faster for a
-- big load; takes exclusive locks, so not for a shared database).
create or replace procedure bench_generate(cases int, grants int, open_tasks int,
                                           tag text default 'scale', rebuild_indexes boolean default true)
language plpgsql as $$
declare
    first_day  constant timestamptz := timestamptz '2012-01-01 08:00:00+01';
    last_day   constant timestamptz := timestamptz '2026-11-30 16:00:00+01';
    step       double precision;
    open_from  int := cases - open_tasks + 1;          -- cases open_from .. cases are open in MYN
    reviews    int := greatest(1, open_tasks / 20);    -- open economy reviews just before them
    defs       text[];
    def        text;
begin
    if open_tasks > cases or open_tasks < 0 or grants < 0 then
        raise exception 'need 0 <= open_tasks <= cases and grants >= 0';
    end if;
    step := extract(epoch from last_day - first_day) / cases;
    -- the kept costs (V40) are refreshed once at the end, not by the triggers row by row
    perform set_config('visitation.defer_costs', 'on', true);
    if rebuild_indexes then
        select coalesce(array_agg(pg_get_indexdef(i.indexrelid)), '{}') into defs
        from pg_index i join pg_class t on t.oid = i.indrelid
        where t.relname in ('child', 'child_case', 'case_status_change', 'case_adviser_assignment', 'payment_period', 'payment_switch',
                            'grant_award', 'task', 'economy_review', 'casework_entry')
          and t.relnamespace = 'public'::regnamespace
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
        foreach def in array defs loop
            execute 'drop index ' || (regexp_match(def, '^CREATE (?:UNIQUE )?INDEX (\S+) ON'))[1];
        end loop;
    end if;

    -- the cases' skeleton, reused by every insert below
    create temp table bench_case on commit drop as
    select n,
           md5(tag || 'case' || n)::uuid                                               as id,
           md5(tag || 'child' || n)::uuid                                              as child_id,
           first_day + make_interval(secs => (n - 1) * step + abs(hashint8(n)) % greatest(1, step::bigint)) as received_at,
           case when n >= open_from then case when n % 10 = 0 then 'PREPARING_COMMITTEE' else 'AWAITING_ASSESSMENT' end
                else case when abs(hashint8(n * 3 + 1)) % 100 < 40 then 'STAYS_MYN'
                          when abs(hashint8(n * 3 + 1)) % 100 < 50 then 'DECIDED_MYN'
                          when abs(hashint8(n * 3 + 1)) % 100 < 55 then 'SHARED'
                          else 'HANDED_OVER' end end                                   as status,
           abs(hashint8(n * 5 + 2)) % 150                                              as adviser_no
    from generate_series(1, cases) n;
    alter table bench_case add column department varchar(3), add column received_on date, add column switch_on date;
    update bench_case set department = case when status = 'HANDED_OVER' then 'CBA' else 'MYN' end,
                          received_on = (received_at at time zone 'Europe/Copenhagen')::date;
    update bench_case set switch_on = least(received_on + 30 + (abs(hashint8(n * 7 + 3)) % 365)::int, date '2026-11-30')
    where status = 'HANDED_OVER';
    update bench_case set switch_on = received_on + 1 where switch_on <= received_on;
    create index on bench_case (n);
    analyze bench_case;

    -- children: born 1-18 years before their case; the serial makes the CPR unique per birth date
    insert into child (id, cpr, name, created_at)
    select child_id,
           to_char(born, 'DDMMYY') || (9000 + row_number() over (partition by born order by n) - 1)::text,
           'Barn ' || n, received_at
    from (select n, child_id, received_at,
                 received_on - (365 + abs(hashint8(n * 11 + 4)) % (17 * 365))::int as born
          from bench_case) c;

    insert into child_case (id, child_id, source, received_at, description, department, status, adviser,
                            process_instance_key, version, created_at, updated_at, contributing_department, first_meeting_at)
    select id, child_id,
           (array['PARENTS', 'DAY_CARE', 'SCHOOL', 'HOSPITAL', 'OTHER_AUTHORITY', 'NOTIFICATION'])[1 + n % 6],
           received_at, 'Scale bench ' || tag || ' case ' || n, department, status,
           case when status = 'AWAITING_ASSESSMENT' and n % 4 = 0 then null
                else lower(department) || '.radgiver.' || lpad(adviser_no::text, 3, '0') end,
           2251799813685248 + n::bigint * 16, 2, received_at,
           case when n >= open_from then received_at + interval '1 minute' else received_at + interval '40 days' end,
           case when status = 'SHARED' then 'CBA' end,
           -- the first meeting with the family (issue 14): within 6-13 days; half the open cases still wait for theirs
           case when n < open_from or n % 2 = 0 then received_at + make_interval(days => 6 + n % 8) end
    from bench_case;

    -- the adviser history (V54): each named adviser assigned at intake, so the caseload has its data
    insert into case_adviser_assignment (case_id, department, from_adviser, to_adviser, assigned_at, assigned_by)
    select id, department, null, adviser, created_at, 'system' from child_case
    where description like 'Scale bench ' || tag || ' case %' and adviser is not null;

    insert into case_status_change (case_id, status, department, changed_at, changed_by, reason)
    select id, 'RECEIVED', 'MYN', received_at, 'system', 'Henvendelse modtaget' from bench_case
    union all
    select id, status, department,
           case when n >= open_from then received_at + interval '1 minute' else received_at + interval '40 days' end,
           'system', 'Scale bench' from bench_case;

    -- payment responsibility: the receiving department from intake; a handover switches to CBA
    insert into payment_period (id, case_id, department, valid_from, valid_to)
    select md5(tag || 'period1-' || n)::uuid, id, case when status = 'HANDED_OVER' then 'MYN' else department end,
           received_on, switch_on
    from bench_case
    union all
    select md5(tag || 'period2-' || n)::uuid, id, 'CBA', switch_on, null from bench_case where status = 'HANDED_OVER';
    insert into payment_switch (id, case_id, department, effective_on, reason, recorded_by, recorded_at)
    select md5(tag || 'switch' || n)::uuid, id, 'CBA', switch_on, 'Overdraget til CBA', 'system',
           (switch_on::timestamp + interval '10 hours') at time zone 'Europe/Copenhagen'
    from bench_case where status = 'HANDED_OVER';

    -- grants: grants / cases per case (the rest to the first cases), one after another from intake
    insert into grant_award (id, case_id, service_type, legal_basis, provider, provider_name, price_ore, tariff_period,
                             scope, valid_from, valid_to, created_by, created_at, version, approval, approval_decided_at,
                             started_on, start_recorded_by, start_recorded_at)
    select md5(tag || 'grant' || j)::uuid, c.id, t.service_type, t.legal_basis,
           case when h % 3 = 0 then 'INTERNAL' else 'EXTERNAL' end, 'Leverandør ' || (h % 400),
           t.price_ore, t.tariff, t.scope, g.valid_from, g.valid_from + (90 + h % 640)::int,
           lower(c.department) || '.radgiver.' || lpad(c.adviser_no::text, 3, '0'),
           (g.valid_from::timestamp + interval '9 hours') at time zone 'Europe/Copenhagen', 0,
           case when t.annual_ore <= 100000000 then 'NOT_REQUIRED' when h % 50 = 0 then 'REJECTED' else 'APPROVED' end,
           case when t.annual_ore > 100000000 then (g.valid_from::timestamp + interval '3 days') at time zone 'Europe/Copenhagen' end,
           -- the service started on its first day (issue 14), except 1 in 25 of the grants in force of the data's last half year
           st.started_on, case when st.started_on is not null then 'bench' end,
           (st.started_on::timestamp + interval '10 hours') at time zone 'Europe/Copenhagen'
    from generate_series(1, grants) j
    cross join lateral (select abs(hashint8(j::bigint * 13 + 5)) as h) hh
    join bench_case c on c.n = 1 + (j - 1) % cases
    cross join lateral (select c.received_on + ((j - 1) / cases * 120 + h % 60)::int as valid_from) g
    cross join lateral (
        select s.*, (s.price_ore * s.scope * case s.tariff when 'YEAR' then 1 when 'MONTH' then 12
                                                           when 'WEEK' then 365.0 / 7 else 365 end) as annual_ore
        from (select * from (values
            -- service type, legal basis, tariff, price (øre), scope: chosen by h % 100
            (0,  'PLACEMENT', 'Barnets Lov §§ 46-47', 'YEAR',
                 (25000000 + 225000000 * power((h % 1000000) / 1e6, 3))::bigint, 1.00),
            (8,  'RESPITE_CARE', 'Barnets Lov § 32 (aflastning)', 'DAY', 150000 + h % 150000, 0.25 + (h % 4) * 0.05),
            (25, 'SUPPORTIVE_MEASURES', 'Barnets Lov § 32', 'WEEK', 50000 + h % 150000, 2 + h % 9),
            (55, 'NECESSARY_EXTRA_COSTS', 'Barnets Lov § 86', 'MONTH', 100000 + h % 400000, 1.00),
            (70, 'LOST_EARNINGS', 'Barnets Lov § 87', 'MONTH', 1500000 + h % 1500000, 1.00),
            (78, 'SPECIAL_TRANSPORT', 'Barnets Lov § 32 (befordring)', 'WEEK', 20000 + h % 60000, 2 + h % 9),
            (90, 'HOME_TRAINING', 'Barnets Lov § 32 (hjemmetræning)', 'MONTH', 500000 + h % 1500000, 1.00))
            v(lo, service_type, legal_basis, tariff, price_ore, scope)
            where v.lo <= (h / 7) % 100 order by v.lo desc limit 1) s) t
    cross join lateral (
        select case when (t.annual_ore <= 100000000 or h % 50 <> 0) and g.valid_from <= date '2026-11-30'
                         and not (g.valid_from > date '2026-05-31' and h % 25 = 0)
                    then g.valid_from end as started_on) st;

    -- the task list: open steps of the open cases (MYN), the completed assessment of every closed case
    insert into task (id, case_id, process_instance_key, element_id, loop_counter, job_key, name, candidate_group,
                      assignee, due_at, follow_up_at, priority, form_key, status, outcome, completed_by, completed_at,
                      created_at, version)
    select md5(tag || 'task' || n)::uuid, id, 2251799813685248 + n::bigint * 16,
           case when status = 'PREPARING_COMMITTEE' then 'prepare-committee-material' else 'assess-target-group' end,
           0, 2251799813685248 + n::bigint * 16 + 5,
           case when status = 'PREPARING_COMMITTEE' then 'Forbered materiale til visitationsudvalget' else 'Målgruppevurdering' end,
           'MYN',
           case when n >= open_from then case when n % 7 = 0 then 'myn.radgiver.' || lpad(adviser_no::text, 3, '0') end
                else 'myn.radgiver.' || lpad(adviser_no::text, 3, '0') end,
           received_at + case when status = 'PREPARING_COMMITTEE' then interval '10 days' else interval '14 days' end,
           case when status = 'PREPARING_COMMITTEE' then null else received_at + interval '7 days' end,
           case when status = 'PREPARING_COMMITTEE' then 50 else 60 end,
           case when status = 'PREPARING_COMMITTEE' then 'visitation:committee-material' else 'visitation:target-group-assessment' end,
           case when n >= open_from then 'OPEN' else 'COMPLETED' end,
           case when n < open_from then jsonb_build_object('outcome',
                case when status in ('STAYS_MYN') then 'STAYS_MYN' when status = 'HANDED_OVER' and n % 3 = 0 then 'QUICK_SCREEN_CBA'
                     else 'COMMITTEE' end) end,
           case when n < open_from then 'myn.radgiver.' || lpad(adviser_no::text, 3, '0') end,
           case when n < open_from then received_at + interval '10 days' end,
           received_at + interval '1 minute', case when n >= open_from then 0 else 2 end
    from bench_case;

    -- the economy track: a done review per handed-over case; the newest `reviews` of them still open
    insert into economy_review (id, case_id, trigger, reference_id, status, cost_consequence, annual_cost_ore,
                                reviewed_by, reviewed_at, created_at)
    select md5(tag || 'review' || n)::uuid, id, 'HANDOVER', md5(tag || 'handover' || n)::uuid,
           case when r <= reviews then 'OPEN' else 'DONE' end,
           case when r > reviews then 'Udgiften flytter til CBA' end,
           case when r > reviews then 10000000 + abs(hashint8(n)) % 200000000 end,
           case when r > reviews then 'okonomi.konsulent' end,
           case when r > reviews then (switch_on::timestamp + interval '12 days') at time zone 'Europe/Copenhagen' end,
           (switch_on::timestamp + interval '11 hours') at time zone 'Europe/Copenhagen'
    from (select *, row_number() over (order by n desc) r from bench_case where status = 'HANDED_OVER') c;
    insert into task (id, case_id, subject_id, process_instance_key, element_id, loop_counter, job_key, name,
                      candidate_group, due_at, priority, form_key, status, created_at, version)
    select md5(tag || 'review-task' || c.n)::uuid, c.id, r.id, 2251799813685248 + c.n::bigint * 16 + 8,
           'review-cost-consequence', 0, 2251799813685248 + c.n::bigint * 16 + 9, 'Økonomisk vurdering', 'ECONOMY',
           r.created_at + interval '10 days', 50, 'economy:review', 'OPEN', r.created_at, 0
    from economy_review r join bench_case c on c.id = r.case_id
    where r.status = 'OPEN' and r.id = md5(tag || 'review' || c.n)::uuid;

    -- the casework record (issue 13), shaped like the review's findings so the radar's four gaps have cases on both
    -- sides: a notification on cases that came in as one (assessed within the 24 hours, a receipt to professionals),
    -- a § 20 investigation started on 47 % (concluded after 100 days), a child conversation before the decision and on
    -- 61 % one in the six months before the data's last day, a child's plan on 66 %, a follow-up on the first grant within
    -- its three months on 69 %.
    insert into casework_entry (id, case_id, kind, occurred_at, notifier_kind, urgent, refers_to, grant_id, reason,
                                recorded_by, recorded_at)
    select md5(tag || 'cw-' || f.kind || n)::uuid, id, f.kind, f.at,
           case when f.kind = 'NOTIFICATION' then case when n % 12 = 5 then 'PROFESSIONAL' else 'PRIVATE' end end,
           case when f.kind = 'NOTIFICATION' then false end, null::uuid,
           case when f.kind = 'FOLLOW_UP' then md5(tag || 'grant' || n)::uuid end, null::text,
           coalesce(lower(department) || '.radgiver.' || lpad(adviser_no::text, 3, '0'), 'system'), f.at
    from bench_case c
    cross join lateral (select abs(hashint8(n * 17 + 6)) % 100 as a, abs(hashint8(n * 19 + 7)) % 100 as b,
                               abs(hashint8(n * 23 + 8)) % 100 as p, abs(hashint8(n * 29 + 9)) % 100 as u,
                               abs(hashint8(n::bigint * 13 + 5)) % 60 as first_grant_day) hh
    cross join lateral (values
        ('NOTIFICATION', case when n % 6 = 5 then received_at end),
        ('INVESTIGATION_STARTED', case when a >= 53 then received_at + interval '2 days' end),
        ('CHILD_CONVERSATION_HELD', received_at + interval '10 days'),
        ('CHILD_PLAN_MADE', case when p >= 34 then received_at + interval '30 days' end),
        ('FOLLOW_UP', case when u >= 31 then (received_on + first_grant_day::int + 80)::timestamp at time zone 'Europe/Copenhagen'
                                           + interval '10 hours' end)) f(kind, at)
    where f.at is not null and f.at < last_day
    union all
    select md5(tag || 'cw-recent-talk' || n)::uuid, id, 'CHILD_CONVERSATION_HELD', last_day - make_interval(days => (b % 170)::int),
           null::varchar, null::boolean, null::uuid, null::uuid, null::text, coalesce(lower(department) || '.radgiver.' || lpad(adviser_no::text, 3, '0'), 'system'),
           last_day - make_interval(days => (b % 170)::int)
    from bench_case c cross join lateral (select abs(hashint8(n * 19 + 7)) % 100 as b) hh
    where b >= 39 and received_at < last_day - interval '200 days';
    insert into casework_entry (id, case_id, kind, occurred_at, notifier_kind, urgent, refers_to, grant_id, reason,
                                recorded_by, recorded_at)
    select md5(tag || 'cw-' || f.kind || e.case_id)::uuid, e.case_id, f.kind, e.occurred_at + f.after, null, null, e.id, null, null,
           e.recorded_by, e.occurred_at + f.after
    from casework_entry e
    cross join lateral (values ('NOTIFICATION_ASSESSED', 'NOTIFICATION', interval '20 hours', true),
                               ('RECEIPT_SENT', 'NOTIFICATION', interval '3 days', e.notifier_kind = 'PROFESSIONAL'),
                               ('INVESTIGATION_CONCLUDED', 'INVESTIGATION_STARTED', interval '100 days', true)) f(kind, of, after, wanted)
    where e.kind = f.of and f.wanted and e.case_id in (select id from bench_case) and e.occurred_at + f.after < last_day;

    if rebuild_indexes then
        foreach def in array defs loop
            execute def;
        end loop;
        -- statistics first: planned on the empty tables' estimates the backfill's per-case lookups scan whole tables
        analyze grant_award;
        analyze payment_period;
        analyze child_case;
        perform visitation_refresh_all_costs();   -- the migration's backfill, over everything loaded
    else
        perform visitation_refresh_costs(array(select id from bench_case));
    end if;
    perform set_config('visitation.defer_costs', 'off', true);
end $$;

-- Removes what bench_generate(…, tag) made (the smoke test's cleanup); access-log rows stay (append-only).
create or replace procedure bench_remove(tag text)
language plpgsql as $$
begin
    create temp table bench_gone on commit drop as
    select id, child_id from child_case where description like 'Scale bench ' || tag || ' case %';
    perform set_config('visitation.defer_costs', 'on', true);
    delete from commitment_line where case_id in (select id from bench_gone);
    delete from case_year_cost where case_id in (select id from bench_gone);
    delete from task_history where task_id in (select id from task where case_id in (select id from bench_gone));
    delete from task where case_id in (select id from bench_gone);
    delete from casework_entry where case_id in (select id from bench_gone) and refers_to is not null;
    delete from casework_entry where case_id in (select id from bench_gone);
    delete from economy_review where case_id in (select id from bench_gone);
    delete from grant_award where case_id in (select id from bench_gone);
    delete from payment_switch where case_id in (select id from bench_gone);
    delete from payment_period where case_id in (select id from bench_gone);
    delete from case_status_change where case_id in (select id from bench_gone);
    delete from case_audit where case_id in (select id from bench_gone);
    delete from case_adviser_assignment where case_id in (select id from bench_gone);
    delete from child_case where id in (select id from bench_gone);
    delete from child where id in (select child_id from bench_gone);
    perform set_config('visitation.defer_costs', 'off', true);
end $$;

-- The adviser register (V54) for the advisers the generated cases name (<dept>.radgiver.000 .. 149, one department
-- each), so GET /caseload has its advisers: a full-time post each, active since the first generated case. Idempotent.
-- Called by scale.sh only: the smoke test's database keeps the tests' own advisers.
create or replace procedure bench_register_advisers()
language sql as $$
    insert into adviser (user_id, name, department, fte, caseload_kind, active_from, version, created_at, updated_at)
    select lower(d) || '.radgiver.' || lpad(n::text, 3, '0'), 'Rådgiver ' || d || ' ' || n, d, 1,
           case d when 'MYN' then 'CHILDREN_AND_FAMILY' else 'DISABILITY' end, date '2012-01-01', 0, now(), now()
    from unnest(array['MYN', 'CBA']) d cross join generate_series(0, 149) n
    on conflict (user_id) do nothing;
$$;
