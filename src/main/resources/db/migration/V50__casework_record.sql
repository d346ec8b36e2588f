-- The casework record (issue 13): the dated facts the law counts — notifications and their assessment and receipt,
-- child-welfare investigations, child conversations, the child's plan, follow-up on measures, aktindsigt — each with
-- who recorded it and an optional reference to the document in the ESDH system (never the document itself).
-- Deadlines and the quality radar are derived from these rows; nothing about them is typed in.
create table casework_entry (
    id                    uuid primary key,
    case_id               uuid          not null references child_case (id),
    kind                  varchar(40)   not null check (kind in (
                              'NOTIFICATION', 'NOTIFICATION_ASSESSED', 'RECEIPT_SENT',
                              'INVESTIGATION_STARTED', 'INVESTIGATION_CONCLUDED', 'PROVISIONAL_ASSESSMENT', 'INVESTIGATION_NOT_RELEVANT',
                              'CHILD_CONVERSATION_HELD', 'CHILD_CONVERSATION_NOT_HELD',
                              'CHILD_PLAN_MADE', 'CHILD_PLAN_REVISED',
                              'FOLLOW_UP',
                              'AKTINDSIGT_REQUESTED', 'AKTINDSIGT_ANSWERED', 'AKTINDSIGT_NOTICE')),
    occurred_at           timestamptz   not null,
    notifier_kind         varchar(20)   check (notifier_kind in ('PROFESSIONAL', 'PRIVATE', 'ANONYMOUS')),
    urgent                boolean,
    refers_to             uuid          references casework_entry (id),
    grant_id              uuid,
    reason                text,
    document_system       varchar(50),
    document_case_number  varchar(100),
    document_id           varchar(100),
    document_title        varchar(300),
    document_date         date,
    recorded_by           varchar(100)  not null,
    recorded_at           timestamptz   not null,
    version               bigint        not null default 0,
    constraint casework_notification_facts check ((kind = 'NOTIFICATION') = (notifier_kind is not null and urgent is not null)),
    constraint casework_reason_given check (kind not in ('INVESTIGATION_NOT_RELEVANT', 'CHILD_CONVERSATION_NOT_HELD',
                                                         'PROVISIONAL_ASSESSMENT', 'AKTINDSIGT_NOTICE') or reason is not null),
    constraint casework_follow_up_on_a_grant check ((kind = 'FOLLOW_UP') = (grant_id is not null)),
    constraint casework_refers check ((kind in ('NOTIFICATION_ASSESSED', 'RECEIPT_SENT', 'INVESTIGATION_CONCLUDED',
                                                'PROVISIONAL_ASSESSMENT', 'AKTINDSIGT_ANSWERED', 'AKTINDSIGT_NOTICE'))
                                      = (refers_to is not null)),
    constraint casework_document_whole check ((document_system is null) = (document_id is null)
                                              and (document_system is null) = (document_case_number is null))
);
create index casework_entry_case_idx on casework_entry (case_id, occurred_at);
create index casework_entry_refers_idx on casework_entry (refers_to) where refers_to is not null;
