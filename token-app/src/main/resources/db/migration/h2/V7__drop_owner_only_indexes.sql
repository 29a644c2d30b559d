-- As on PostgreSQL: a listing of every type merges one range of access_token_view_owner_type_idx per type.
drop index access_token_view_owner_idx;
