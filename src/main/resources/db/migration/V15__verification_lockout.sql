-- Verification lock-outs counted across all app nodes (issue 13), as the login throttle's rate_limit is: a client
-- (its address, as the look-up log has it) with its lock-out, and the times of its recent unknown look-ups. No
-- registration number is stored. Rows older than the window and the lock-out are deleted by a scheduled cleanup
-- (certificate/LookupLimiter). Portable SQL: PostgreSQL and H2.

create table verification_client (
    client        varchar(100) primary key,
    locked_until  timestamp,
    updated_at    timestamp    not null
);
create index ix_verification_client_updated on verification_client (updated_at);

create table verification_failure (
    client     varchar(100) not null,
    failed_at  timestamp    not null
);
create index ix_verification_failure_client on verification_failure (client, failed_at);
create index ix_verification_failure_at on verification_failure (failed_at);
