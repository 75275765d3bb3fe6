-- Partners onboarded by operators. An invited partner user has no password until it accepts
-- its invitation: until then it signs in nowhere.
alter table partner_user add column password_set boolean default true not null;

-- One invitation per invited user, replaced by a new one while unused. Only the SHA-256 of the
-- one-time token is kept; the link is shown to the operator once.
create table partner_invitation (
  username varchar(100) primary key references partner_user (username),
  email varchar(254) not null,
  token_hash varchar(64) not null unique,
  invited_at timestamp(6) with time zone not null,
  expires_at timestamp(6) with time zone not null,
  accepted_at timestamp(6) with time zone
);

create index partner_user_partner on partner_user (partner_id);
