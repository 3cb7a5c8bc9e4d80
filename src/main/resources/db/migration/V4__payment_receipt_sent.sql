-- The e-mail receipt of a successful payment is sent after the payment's outcome is committed; this marks it sent
-- (a payment that succeeded without it is found again and its receipt sent, once).
alter table payment add column receipt_sent_at timestamp;
