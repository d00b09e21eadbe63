CREATE TABLE "case_summary_group_changes" (
	"detention_status" text NOT NULL,
	"closed_on" date,
	"establishment_id" uuid,
	"release_judicial_district" text,
	"release_municipality" text,
	"enrolled_with" uuid[] NOT NULL,
	"change" integer NOT NULL
);
--> statement-breakpoint
-- The caseload's total without a filter (docs/performance.md): counting every visible case summary
-- took 310 ms at Europe scale (510,000 cases). A case's visibility depends only on the columns of
-- this table (and on break-the-glass grants, for which the API counts the summaries themselves), so
-- the total is the sum of the groups the actor sees. Append-only, like the listed persons' stock
-- (migration 0037): a statement on the summaries appends, per group, how many cases it added or
-- took away; the daily job merges each group's rows.
CREATE INDEX "case_summary_group_changes_group_idx" ON "case_summary_group_changes"
  ("detention_status", "establishment_id", "release_judicial_district", "release_municipality");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_case_groups_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  -- The summaries the statement added (+1) and took away (-1); a trigger sees only its own tables.
  moved text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS change FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS change FROM old_rows'
    ELSE 'SELECT *, 1 AS change FROM new_rows UNION ALL SELECT *, -1 FROM old_rows' END;
BEGIN
  EXECUTE format(
    'INSERT INTO case_summary_group_changes (detention_status, closed_on, establishment_id, '
    '  release_judicial_district, release_municipality, enrolled_with, change) '
    'SELECT detention_status, CASE WHEN closed_on IS NOT NULL THEN DATE ''1970-01-01'' END, establishment_id, '
    '  release_judicial_district, release_municipality, enrolled_with, sum(change)::integer '
    'FROM (%s) AS moved GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(change) <> 0', moved);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER person_case_summaries_groups_insert AFTER INSERT ON person_case_summaries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_case_groups_changed();
--> statement-breakpoint
CREATE TRIGGER person_case_summaries_groups_update AFTER UPDATE ON person_case_summaries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_case_groups_changed();
--> statement-breakpoint
CREATE TRIGGER person_case_summaries_groups_delete AFTER DELETE ON person_case_summaries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_case_groups_changed();
--> statement-breakpoint
-- Merges each group's rows into one (dropping empty groups); run daily with the other jobs.
CREATE OR REPLACE FUNCTION app_compact_case_groups() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  merged integer;
BEGIN
  -- One merge at a time (each API process runs the daily job).
  IF NOT pg_try_advisory_xact_lock(hashtext('app_compact_case_groups')) THEN
    RETURN 0;
  END IF;
  WITH gone AS (
    DELETE FROM case_summary_group_changes RETURNING *
  ), kept AS (
    INSERT INTO case_summary_group_changes (detention_status, closed_on, establishment_id,
      release_judicial_district, release_municipality, enrolled_with, change)
    SELECT detention_status, closed_on, establishment_id, release_judicial_district, release_municipality,
           enrolled_with, sum(change)::integer
    FROM gone GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(change) <> 0
  )
  SELECT count(*)::integer INTO merged FROM gone;
  RETURN merged;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_compact_case_groups() FROM PUBLIC;
--> statement-breakpoint
-- The counts still say how many cases lie in each prison, district and municipality: the API's role
-- reads a group's rows only where it would read a case of that group, by the summaries' own test
-- (break-the-glass grants name persons, not groups: for them the API counts the summaries).
ALTER TABLE case_summary_group_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_summary_group_changes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_summary_group_changes_owner ON case_summary_group_changes TO CURRENT_USER
  USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT ON case_summary_group_changes TO continuum_app;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format(
    'CREATE POLICY case_summary_group_changes_read ON case_summary_group_changes FOR SELECT TO continuum_app '
    'USING (EXISTS (SELECT 1 FROM (SELECT NULL::uuid AS person_id, case_summary_group_changes.*) AS visible_group '
    'WHERE %s))', app_visible_case_sql('visible_group', 'NULL::text'));
END
$$;
--> statement-breakpoint
INSERT INTO case_summary_group_changes (detention_status, closed_on, establishment_id, release_judicial_district,
  release_municipality, enrolled_with, change)
SELECT detention_status, CASE WHEN closed_on IS NOT NULL THEN DATE '1970-01-01' END, establishment_id,
       release_judicial_district, release_municipality, enrolled_with, count(*)::integer
FROM person_case_summaries GROUP BY 1, 2, 3, 4, 5, 6;
