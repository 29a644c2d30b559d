-- The token read model (token-projections): one row per token, written in the same transaction as its events.
create table access_token_view (
    token_id     uuid                        not null,
    owner_id     varchar(255)                not null,
    token_type   varchar(16)                 not null,
    name         varchar(255)                not null, -- PostgreSQL counts code points, as the API's rule does
    token_prefix varchar(12)                 not null,
    token_hash   bytea                       not null,
    created_at   timestamp(3) with time zone not null,
    expires_at   timestamp(3) with time zone,
    last_used_at timestamp(3) with time zone,
    revoked_at   timestamp(3) with time zone,
    constraint access_token_view_pkey primary key (token_id),
    -- Authentication: one lookup by hash.
    constraint access_token_view_hash_key unique (token_hash),
    constraint access_token_view_type_check check (token_type in ('SESSION', 'API_KEY'))
);

-- Listing and revoke-all: each query is one range scan of the index that matches its filter, in the listing's
-- order (created_at, token_id descending), so page 1000 costs what page 1 costs. The partial indexes serve the
-- default listing (revoked tokens hidden) and revoke-all without stepping over revoked rows.
create index access_token_view_owner_idx
    on access_token_view (owner_id, created_at desc, token_id desc);
create index access_token_view_owner_unrevoked_idx
    on access_token_view (owner_id, created_at desc, token_id desc) where revoked_at is null;
create index access_token_view_owner_type_idx
    on access_token_view (owner_id, token_type, created_at desc, token_id desc);
create index access_token_view_owner_type_unrevoked_idx
    on access_token_view (owner_id, token_type, created_at desc, token_id desc) where revoked_at is null;
