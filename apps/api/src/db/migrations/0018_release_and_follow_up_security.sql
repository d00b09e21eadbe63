-- Row-level security for release and the follow-up after it (docs/access.md). Release dates,
-- plans, conditions and breaches are RELEASE data; residences too. Who is responsible is shown to
-- whoever sees the person (the information card names the contact agency). Responsibilities,
-- outcomes, closures, the common database and follow-up measures are FOLLOW_UP data. A local
-- body's meetings and action items are its own; the decisions of a Local Task Force about a person
-- are also FOLLOW_UP data of that person, while a Local Cell's stay with the cell.
GRANT SELECT ON condition_types, follow_up_measure_types, retention_rules TO continuum_app;
--> statement-breakpoint
GRANT INSERT, UPDATE ON condition_types, follow_up_measure_types, retention_rules TO continuum_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON release_date_overrides, condition_breaches, residences, case_outcomes, case_closures,
  meeting_discussions TO continuum_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON release_plans, release_conditions, case_responsibilities, local_meetings,
  action_items, follow_up_measures, common_database_entries, retention_items TO continuum_app;
--> statement-breakpoint
DO $$
DECLARE
  protected record;
BEGIN
  FOR protected IN SELECT * FROM (VALUES
    ('release_date_overrides', 'app_class_visible(person_id, ''RELEASE'')', false),
    ('release_plans', 'app_class_visible(person_id, ''RELEASE'')', true),
    ('release_conditions', 'app_class_visible(person_id, ''RELEASE'')', true),
    ('condition_breaches', 'app_class_visible(person_id, ''RELEASE'')', false),
    ('residences', 'app_class_visible(person_id, ''RELEASE'')', false),
    ('case_responsibilities', 'app_class_visible(person_id, NULL)', true),
    ('follow_up_measures',
     '(app_class_visible(person_id, ''FOLLOW_UP'') OR agency_id::text = current_setting(''app.agency_id'', true))',
     true),
    ('common_database_entries', 'app_class_visible(person_id, ''FOLLOW_UP'')', true),
    ('case_outcomes', 'app_class_visible(person_id, ''FOLLOW_UP'')', false),
    ('case_closures', 'app_class_visible(person_id, ''FOLLOW_UP'')', false)
  ) AS t(table_name, visible, updatable) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)',
      protected.table_name || '_owner', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO continuum_app USING (%s)',
      protected.table_name || '_read', protected.table_name, protected.visible);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO continuum_app WITH CHECK (%s)',
      protected.table_name || '_insert', protected.table_name, protected.visible);
    IF protected.updatable THEN
      EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO continuum_app USING (%s) WITH CHECK (true)',
        protected.table_name || '_update', protected.table_name, protected.visible);
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
-- A class-less check: the person exists for the actor (a card or more).
CREATE OR REPLACE FUNCTION app_person_visible(p_person uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM person_case_summaries s WHERE s.person_id = p_person)
$$;
--> statement-breakpoint
ALTER POLICY case_responsibilities_read ON case_responsibilities USING (app_person_visible(person_id));
--> statement-breakpoint
ALTER POLICY case_responsibilities_insert ON case_responsibilities WITH CHECK (app_class_visible(person_id, 'FOLLOW_UP'));
--> statement-breakpoint
ALTER POLICY case_responsibilities_update ON case_responsibilities USING (app_class_visible(person_id, 'FOLLOW_UP'));
--> statement-breakpoint
ALTER TABLE local_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE local_meetings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY local_meetings_owner ON local_meetings TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY local_meetings_own_body ON local_meetings FOR ALL TO continuum_app
  USING (agency_id::text = current_setting('app.agency_id', true))
  WITH CHECK (agency_id::text = current_setting('app.agency_id', true));
--> statement-breakpoint
ALTER TABLE action_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE action_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY action_items_owner ON action_items TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY action_items_own_body ON action_items FOR ALL TO continuum_app
  USING (agency_id::text = current_setting('app.agency_id', true))
  WITH CHECK (agency_id::text = current_setting('app.agency_id', true));
