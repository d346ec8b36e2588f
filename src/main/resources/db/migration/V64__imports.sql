-- Bulk imports of a municipality's open caseload (POST /imports, issue 17): each batch, dry run or real, with who sent it,
-- when, and its counts, so GET /imports/{id} answers its report later. A real run is written in transactions of a few
-- hundred lines; its counts grow with each committed one, and an import that stopped midway stays RUNNING or FAILED
-- (re-running the batch is safe: every line is idempotent by its DUBU case id).
create table imports (
    id           uuid          primary key,
    imported_by  varchar(200)  not null,
    imported_at  timestamptz   not null,
    dry_run      boolean       not null,
    outcome      varchar(16)   not null check (outcome in ('VALIDATED', 'REFUSED', 'RUNNING', 'COMPLETED', 'FAILED')),
    lines        integer       not null check (lines >= 0),
    valid        integer       not null check (valid >= 0),
    invalid      integer       not null check (invalid >= 0),
    created      integer       not null default 0 check (created >= 0),
    unchanged    integer       not null default 0 check (unchanged >= 0),
    finished_at  timestamptz
);
create index imports_newest_idx on imports (imported_at desc, id);

-- What was wrong with a line: its number (1-based), the field as a JSON path (e.g. grants[0].priceOre) and why.
-- Never the value itself (a CPR number stays out of the report).
create table import_problem (
    import_id  uuid           not null references imports (id) on delete cascade,
    seq        integer        not null,
    line       integer        not null check (line >= 1),
    field      varchar(300)   not null,
    message    varchar(1000)  not null,
    primary key (import_id, seq)
);

-- What became of each line of a real run: the case it created, or the case that already carried its DUBU id.
create table import_line (
    import_id     uuid         not null references imports (id) on delete cascade,
    line          integer      not null check (line >= 1),
    dubu_case_id  varchar(40)  not null,
    case_id       uuid         not null,
    outcome       varchar(16)  not null check (outcome in ('CREATED', 'UNCHANGED')),
    primary key (import_id, line)
);
