-- Partner API keys: a random secret shown once; only its SHA-256 is kept.
create table partner_api_key (
  id uuid primary key,
  username varchar(100) not null references partner_user (username),
  name varchar(100) not null,
  secret_hash varchar(64) not null,
  created_at timestamp(6) with time zone not null,
  revoked_at timestamp(6) with time zone
);
create index partner_api_key_user on partner_api_key (username);
