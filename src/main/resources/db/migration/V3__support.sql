-- Cancellation through Partner Center Support: service requests, their history, refunds.

create sequence service_request_number_seq start with 700001;

create table service_request (
  id uuid primary key,
  number varchar(40) not null unique,
  partner_id uuid not null references partner (id),
  problem_type varchar(60) not null,
  subscription_number varchar(40) not null,
  description varchar(4000) not null,
  contact_name varchar(200) not null,
  contact_email varchar(254) not null,
  contact_phone varchar(40) not null,
  contact_language varchar(16) not null,
  status varchar(30) not null,
  outcome varchar(30),
  refund varchar(20),
  refunded_amount numeric(12, 2),
  resolution_note varchar(4000),
  escalated_at timestamp(6) with time zone,
  created_at timestamp(6) with time zone not null,
  closed_at timestamp(6) with time zone,
  version bigint not null
);
create index service_request_partner on service_request (partner_id, status);

create table service_request_event (
  id uuid primary key,
  service_request_id uuid not null references service_request (id),
  status varchar(30) not null,
  note varchar(1000),
  at timestamp(6) with time zone not null
);
create index service_request_event_request on service_request_event (service_request_id, at);

alter table subscription add column cancelled_at timestamp(6) with time zone;

create table payment_refund (
  id uuid primary key,
  order_id uuid not null references purchase_order (id),
  idempotency_key varchar(200) not null unique,
  provider_refund_id varchar(100) not null,
  amount numeric(12, 2) not null,
  currency varchar(3) not null,
  created_at timestamp(6) with time zone not null
);

create table embedded_provider_refund (
  idempotency_key varchar(200) primary key,
  refund_id varchar(100) not null unique,
  charge_id varchar(100) not null,
  amount numeric(12, 2) not null,
  currency varchar(3) not null,
  created_at timestamp(6) with time zone not null
);

alter table notification add column service_request_number varchar(40);
