-- Events for other municipal systems, written in the transaction of the change and read as a feed
-- in order. Ids and facts only; no CPR numbers or names.
create table integration_event (
    seq          bigserial primary key,
    id           uuid         not null unique,
    type         varchar(50)  not null,
    case_id      uuid,
    occurred_at  timestamptz  not null,
    payload      jsonb        not null
);
create index integration_event_case_idx on integration_event (case_id, seq);
