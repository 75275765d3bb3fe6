-- A request's history says what happened at each step (kind), so a page words it in its reader's
-- language, and keeps what an agent wrote at a step (agent_note) apart from the service's own
-- English line (note, the API's). Steps written before are read from their English line.
alter table service_request_event add column kind varchar(30);
alter table service_request_event add column agent_note varchar(4000);

update service_request_event set kind = case
  when status = 'OPEN' and note = 'Returned to the support queue' then 'RETURNED_TO_QUEUE'
  when status = 'OPEN' then 'RECEIVED'
  when status = 'IN_PROGRESS' then 'AGENT_WORKING'
  when status = 'ATTENTION_NEEDED' then 'WAITING_ON_PARTNER'
  else 'CLOSED' end;

update service_request_event set agent_note = note
  where status = 'ATTENTION_NEEDED' and note <> 'Support is waiting for your answer';

update service_request_event set agent_note = (select nullif(r.resolution_note, '')
    from service_request r
    where r.id = service_request_event.service_request_id)
  where status = 'CLOSED';

alter table service_request_event alter column kind set not null;
