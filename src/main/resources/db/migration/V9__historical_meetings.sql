-- Meetings held before the service took over (e.g. the first half of 2022) can be recorded with
-- their agendas and decisions, so the statistics cover them.
alter table committee_meeting add column historical boolean not null default false;
