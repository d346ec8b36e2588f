-- The economy track: every committee decision and handover gets an economy review by ECONOMY.
create table economy_review (
    id                uuid primary key,
    case_id           uuid          not null,
    trigger           varchar(30)   not null,
    reference_id      uuid          not null unique,
    status            varchar(10)   not null check (status in ('OPEN', 'DONE')),
    cost_consequence  varchar(4000),
    annual_cost_ore   bigint,
    reviewed_by       varchar(100),
    reviewed_at       timestamptz,
    created_at        timestamptz   not null
);
create index economy_review_case_idx on economy_review (case_id, created_at);
