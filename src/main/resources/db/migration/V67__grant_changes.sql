-- A grant changed from a date (issue 16) is kept as its parts: the earlier part keeps its terms and ends on the day of the
-- change, the new part carries the new price, tariff or scope from that day to the grant's end. Each part is a row of its
-- own, so every sum of money (the commitment account, the expensive cases, the settlement and its corrections) sees the
-- change by the one rounding rule per part without a change to any query, and the parts add up to the grant's whole.
-- part_of names the grant's first part, whose id is the grant's identity (its start, goals, status notes, follow-ups);
-- empty for that first part. A change above the approval amount is a PENDING part until ECONOMY decides; the earlier part
-- is cut only when it is approved.
alter table grant_award add column part_of uuid references grant_award (id);
alter table grant_award add column change_reason text;
alter table grant_award add constraint grant_award_part
    check ((part_of is null) = (change_reason is null) and (part_of is null or started_on is null));
create index grant_award_parts_idx on grant_award (part_of, valid_from) where part_of is not null;
