-- Payment responsibility per case as consecutive periods, every switch kept for the settlement,
-- and grants (bevillinger) with tariff, scope and period.

create table payment_period (
    id           uuid primary key,
    case_id      uuid        not null,
    department   varchar(3)  not null check (department in ('MYN', 'CBA')),
    valid_from   date        not null,
    valid_to     date,
    check (valid_to is null or valid_to > valid_from)
);
create unique index payment_period_case_from_idx on payment_period (case_id, valid_from);
create index payment_period_department_idx on payment_period (department, valid_from, valid_to);

create table payment_switch (
    id             uuid primary key,
    case_id        uuid          not null,
    department     varchar(3)    not null,
    effective_on   date          not null,
    reason         varchar(1000),
    recorded_by    varchar(100)  not null,
    recorded_at    timestamptz   not null
);
create index payment_switch_case_idx on payment_switch (case_id, recorded_at);

create table grant_award (
    id             uuid primary key,
    case_id        uuid           not null,
    service_type   varchar(30)    not null,
    legal_basis    varchar(60)    not null,
    provider       varchar(10)    not null check (provider in ('INTERNAL', 'EXTERNAL')),
    provider_name  varchar(200)   not null,
    price_ore      bigint         not null check (price_ore > 0),
    tariff_period  varchar(10)    not null,
    scope          numeric(12, 2) not null check (scope > 0),
    valid_from     date           not null,
    valid_to       date           not null,
    created_by     varchar(100)   not null,
    created_at     timestamptz    not null,
    version        bigint         not null,
    check (valid_to > valid_from)
);
create index grant_award_case_idx on grant_award (case_id);
create index grant_award_period_idx on grant_award (valid_from, valid_to);
