-- The audit trail holds every change of a case's record (issue 11, item 13): a re-recorded assessment keeps
-- each version's facts, notes included (up to 4000 characters), in the entry's old and new value.
alter table case_audit alter column old_value type text;
alter table case_audit alter column new_value type text;
alter table case_audit alter column action type varchar(40);
-- reasons carry a committee's justification (up to 4000 characters) or an adviser's disagreement (2000)
alter table case_audit alter column reason type text;
