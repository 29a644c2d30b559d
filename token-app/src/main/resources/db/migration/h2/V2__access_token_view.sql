-- The token read model in dev mode's H2. H2 has no partial indexes; dev-mode data is small.
create table access_token_view (
    token_id     uuid                        not null,
    owner_id     varchar(510)                not null,
    token_type   varchar(16)                 not null,
    name         varchar(510)                not null, -- H2 counts UTF-16 units: 255 code points fit in 510
    token_prefix varchar(12)                 not null,
    token_hash   varbinary(32)               not null,
    created_at   timestamp(3) with time zone not null,
    expires_at   timestamp(3) with time zone,
    last_used_at timestamp(3) with time zone,
    revoked_at   timestamp(3) with time zone,
    constraint access_token_view_pkey primary key (token_id),
    constraint access_token_view_hash_key unique (token_hash),
    constraint access_token_view_type_check check (token_type in ('SESSION', 'API_KEY'))
);
create index access_token_view_owner_idx on access_token_view (owner_id, created_at desc, token_id desc);
create index access_token_view_owner_type_idx
    on access_token_view (owner_id, token_type, created_at desc, token_id desc);
