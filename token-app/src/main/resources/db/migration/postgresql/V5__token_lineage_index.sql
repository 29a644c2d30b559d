-- Lineage revocation: the unrevoked keys a token issued, found by one index range scan per level of the tree.
create index access_token_view_issued_by_idx
    on access_token_view (issued_by_token_id) where revoked_at is null and issued_by_token_id is not null;