--> statement-breakpoint
ALTER TABLE meeting_discussions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE meeting_discussions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY meeting_discussions_owner ON meeting_discussions TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The holding body reads its own discussions (local_meetings' policy decides which meetings are
-- its own); a Local Task Force's decisions are FOLLOW_UP data of the person for everyone else.
CREATE OR REPLACE FUNCTION app_meeting_held_by_task_force(p_meeting uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM local_meetings m JOIN agencies a ON a.id = m.agency_id
                 WHERE m.id = p_meeting AND a.kind = 'LOCAL_TASK_FORCE')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_meeting_held_by_task_force(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_meeting_held_by_task_force(uuid) TO continuum_app;
--> statement-breakpoint
CREATE POLICY meeting_discussions_read ON meeting_discussions FOR SELECT TO continuum_app USING (
  EXISTS (SELECT 1 FROM local_meetings m WHERE m.id = meeting_id)
  OR (app_class_visible(person_id, 'FOLLOW_UP') AND app_meeting_held_by_task_force(meeting_id))
);
--> statement-breakpoint
CREATE POLICY meeting_discussions_insert ON meeting_discussions FOR INSERT TO continuum_app WITH CHECK (
  EXISTS (SELECT 1 FROM local_meetings m WHERE m.id = meeting_id) AND app_person_visible(person_id)
);
--> statement-breakpoint
ALTER TABLE retention_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE retention_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY retention_items_owner ON retention_items TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY retention_items_data_protection ON retention_items FOR ALL TO continuum_app
  USING (current_setting('app.agency_kind', true) = 'DATA_PROTECTION')
  WITH CHECK (current_setting('app.agency_kind', true) = 'DATA_PROTECTION');
--> statement-breakpoint
-- What the information card adds to the summary for whoever sees the person: the threat level of
-- the open common-database entry, and the active conditions and follow-up measures that local
-- actors must know (never those that are not shown on the card, such as discreet surveillance).
CREATE OR REPLACE FUNCTION app_information_card_extras(p_ids uuid[], p_on date)
RETURNS TABLE (person_id uuid, threat_level integer, measures jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.person_id,
         (SELECT e.threat_level FROM common_database_entries e
          WHERE e.person_id = s.person_id AND e.valid_to IS NULL),
         coalesce((
           SELECT jsonb_agg(jsonb_build_object('code', m.code, 'nameEn', m.name_en, 'nameFr', m.name_fr,
                                               'nameNl', m.name_nl, 'since', m.since) ORDER BY m.since, m.code)
           FROM (
             SELECT ct.code, ct.name_en, ct.name_fr, ct.name_nl, c.imposed_on AS since
             FROM release_conditions c JOIN condition_types ct ON ct.id = c.type_id
             WHERE c.person_id = s.person_id AND ct.shown_on_information_card
               AND c.imposed_on <= p_on AND (c.ends_on IS NULL OR c.ends_on > p_on)
               AND (c.lifted_on IS NULL OR c.lifted_on > p_on)
             UNION ALL
             SELECT ft.code, ft.name_en, ft.name_fr, ft.name_nl, f.started_on
             FROM follow_up_measures f JOIN follow_up_measure_types ft ON ft.id = f.type_id
             WHERE f.person_id = s.person_id AND ft.shown_on_information_card
               AND f.started_on <= p_on AND (f.ended_on IS NULL OR f.ended_on > p_on)
           ) m), '[]'::jsonb)
  FROM person_case_summaries s
  WHERE s.person_id = ANY (p_ids)
    AND app_case_visible(s.person_id, app_case_stage(s.detention_status, s.closed_on), s.establishment_id,
                         s.release_judicial_district, s.release_municipality, s.enrolled_with, NULL)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_information_card_extras(uuid[], date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_information_card_extras(uuid[], date) TO continuum_app;
--> statement-breakpoint
-- The summary's district and municipality are the current residence (set at release, changed by a
-- hand-over); a case is closed by its latest closure unless the person was admitted since.
DROP FUNCTION app_summary_sources(uuid[]);
--> statement-breakpoint
CREATE FUNCTION app_summary_sources(p_ids uuid[])
RETURNS TABLE (
  person_id uuid, open_episode_id uuid, admitted_on text, has_episode boolean, last_released_on text,
  last_release_district text, last_release_municipality text, establishment_id uuid, unit_id uuid,
  category text, labels text[], listing_from text, screened_on text, next_due_on text, enrolled_with uuid[],
  last_category text, screening_responsible_id uuid, last_assessed_on text, last_assessment_review_on text,
  listed_since text, closed_on text
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id,
         oe.id, oe.admitted_on::text,
         le.id IS NOT NULL, le.released_on::text,
         coalesce(rs.judicial_district, le.release_judicial_district),
         coalesce(rs.municipality, le.release_municipality),
         pl.establishment_id, pl.unit_id,
         lp.category, lp.labels, lp.valid_from::text,
         sc.screened_on::text, sc.next_due_on::text,
         coalesce((SELECT array_agg(DISTINCT e.provider_agency_id) FROM programme_enrolments e
                   WHERE e.person_id = p.id AND e.ended_on IS NULL), '{}'::uuid[]),
         (SELECT l.category FROM listing_periods l WHERE l.person_id = p.id ORDER BY l.valid_from DESC LIMIT 1),
         (SELECT a.user_id FROM screening_assignments a WHERE a.person_id = p.id
          ORDER BY a.assigned_at DESC, a.id DESC LIMIT 1),
         ra.assessed_on::text, ra.next_review_on::text,
         (SELECT max(q.valid_from)::text FROM listing_periods q
          WHERE q.person_id = p.id AND q.valid_from <= lp.valid_from
            AND NOT EXISTS (SELECT 1 FROM listing_periods r WHERE r.person_id = p.id AND r.valid_to = q.valid_from)),
         (SELECT c.closed_on::text FROM case_closures c
          WHERE c.person_id = p.id AND oe.id IS NULL AND (le.admitted_on IS NULL OR c.closed_on >= le.admitted_on)
          ORDER BY c.closed_on DESC, c.created_at DESC LIMIT 1)
  FROM persons p
  LEFT JOIN LATERAL (SELECT id, admitted_on FROM detention_episodes
                     WHERE person_id = p.id AND released_on IS NULL LIMIT 1) oe ON true
  LEFT JOIN LATERAL (SELECT id, admitted_on, released_on, release_judicial_district, release_municipality
                     FROM detention_episodes
                     WHERE person_id = p.id ORDER BY admitted_on DESC LIMIT 1) le ON true
  LEFT JOIN LATERAL (SELECT r.municipality, r.judicial_district FROM residences r
                     WHERE r.person_id = p.id AND oe.id IS NULL AND r.valid_from >= le.released_on
                     ORDER BY r.valid_from DESC, r.created_at DESC LIMIT 1) rs ON true
  LEFT JOIN LATERAL (SELECT establishment_id, unit_id FROM placements
                     WHERE person_id = p.id AND valid_to IS NULL LIMIT 1) pl ON true
  LEFT JOIN LATERAL (SELECT category, labels, valid_from FROM listing_periods
                     WHERE person_id = p.id AND valid_to IS NULL LIMIT 1) lp ON true
  LEFT JOIN LATERAL (SELECT screened_on, next_due_on FROM screenings
                     WHERE person_id = p.id AND episode_id = oe.id
                     ORDER BY screened_on DESC, created_at DESC LIMIT 1) sc ON true
  LEFT JOIN LATERAL (SELECT assessed_on, next_review_on FROM risk_assessments
                     WHERE person_id = p.id ORDER BY assessed_on DESC, created_at DESC LIMIT 1) ra ON true
  WHERE p.id = ANY (p_ids)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_summary_sources(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_summary_sources(uuid[]) TO continuum_app;
--> statement-breakpoint
-- A re-admission reopens a closed case: the summary's closure is whatever its sources say.
CREATE OR REPLACE FUNCTION app_upsert_case_summaries(p_rows jsonb) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO person_case_summaries AS s (
    person_id, detention_status, current_episode_id, admitted_on, establishment_id, unit_id, category, labels,
    category_since, last_screened_on, next_screening_due_on, released_on, release_judicial_district,
    release_municipality, last_category, closed_on, enrolled_with, screening_responsible_id, last_assessed_on,
    next_assessment_due_on, updated_at)
  SELECT r.person_id, r.detention_status, r.current_episode_id, r.admitted_on, r.establishment_id, r.unit_id,
         r.category, coalesce(r.labels, '{}'), r.category_since, r.last_screened_on, r.next_screening_due_on,
         r.released_on, r.release_judicial_district, r.release_municipality, r.last_category, r.closed_on,
         coalesce(r.enrolled_with, '{}'), r.screening_responsible_id, r.last_assessed_on, r.next_assessment_due_on,
         now()
  FROM jsonb_populate_recordset(NULL::person_case_summaries, p_rows) r
  ON CONFLICT (person_id) DO UPDATE SET
    detention_status = excluded.detention_status, current_episode_id = excluded.current_episode_id,
    admitted_on = excluded.admitted_on, establishment_id = excluded.establishment_id, unit_id = excluded.unit_id,
    category = excluded.category, labels = excluded.labels, category_since = excluded.category_since,
    last_screened_on = excluded.last_screened_on, next_screening_due_on = excluded.next_screening_due_on,
    released_on = excluded.released_on, release_judicial_district = excluded.release_judicial_district,
    release_municipality = excluded.release_municipality, last_category = excluded.last_category,
    closed_on = excluded.closed_on, enrolled_with = excluded.enrolled_with,
    screening_responsible_id = excluded.screening_responsible_id, last_assessed_on = excluded.last_assessed_on,
    next_assessment_due_on = excluded.next_assessment_due_on, updated_at = now()
$$;
