-- Spring Modulith's event publication registry (the JDBC schema of spring-modulith-events-jdbc 1.4, portable for
-- PostgreSQL and H2): an event to another module is stored in the transaction that publishes it, one row per
-- listener, and stays until that listener has succeeded; a failed one is resubmitted (shared/EventPublications).
create table event_publication (
    id               uuid          not null primary key,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event varchar(4000) not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index ix_event_publication_listener_event on event_publication (listener_id, serialized_event);
create index ix_event_publication_completion on event_publication (completion_date);
