-- Lineage revocation: the keys a token issued (H2 has no partial indexes; dev-mode data is small).
create index access_token_view_issued_by_idx on access_token_view (issued_by_token_id);
