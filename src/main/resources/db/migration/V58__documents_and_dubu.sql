-- Issue 17: documents by reference (ESDH) and living beside DUBU.

-- The case's id in DUBU, the national case system: at most one case per DUBU case.
alter table child_case add column dubu_case_id varchar(40);
alter table child_case add constraint child_case_dubu_case_id_key unique (dubu_case_id);

-- The committee's decision may cite its document (the decision as journalised in ESDH).
alter table committee_decision
    add column document_system      varchar(50),
    add column document_case_number varchar(100),
    add column document_id          varchar(100),
    add column document_title       varchar(300),
    add column document_date        date;

-- The documents the committee material lists by reference (beside the free-text list it always had).
create table committee_material_document (
    id                    uuid primary key,
    material_id           uuid          not null references committee_material (id),
    case_id               uuid          not null references child_case (id),
    position              integer       not null,
    document_system       varchar(50)   not null,
    document_case_number  varchar(100)  not null,
    document_id           varchar(100)  not null,
    document_title        varchar(300),
    document_date         date,
    recorded_at           timestamptz   not null,
    unique (material_id, position)
);
create index committee_material_document_case_idx on committee_material_document (case_id);

-- The documents the handing adviser cites in the handover summary.
create table handover_document (
    id                    uuid primary key,
    handover_id           uuid          not null references handover (id),
    case_id               uuid          not null references child_case (id),
    position              integer       not null,
    document_system       varchar(50)   not null,
    document_case_number  varchar(100)  not null,
    document_id           varchar(100)  not null,
    document_title        varchar(300),
    document_date         date,
    recorded_at           timestamptz   not null,
    unique (handover_id, position)
);
create index handover_document_case_idx on handover_document (case_id);
