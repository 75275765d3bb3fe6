-- A term's benefits (licenses, seats, tools: all but the monthly Azure credit) were one row each,
-- eight rows written at every activation; now one row, TERM_BENEFITS, stands for them all and
-- the list shows the offer's benefits. Per subscription and grant moment, the row with the
-- lowest id becomes that one row, the others go.
update benefit_grant
   set code = 'TERM_BENEFITS', description = 'The offer''s benefits for the term', quantity = null
 where code <> 'AZURE_CREDIT'
   and cast(id as varchar(36)) in (
     select min(cast(id as varchar(36))) from benefit_grant
      where code <> 'AZURE_CREDIT'
      group by subscription_id, due_at);
delete from benefit_grant where code not in ('AZURE_CREDIT', 'TERM_BENEFITS');
