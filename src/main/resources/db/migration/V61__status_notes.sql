-- Status notes at an agreed cadence (issue 16): an internal provider (Familiehuset, UngeBasen) sends the adviser a
-- status note on a grant at the cadence agreed for it, instead of notifying ad hoc. The notes expected are derived
-- from the agreement (every N months from the grant's start, or N days before each follow-up of the grant); a note
-- received meets the earliest one still open. The note itself stays in ESDH: only its reference is kept.
create table status_note_agreement (
    grant_id      uuid          primary key references grant_award (id),
    case_id       uuid          not null references child_case (id),
    cadence       varchar(16)   not null check (cadence in ('EVERY_MONTHS', 'BEFORE_FOLLOW_UP')),
    every_months  integer       check (every_months between 1 and 24),
    days_before   integer       check (days_before between 1 and 90),
    agreed_by     varchar(100)  not null,
    agreed_at     timestamptz   not null,
    version       bigint        not null,
    constraint status_note_agreement_cadence check ((cadence = 'EVERY_MONTHS') = (every_months is not null)
                                                    and (cadence = 'BEFORE_FOLLOW_UP') = (days_before is not null))
);
create index status_note_agreement_case_idx on status_note_agreement (case_id);

create table status_note (
    id                    uuid          primary key,
    grant_id              uuid          not null references status_note_agreement (grant_id),
    case_id               uuid          not null references child_case (id),
    written_on            date          not null,
    received_at           timestamptz   not null,
    received_by           varchar(100)  not null,
    document_system       varchar(50)   not null,
    document_case_number  varchar(100)  not null,
    document_id           varchar(100)  not null,
    document_title        varchar(300),
    document_date         date
);
create index status_note_grant_idx on status_note (grant_id, received_at, id);
