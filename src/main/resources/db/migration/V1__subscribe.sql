-- Application tables of the subscribe capability. Camunda creates and owns its ACT_* tables.
-- Portable between H2 and PostgreSQL.

create table partner (
  id uuid primary key,
  name varchar(200) not null,
  network_member boolean not null,
  locale varchar(16) not null,
  email varchar(254) not null,
  created_at timestamp(6) with time zone not null
);

create table partner_user (
  username varchar(100) primary key,
  password_hash varchar(200) not null,
  partner_id uuid not null references partner (id)
);

create table offer (
  code varchar(40) primary key,
  name varchar(200) not null,
  annual_price numeric(12, 2) not null,
  currency varchar(3) not null,
  terms_version varchar(40) not null,
  active boolean not null
);

create table offer_benefit (
  offer_code varchar(40) not null references offer (code),
  sort_order integer not null,
  code varchar(60) not null,
  description varchar(300) not null,
  quantity integer,
  period varchar(20),
  primary key (offer_code, sort_order)
);

-- Never a card number or CVC here (R6): the provider's token, brand, last four, expiry.
create table payment_method (
  id uuid primary key,
  partner_id uuid not null references partner (id),
  provider_token varchar(100) not null,
  brand varchar(20) not null,
  last_four varchar(4) not null,
  expiry_month integer not null,
  expiry_year integer not null,
  created_at timestamp(6) with time zone not null
);
create index payment_method_partner on payment_method (partner_id);

create sequence order_number_seq start with 100001;
create sequence subscription_number_seq start with 500001;

create table purchase_order (
  id uuid primary key,
  number varchar(40) not null unique,
  partner_id uuid not null references partner (id),
  offer_code varchar(40) not null references offer (code),
  amount numeric(12, 2) not null,
  currency varchar(3) not null,
  payment_method_id uuid not null references payment_method (id),
  terms_version varchar(40) not null,
  terms_accepted_at timestamp(6) with time zone not null,
  subscription_number varchar(40) not null,
  charge_key varchar(200) not null unique,
  request_key varchar(200),
  request_fingerprint varchar(64) not null,
  status varchar(20) not null,
  charge_id varchar(100),
  decline_code varchar(40),
  created_at timestamp(6) with time zone not null,
  completed_at timestamp(6) with time zone,
  constraint purchase_order_request_key unique (partner_id, request_key)
);
create index purchase_order_partner on purchase_order (partner_id, status);

create table subscription (
  id uuid primary key,
  number varchar(40) not null unique,
  partner_id uuid not null references partner (id),
  -- the partner's id while the subscription is live, else null: R2 as a unique constraint
  live_partner_id uuid unique,
  offer_code varchar(40) not null references offer (code),
  status varchar(20) not null,
  anchor timestamp(6) with time zone not null,
  term_number integer not null,
  term_start timestamp(6) with time zone not null,
  term_end timestamp(6) with time zone not null,
  auto_renewal boolean not null,
  payment_method_id uuid not null references payment_method (id),
  created_at timestamp(6) with time zone not null,
  version bigint not null
);
create index subscription_partner on subscription (partner_id);

create table payment_charge (
  id uuid primary key,
  order_id uuid not null references purchase_order (id),
  idempotency_key varchar(200) not null unique,
  provider_charge_id varchar(100) not null,
  amount numeric(12, 2) not null,
  currency varchar(3) not null,
  approved boolean not null,
  decline_code varchar(40),
  created_at timestamp(6) with time zone not null
);

create table notification (
  id uuid primary key,
  partner_id uuid not null references partner (id),
  kind varchar(40) not null,
  locale varchar(16) not null,
  subject varchar(255) not null,
  body varchar(4000) not null,
  reference varchar(40) not null,
  created_at timestamp(6) with time zone not null
);
create index notification_partner on notification (partner_id, created_at);

-- The embedded payment provider's own records (stands in for a remote provider).
create table embedded_provider_card (
  token varchar(100) primary key,
  behaviour varchar(40) not null,
  created_at timestamp(6) with time zone not null
);

create table embedded_provider_charge (
  idempotency_key varchar(200) primary key,
  charge_id varchar(100) not null unique,
  card_token varchar(100) not null,
  amount numeric(12, 2) not null,
  currency varchar(3) not null,
  approved boolean not null,
  decline_code varchar(40),
  created_at timestamp(6) with time zone not null
);

-- The catalog (reference data, every profile).
insert into offer (code, name, annual_price, currency, terms_version, active)
values ('ACTION_PACK', 'Microsoft Action Pack', 475.00, 'USD', 'MPN-IUR-2017-07', true);

insert into offer_benefit (offer_code, sort_order, code, description, quantity, period) values
  ('ACTION_PACK', 0, 'DEVELOPER_TOOLS', 'Developer tools to build apps for iOS, Android, Linux and Windows', null, 'TERM'),
  ('ACTION_PACK', 1, 'WINDOWS_ENTERPRISE', 'Windows 10 Enterprise (upgrade) licenses', 10, 'TERM'),
  ('ACTION_PACK', 2, 'VISUAL_STUDIO_PROFESSIONAL', 'Visual Studio Professional licenses', 3, 'TERM'),
  ('ACTION_PACK', 3, 'VSTS_ACCOUNT', 'Visual Studio Team Services account at no cost', 1, 'TERM'),
  ('ACTION_PACK', 4, 'OFFICE_365_E3', 'Office 365 (E3) seats', 10, 'TERM'),
  ('ACTION_PACK', 5, 'ENTERPRISE_MOBILITY_SUITE', 'Enterprise Mobility Suite seats', 5, 'TERM'),
  ('ACTION_PACK', 6, 'DYNAMICS_CRM_ONLINE', 'Microsoft Dynamics CRM Online Professional seats', 5, 'TERM'),
  ('ACTION_PACK', 7, 'AZURE_CREDIT', 'Microsoft Azure credit in US dollars', 100, 'MONTHLY');
