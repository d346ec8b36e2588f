-- The foundation: children, their cases with status history, idempotency keys, the outbox
-- to the engine and the ledger that keeps job workers idempotent.

-- A child's CPR number is stored here and nowhere else.
create table child (
    id          uuid primary key,
    cpr         char(10)     not null,
    name        varchar(200) not null,
    created_at  timestamptz  not null,
    constraint child_cpr_unique unique (cpr)
);

create table child_case (
    id                    uuid primary key,
    child_id              uuid          not null references child (id),
    source                varchar(30)   not null,
    received_at           timestamptz   not null,
    description           varchar(4000) not null,
    department            varchar(3)    not null check (department in ('MYN', 'CBA')),
    status                varchar(40)   not null,
    adviser               varchar(100),
    process_instance_key  bigint,
    version               bigint        not null,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null
);
create index child_case_child_idx on child_case (child_id);
create index child_case_department_status_idx on child_case (department, status, received_at desc);
create index child_case_received_idx on child_case (received_at desc);
create index child_case_adviser_idx on child_case (adviser) where adviser is not null;

create table case_status_change (
    id          bigserial primary key,
    case_id     uuid        not null references child_case (id),
    status      varchar(40) not null,
    department  varchar(3)  not null,
    changed_at  timestamptz not null,
    changed_by  varchar(100) not null,
    reason      varchar(1000)
);
create index case_status_change_case_idx on case_status_change (case_id, changed_at);

create table idempotency_key (
    scope            varchar(50)  not null,
    idempotency_key  varchar(200) not null,
    request_hash     char(64)     not null,
    resource_id      uuid         not null,
    created_at       timestamptz  not null,
    primary key (scope, idempotency_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);

create table outbox_command (
    id               uuid primary key,
    kind             varchar(20)  not null,
    message_name     varchar(100),
    correlation_key  varchar(100),
    message_id       varchar(200),
    job_key          bigint,
    error_code       varchar(100),
    variables        jsonb        not null,
    status           varchar(10)  not null,
    attempts         int          not null,
    next_attempt_at  timestamptz  not null,
    last_error       varchar(2000),
    created_at       timestamptz  not null,
    published_at     timestamptz
);
create index outbox_command_due_idx on outbox_command (next_attempt_at) where status = 'PENDING';

create table job_effect (
    effect_key  varchar(200) primary key,
    job_key     bigint       not null,
    done_at     timestamptz  not null
);
