-- The budget each department has for a year (issue 16's forecast compares with it), inside the service frame (placements
-- and services for children) and outside it (lost earnings, necessary extra costs, special transport), as CBA's budget is
-- set. Entered by ECONOMY; each change keeps who and when, and the version for If-Match.
create table economy_budget (
    department                 varchar(3)   not null check (department in ('MYN', 'CBA')),
    year                       int          not null check (year between 2000 and 2100),
    service_frame_ore          bigint       not null check (service_frame_ore >= 0),
    outside_service_frame_ore  bigint       not null check (outside_service_frame_ore >= 0),
    note                       varchar(1000),
    set_by                     varchar(100) not null,
    set_at                     timestamptz  not null,
    version                    bigint       not null,
    primary key (department, year)
);
