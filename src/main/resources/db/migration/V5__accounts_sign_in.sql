-- Sign-in of patients, caregivers and providers (issue 5): password reset tokens, the moment the password last
-- changed (sessions from before it end), and the counters of the login throttle and the e-mail rate limits, kept
-- in the database so that every app node sees the same counts. Portable SQL: PostgreSQL and H2.

alter table account add column reset_token_hash varchar(100);
alter table account add column reset_expires_at timestamp;
alter table account add column password_changed_at timestamp;

create table rate_limit (
    limit_key       varchar(300) primary key,
    failures        integer      not null,
    window_start    timestamp    not null,
    blocked_until   timestamp,
    blocks          integer      not null default 0,
    updated_at      timestamp    not null
);
create index ix_rate_limit_updated on rate_limit (updated_at);
