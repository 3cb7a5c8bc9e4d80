-- With authorization on, every task query (each Tasklist filter's list and count) left-joins ACT_RU_AUTHORIZATION on
-- RESOURCE_ID_ IN (task id, process definition key, '*'), filtered by PERMS_ & n = n. The engine writes one row per
-- task for its candidate group, so the table grows with the open tasks. PostgreSQL cannot estimate PERMS_ & n,
-- guesses a few dozen rows and compares every task with every authorization row: quadratic (3,000 open reviews:
-- 3.6 s for one Tasklist page). With these statistics it knows the real row counts and probes the engine's index on
-- RESOURCE_ID_ per task instead (0.14 s). The statistics match PERMS_ & 2, not PERMS_ & $1: the postgres profile
-- therefore plans every statement with its values (plan_cache_mode = force_custom_plan). ANALYZE fills them.
-- docs/benchmarks.md, "Reviewer queue".
create statistics if not exists mmp_stat_authorization_perms (mcv)
    on type_, resource_type_, group_id_, (perms_ & 2), (perms_ & 64) from act_ru_authorization;
