-- The applicant's attestations are kept on the case, not as four process variables (issue 14: the process carries
-- the flow, our tables the case). Null for a case not yet signed, and for one signed before this column existed.
alter table application add column attested_at timestamp;
