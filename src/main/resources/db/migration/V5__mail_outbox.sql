-- Mail waiting to go out. A notification is in the partner's inbox (table notification) the
-- moment its event commits; its mail is a row here, written in the same transaction and sent
-- by MailOutbox with retries, so a mail server outage delays mail and nothing else.
create table mail_outbox (
  id uuid primary key,
  notification_id uuid references notification (id),
  recipient varchar(254) not null,
  subject varchar(255) not null,
  body varchar(4000) not null,
  locale varchar(16) not null,
  -- the step that wrote it: unique, and the seed of the mail's Message-ID
  message_key varchar(300) not null unique,
  status varchar(16) not null,
  attempts integer not null,
  next_attempt_at timestamp(6) with time zone not null,
  claimed_until timestamp(6) with time zone,
  claimed_by varchar(200),
  last_error varchar(500),
  created_at timestamp(6) with time zone not null,
  sent_at timestamp(6) with time zone
);
create index mail_outbox_due on mail_outbox (status, next_attempt_at);

