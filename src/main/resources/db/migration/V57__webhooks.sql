-- Webhooks (issue 17): other municipal systems subscribe to integration events and get them POSTed, signed as
-- Standard Webhooks, the body a CloudEvent. Fed from the same transactional record as the feed (integration_event).

create table webhook_subscription (
    id                   uuid        primary key,
    url                  text        not null check (url ~ '^https?://[^/?#]+' and length(url) <= 2000),
    event_types          text[]      not null check (cardinality(event_types) > 0),
    -- the signing secret, 'whsec_' + base64 (Standard Webhooks); shown once, on creation
    secret               text        not null check (secret ~ '^whsec_[A-Za-z0-9+/]+={0,2}$'),
    status               text        not null check (status in ('ACTIVE', 'PAUSED')),
    -- failed attempts in a row over all its deliveries; a success sets it to 0, too many pause the subscription
    consecutive_failures integer     not null default 0 check (consecutive_failures >= 0),
    -- a failing receiver is tried again no earlier than this (the subscription's own backoff), so a dead one costs
    -- one attempt per backoff step, not one per waiting delivery
    retry_at             timestamptz,
    paused_at            timestamptz,
    created_by           text        not null,
    created_at           timestamptz not null,
    version              bigint      not null default 0,
    check ((status = 'PAUSED') = (paused_at is not null))
);

-- One row per event and subscription, written in the event's own transaction (see WebhookFanOut): a committed event
-- always has its deliveries, and a subscription sees the events published after it was created.
create table webhook_delivery (
    id               uuid        primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    event_seq        bigint      not null references integration_event (seq),
    event_id         uuid        not null,
    event_type       text        not null,
    case_id          uuid,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    -- attempts since the delivery was (re)started: creation, a resume of its subscription, a redelivery
    attempts         integer     not null default 0 check (attempts >= 0),
    created_at       timestamptz not null,
    -- the retry period runs from the first attempt (null: not tried yet)
    first_attempt_at timestamptz,
    next_attempt_at  timestamptz,
    -- taken by a dispatcher until then (the HTTP call runs outside any transaction); expired: taken again
    claimed_until    timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer     check (last_status_code between 100 and 599),
    last_error       text        check (length(last_error) <= 500),
    delivered_at     timestamptz,
    unique (subscription_id, event_seq),
    check ((status = 'PENDING') = (next_attempt_at is not null)),
    check (status <> 'DELIVERED' or delivered_at is not null)
);
-- the dispatcher's probe: due deliveries in event order
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at, event_seq) where status = 'PENDING';
-- in order per case: is an earlier delivery of the case to this subscription still undelivered?
create index webhook_delivery_case_idx on webhook_delivery (subscription_id, case_id, event_seq) where status = 'PENDING';
-- the delivery log, newest first
create index webhook_delivery_log_idx on webhook_delivery (subscription_id, event_seq desc);
-- the fan-out: subscriptions of a type
create index webhook_subscription_types_idx on webhook_subscription using gin (event_types);
