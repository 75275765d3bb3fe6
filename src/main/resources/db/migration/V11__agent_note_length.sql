-- An agent's note may be as long as the task form takes (4000 characters). A request's history
-- line carries it after a short prefix ("Closed: CANCEL_AT_TERM_END. "), and the partner's
-- notice and its mail carry it inside the template's text: at 1000 and 4000 characters these
-- columns refused the agent's completion of the task. SET DATA TYPE is understood by both H2
-- and PostgreSQL.
alter table service_request_event alter column note set data type varchar(4100);
alter table notification alter column body set data type varchar(8000);
alter table mail_outbox alter column body set data type varchar(8000);
