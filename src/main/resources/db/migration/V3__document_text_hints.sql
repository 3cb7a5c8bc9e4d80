-- The reviewer's aid: whether the document has a text layer and whether the applicant's name and street/ZIP appear
-- in it (null: no text to look in). A hint for the review form, never a decision.
alter table document add column text_layer boolean default false not null;
alter table document add column name_found boolean;
alter table document add column address_found boolean;
-- the orphan-file job asks, for each file in storage, whether a row points at it
create index ix_document_storage_key on document (storage_key);
