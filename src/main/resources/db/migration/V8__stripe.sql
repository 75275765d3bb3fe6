-- The Stripe provider: a customer per partner, the customer a saved card is kept for, the
-- time of the provider's last word on a card's details, and the provider events already taken
-- (a replayed event is recognised by its id).
alter table payment_method add column provider_customer varchar(100);
alter table payment_method add column details_as_of timestamp(6) with time zone;

create table stripe_customer (
  partner_id uuid primary key references partner (id),
  customer_id varchar(100) not null unique,
  created_at timestamp(6) with time zone not null
);

create table payment_provider_event (
  event_id varchar(100) primary key,
  provider varchar(20) not null,
  type varchar(100) not null,
  occurred_at timestamp(6) with time zone not null,
  received_at timestamp(6) with time zone not null,
  outcome varchar(200) not null
);
