-- Tasklist's review queues ("Reviews - unassigned, by due date", "due within 3 days", "past their SLA") ask for the
-- first page of tasks ordered by due date. Without this index PostgreSQL reads and sorts every open review before
-- it returns 15 (77,000 open reviews: 146 ms, the sort spilling to disk); with it, it reads them in due-date order
-- and stops after the page (14 ms). The engine has no index on DUE_DATE_. docs/benchmarks.md, "Reviewer queue".
create index mmp_ix_task_due_date on act_ru_task (due_date_);
