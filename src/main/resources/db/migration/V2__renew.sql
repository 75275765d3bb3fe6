-- The renew capability: renewal orders, anchored term numbering, expiry, benefits.

-- Orders are purchases, manual renewals (same steps as a purchase) or automatic renewals and
-- their dunning retries (no terms step, no client request).
alter table purchase_order add column kind varchar(20) default 'PURCHASE' not null;
alter table purchase_order alter column terms_version drop not null;
alter table purchase_order alter column terms_accepted_at drop not null;
alter table purchase_order alter column request_fingerprint drop not null;
create index purchase_order_subscription on purchase_order (subscription_number);

-- term_number counts every term of the subscription's life (charge keys use it); the anchor was
-- set at anchor_term_number, so term n ends (n - anchor_term_number + 1) years after the anchor.
alter table subscription add column anchor_term_number integer default 1 not null;
alter table subscription add column expired_at timestamp(6) with time zone;

create table benefit_grant (
  id uuid primary key,
  subscription_id uuid not null references subscription (id),
  code varchar(60) not null,
  description varchar(300) not null,
  quantity integer,
  -- for the monthly Azure credit: the month's due instant; for the other benefits: the grant
  due_at timestamp(6) with time zone not null,
  granted_at timestamp(6) with time zone not null,
  revoked_at timestamp(6) with time zone,
  constraint benefit_grant_once unique (subscription_id, code, due_at)
);
create index benefit_grant_subscription on benefit_grant (subscription_id, revoked_at);

-- A notification's send step, so a retried job neither stores nor mails it twice.
alter table notification add column dedupe_key varchar(200);
alter table notification add constraint notification_dedupe_key unique (dedupe_key);
alter table notification add column email_to varchar(254);
alter table notification add column emailed_at timestamp(6) with time zone;
