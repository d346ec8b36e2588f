-- Placement planning (issue 16): an expected placement (anbringelse) is recorded early on a case, with its expected
-- start, the kind of place (Barnets Lov § 43), a first estimate of the annual cost and its urgency, so ECONOMY's forecast
-- sees it at once and the negotiations with providers (Tilbudsportalen) can start in time. Quotes are asked from
-- providers in the register; the one chosen, with both its professional and its economic reasons, becomes the grant.
-- An acute placement is granted at once, without quotes; quotes may still follow, and the one chosen then replaces the
-- acute grant from the contract's first day (the acute grant is ended that day).
create table placement (
    id                        uuid           primary key,
    case_id                   uuid           not null references child_case (id),
    kind                      varchar(30)    not null check (kind in ('FOSTER_FAMILY', 'NETWORK_FOSTER_FAMILY',
                                  'RESIDENTIAL_INSTITUTION', 'RESIDENTIAL_HOME', 'OWN_ROOM', 'BOARDING_SCHOOL', 'OTHER')),
    urgency                   varchar(10)    not null check (urgency in ('PLANNED', 'SEMI_ACUTE', 'ACUTE')),
    expected_start            date           not null,
    annual_estimate           numeric(14, 2) not null check (annual_estimate >= 0),
    reason                    text           not null check (length(btrim(reason)) > 0),
    -- the day the quotes are due (the process's timer); none for an acute placement
    quotes_due_on             date,
    -- when the process found the quotes' due day passed with none chosen
    quotes_overdue_at         timestamptz,
    status                    varchar(10)    not null check (status in ('EXPECTED', 'GRANTED', 'CANCELLED')),
    -- the grant the placement runs on now: the acute grant, or the chosen quote's
    grant_id                  uuid           references grant_award (id),
    -- the acute grant, kept when a chosen quote replaced it
    acute_grant_id            uuid           references grant_award (id),
    granted_at                timestamptz,
    granted_by                varchar(100),
    cancel_reason             text,
    cancelled_at              timestamptz,
    cancelled_by              varchar(100),
    created_at                timestamptz    not null,
    created_by                varchar(100)   not null,
    updated_at                timestamptz    not null,
    updated_by                varchar(100)   not null,
    version                   bigint         not null,
    constraint placement_quotes_due check ((urgency = 'ACUTE') = (quotes_due_on is null)),
    constraint placement_granted check ((status = 'GRANTED') = (grant_id is not null)
                                        and (grant_id is null) = (granted_at is null) and (grant_id is null) = (granted_by is null)),
    constraint placement_cancelled check ((status = 'CANCELLED') = (cancelled_at is not null)
                                          and (cancelled_at is null) = (cancel_reason is null)
                                          and (cancelled_at is null) = (cancelled_by is null))
);
create index placement_case_idx on placement (case_id, created_at);
-- the forecast reads the open ones
create index placement_open_idx on placement (expected_start) where status = 'EXPECTED';

create table placement_quote (
    id                           uuid           primary key,
    placement_id                 uuid           not null references placement (id),
    provider_id                  uuid           not null references provider (id),
    status                       varchar(14)    not null check (status in ('REQUESTED', 'RECEIVED', 'IN_NEGOTIATION', 'DECLINED',
                                     'CHOSEN')),
    -- the answer: a price per unit per tariff period in øre, as grants take it
    price_ore                    bigint         check (price_ore > 0),
    tariff_period                varchar(10)    check (tariff_period in ('DAY', 'WEEK', 'MONTH', 'YEAR')),
    terms                        text,
    valid_until                  date,
    note                         text,
    requested_at                 timestamptz    not null,
    requested_by                 varchar(100)   not null,
    answered_at                  timestamptz,
    updated_at                   timestamptz    not null,
    updated_by                   varchar(100)   not null,
    professional_justification   text,
    economic_justification       text,
    chosen_at                    timestamptz,
    chosen_by                    varchar(100),
    grant_id                     uuid           references grant_award (id),
    constraint placement_quote_answer check ((price_ore is null) = (tariff_period is null)
                                             and (price_ore is null) = (valid_until is null)
                                             and (status in ('REQUESTED', 'DECLINED') or price_ore is not null)),
    constraint placement_quote_chosen check ((status = 'CHOSEN') = (chosen_at is not null)
                                             and (chosen_at is null) = (grant_id is null)
                                             and (chosen_at is null) = (professional_justification is null)
                                             and (chosen_at is null) = (economic_justification is null)
                                             and (chosen_at is null) = (chosen_by is null))
);
create unique index placement_quote_provider_idx on placement_quote (placement_id, provider_id);
