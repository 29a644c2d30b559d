-- Axon's JDBC event storage engine (AxonConfiguration) leaves the global index to the database: the column takes the
-- increment-1 sequence's next value itself, in the insert's own statement (the JPA engine asked for it separately).
-- No stored event changes.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
