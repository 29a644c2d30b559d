-- Issue 14: each owner's unrevoked API keys, expired ones included (ApiKeyCounts, kept by the token-view projection
-- in the events' transaction). The limit check reads this one row and counts the owner's keys only when it reaches
-- VAI_MAX_ACTIVE_KEYS_PER_OWNER. Filled here from the read model; no stored event changes.
create table api_key_counts (
    owner_id  varchar(255) not null,
    unrevoked integer      not null,
    constraint api_key_counts_pkey primary key (owner_id)
);
insert into api_key_counts (owner_id, unrevoked)
select owner_id, count(*) from access_token_view
 where token_type = 'API_KEY' and revoked_at is null
 group by owner_id;
