-- Row-level security for recommendations, decisions and measures (docs/access.md): all of it is
-- MEASURES data of the person concerned. Measure types are reference data.
GRANT SELECT ON measure_types TO continuum_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON recommendations, recommendation_evidence, decisions, decision_notifications,
  measure_evaluations TO continuum_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON security_measures, appeals TO continuum_app;
--> statement-breakpoint
DO $$
DECLARE
  protected text;
BEGIN
  FOREACH protected IN ARRAY ARRAY['recommendations', 'recommendation_evidence', 'decisions', 'security_measures',
                                   'decision_notifications', 'appeals', 'measure_evaluations'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', protected);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', protected);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)',
      protected || '_owner', protected);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO continuum_app USING (app_class_visible(person_id, ''MEASURES''))',
      protected || '_read', protected);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO continuum_app WITH CHECK (app_class_visible(person_id, ''MEASURES''))',
      protected || '_insert', protected);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO continuum_app USING (app_class_visible(person_id, ''MEASURES'')) WITH CHECK (true)',
      protected || '_update', protected);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Measure types are defined by administrators (the API checks the role); no case data.
GRANT INSERT, UPDATE ON measure_types TO continuum_app;
--> statement-breakpoint
-- How many persons a unit held on each day of a series: a count, never who (definer's rights, as
-- app_unit_peak_occupancy).
CREATE OR REPLACE FUNCTION app_unit_occupancy_series(p_unit uuid, p_days date[])
RETURNS TABLE (day date, occupied integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT d.day, (SELECT count(DISTINCT p.person_id) FROM placements p
                 WHERE p.unit_id = p_unit AND p.valid_from <= d.day AND (p.valid_to IS NULL OR p.valid_to > d.day))::integer
  FROM unnest(p_days) AS d(day)
  ORDER BY d.day
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_unit_occupancy_series(uuid, date[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_unit_occupancy_series(uuid, date[]) TO continuum_app;
--> statement-breakpoint
-- CelEx-listed persons held in each establishment on a day, over every case (the API lets only
-- readers of every inmate's listing ask, and audits each question).
CREATE OR REPLACE FUNCTION app_listed_by_establishment(p_on date)
RETURNS TABLE (establishment_id uuid, listed integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.establishment_id, count(DISTINCT p.person_id)::integer
  FROM placements p
  JOIN listing_periods l ON l.person_id = p.person_id
    AND l.valid_from <= p_on AND (l.valid_to IS NULL OR l.valid_to > p_on)
  WHERE p.valid_from <= p_on AND (p.valid_to IS NULL OR p.valid_to > p_on)
  GROUP BY p.establishment_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_listed_by_establishment(date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_listed_by_establishment(date) TO continuum_app;
