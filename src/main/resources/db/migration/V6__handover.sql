-- Handover between the departments: the open work that must be finished first (applications,
-- child-welfare investigations, other blocking items) and the handover with its summary and receipt.

create table case_work_item (
    id           uuid primary key,
    case_id      uuid          not null,
    kind         varchar(20)   not null check (kind in ('APPLICATION', 'INVESTIGATION', 'OTHER')),
    description  varchar(1000) not null,
    blocking     boolean       not null,
    status       varchar(10)   not null check (status in ('OPEN', 'CLOSED')),
    opened_on    date          not null,
    closed_on    date,
    created_by   varchar(100)  not null,
    closed_by    varchar(100),
    version      bigint        not null
);
create index case_work_item_case_idx on case_work_item (case_id, status);

create table handover (
    id                     uuid primary key,
    case_id                uuid          not null,
    from_department        varchar(3)    not null,
    to_department          varchar(3)    not null,
    status                 varchar(12)   not null,
    reason                 varchar(1000) not null,
    requested_by           varchar(100)  not null,
    requested_at           timestamptz   not null,
    last_investigation_on  date,
    last_meeting_on        date,
    active_grants          jsonb,
    agreements             varchar(4000),
    free_text              varchar(4000),
    summary_by             varchar(100),
    summary_at             timestamptz,
    receiving_adviser      varchar(100),
    effective_date         date,
    received_by            varchar(100),
    received_at            timestamptz,
    version                bigint        not null
);
create unique index handover_open_idx on handover (case_id) where status <> 'COMPLETED';
