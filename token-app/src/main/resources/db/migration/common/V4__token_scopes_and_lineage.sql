-- Least privilege (AccessTokenIssued revision 2): each token's scopes, stored as their names in order separated by
-- single spaces, and who issued it ('token' with its id, 'admin', or 'unknown'). Tokens issued before this get the
-- frozen literals that AccessTokenIssuedUpcaster gives their events, whatever today's VAI_SCOPES says.
alter table access_token_view add column scopes varchar(65535);
alter table access_token_view add column issued_by_kind varchar(16);
alter table access_token_view add column issued_by_token_id uuid;
update access_token_view
   set scopes = case token_type when 'SESSION' then 'api tokens:read tokens:write' else 'api tokens:read' end,
       issued_by_kind = 'unknown';
alter table access_token_view alter column scopes set not null;
alter table access_token_view alter column issued_by_kind set not null;
alter table access_token_view add constraint access_token_view_issued_by_check
    check ((issued_by_kind = 'token') = (issued_by_token_id is not null)
       and issued_by_kind in ('token', 'admin', 'unknown'));
