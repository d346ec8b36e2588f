-- The visitation: target-group assessments, quick screenings, committee meetings, agendas,
-- attendance, decisions and the material MYN prepares.

create table target_group_assessment (
    id                          uuid primary key,
    case_id                     uuid         not null,
    impairment                  varchar(30)  not null,
    disability_is_main_problem  boolean      not null,
    other_social_problems_weigh_heavier boolean not null,
    disability_specific_offers_requested boolean not null,
    known_diagnosis_from_bup_or_hospital boolean not null,
    placement_of_child_of_mentally_ill_parents boolean not null,
    child_of_pregnant_woman_with_concern boolean not null,
    sibling_need_only_from_disabled_sibling boolean not null,
    child_of_severely_intellectually_disabled_parents boolean not null,
    notes                       varchar(4000),
    recommendation              varchar(20)  not null,
    rule                        varchar(60)  not null,
    rule_reason                 varchar(1000) not null,
    decision_version            int          not null,
    assessed_by                 varchar(100) not null,
    assessed_at                 timestamptz  not null,
    outcome                     varchar(20),
    disagreement_reason         varchar(2000),
    concluded_by                varchar(100),
    concluded_at                timestamptz,
    version                     bigint       not null
);
create unique index target_group_assessment_draft_idx on target_group_assessment (case_id) where outcome is null;
create index target_group_assessment_case_idx on target_group_assessment (case_id, assessed_at);

create table quick_screening (
    id             uuid primary key,
    case_id        uuid          not null unique,
    assessment_id  uuid          not null references target_group_assessment (id),
    justification  varchar(2000) not null,
    registered_by  varchar(100)  not null,
    registered_at  timestamptz   not null
);

create table committee_material (
    id                     uuid primary key,
    case_id                uuid          not null,
    functional_impairment  boolean       not null,
    family_situation       boolean       not null,
    current_support        boolean       not null,
    documents              jsonb         not null,
    summary                varchar(4000),
    prepared_by            varchar(100)  not null,
    prepared_at            timestamptz   not null
);
create index committee_material_case_idx on committee_material (case_id, prepared_at);

create table committee_meeting (
    id                 uuid primary key,
    starts_at          timestamptz  not null unique,
    material_deadline  timestamptz  not null,
    status             varchar(10)  not null,
    extraordinary      boolean      not null,
    created_at         timestamptz  not null,
    version            bigint       not null
);
create index committee_meeting_status_idx on committee_meeting (status, starts_at);

create table agenda_item (
    id           uuid primary key,
    meeting_id   uuid         not null references committee_meeting (id),
    case_id      uuid         not null,
    status       varchar(10)  not null,
    added_by     varchar(100) not null,
    added_at     timestamptz  not null,
    rolled_from  uuid references agenda_item (id),
    version      bigint       not null
);
create unique index agenda_item_case_idx on agenda_item (meeting_id, case_id) where status <> 'REMOVED';
create index agenda_item_case_status_idx on agenda_item (case_id, status);

create table meeting_attendance (
    meeting_id  uuid         not null references committee_meeting (id),
    member      varchar(100) not null,
    department  varchar(3)   not null check (department in ('MYN', 'CBA')),
    primary key (meeting_id, member)
);

create table committee_decision (
    id                       uuid primary key,
    agenda_item_id           uuid          not null unique references agenda_item (id),
    meeting_id               uuid          not null references committee_meeting (id),
    case_id                  uuid          not null,
    outcome                  varchar(10)   not null check (outcome in ('CBA', 'MYN', 'SHARED', 'PENDING')),
    lead_department          varchar(3),
    contributing_department  varchar(3),
    justification            varchar(4000) not null,
    missing_information      varchar(2000),
    decided_by               varchar(1000) not null,
    recorded_by              varchar(100)  not null,
    decided_at               timestamptz   not null
);
create index committee_decision_case_idx on committee_decision (case_id, decided_at);
create index committee_decision_decided_at_idx on committee_decision (decided_at);
