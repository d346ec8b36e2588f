-- Providers (issue 16): the register of the providers a grant names (Familiehuset, UngeBasen, an external
-- opholdssted), instead of free text. External providers carry their offer id on Tilbudsportalen, the national
-- register of social offers. A grant made before the register keeps its free-text name (grant_award.provider_name).
create table provider (
    id                  uuid          primary key,
    name                varchar(200)  not null check (length(btrim(name)) > 0),
    kind                varchar(8)    not null check (kind in ('INTERNAL', 'EXTERNAL')),
    tilbudsportalen_id  varchar(10)   check (tilbudsportalen_id ~ '^[0-9]{1,10}$'),
    contact_name        varchar(200),
    contact_email       varchar(254),
    contact_phone       varchar(20),
    active              boolean       not null,
    version             bigint        not null,
    created_at          timestamptz   not null,
    created_by          varchar(100)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(100)  not null,
    -- an external offer is found on Tilbudsportalen by its id; an internal one may be listed there too
    constraint provider_external_offer check (kind = 'INTERNAL' or tilbudsportalen_id is not null)
);
create unique index provider_tilbudsportalen_idx on provider (tilbudsportalen_id) where tilbudsportalen_id is not null;
create index provider_name_idx on provider (lower(name), id);

-- The services a provider offers, as the grant's service types.
create table provider_service (
    provider_id   uuid         not null references provider (id) on delete cascade,
    service_type  varchar(30)  not null check (service_type in ('PLACEMENT', 'RESPITE_CARE', 'SUPPORTIVE_MEASURES',
                                 'NECESSARY_EXTRA_COSTS', 'LOST_EARNINGS', 'SPECIAL_TRANSPORT', 'HOME_TRAINING')),
    primary key (provider_id, service_type)
);
create index provider_service_type_idx on provider_service (service_type, provider_id);

-- A grant names its provider from the register; provider (kind) and provider_name are copied from it when the grant
-- is made, so a later rename in the register does not rewrite what was granted.
alter table grant_award add column provider_id uuid references provider (id);
create index grant_award_provider_idx on grant_award (provider_id) where provider_id is not null;
