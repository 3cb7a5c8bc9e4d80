-- A charge retried after a timeout or a crash must reuse its idempotency key: the pending payment is found again by
-- the gateway's token of the card it charges (an opaque reference, never card data).
alter table payment add column payment_method_token varchar(100);
