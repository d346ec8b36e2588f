-- Goals per measure (opgavemål, issue 16): the goals the provider works toward under a grant, kept as revisions: the
-- first set when the measure begins, a new revision when they are revised, usually at a follow-up (Barnets Lov § 95),
-- which the revision then names. The current goals are the highest revision; earlier ones stay readable.
create table grant_goal_revision (
    id            uuid          primary key,
    grant_id      uuid          not null references grant_award (id),
    case_id       uuid          not null references child_case (id),
    revision      integer       not null check (revision >= 1),
    goals         text[]        not null check (cardinality(goals) between 1 and 20),
    reason        text,
    follow_up_id  uuid          references casework_entry (id),
    revised_by    varchar(100)  not null,
    revised_at    timestamptz   not null,
    unique (grant_id, revision)
);
