-- Issue 14: two index entries fewer on every create. A listing of every type is now one range scan per type of the
-- (owner_id, token_type, ...) indexes, merged (TokenQueries.range; PostgreSQL plans a Merge Append of two scans
-- bounded by the page size), so no query needs an index on the owner alone. EXPLAIN of each listing before and
-- after: bench/RESULTS.md.
drop index access_token_view_owner_idx;
drop index access_token_view_owner_unrevoked_idx;
