-- The card an applicant entered for the fee, until it is charged (issue 14: payment details live in our tables, not
-- in process variables and their history). Only what the gateway gave back: its token for the card, the brand and the
-- last four digits; the card number never reaches us. One per application: a new card replaces the last one.
create table payment_card (
    application_id       bigint       primary key references application (id),
    payment_method_token varchar(100) not null,
    card_brand           varchar(20),
    card_last4           varchar(4),
    entered_at           timestamp    not null
);
