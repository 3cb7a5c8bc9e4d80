-- Documents encrypted at rest: the id of the Tink key (in the configured keyset) that wraps the document's data key;
-- null: the bytes are stored as uploaded (written before a key was configured; the migration command encrypts them)
alter table document add column key_id varchar(20);
create index ix_document_key_id on document (key_id);

-- One check value per key, encrypted under it when it first became the primary: at start the app decrypts each one
-- it holds the key for, so a keyset with the right ids but the wrong key material stops the app (fails closed)
create table document_key_canary (
    key_id      varchar(20)   primary key,
    ciphertext  varchar(2000) not null,
    created_at  timestamp     not null
);
