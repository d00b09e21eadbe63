-- Defence in depth: the access matrix (docs/access.md) enforced by Postgres itself.
-- Every API request runs in a transaction that switches to `continuum_app` (a role that owns no
-- table and lacks BYPASSRLS) and describes its actor in `app.*` settings (see
-- apps/api/src/access/database-session.ts). The policies below read those settings, so a query
-- that forgets a check in the application still returns only what the actor may see.
-- The role that runs migrations owns the tables; it keeps full access (migrations, seed, jobs).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'continuum_app') THEN
    CREATE ROLE continuum_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
GRANT continuum_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO continuum_app;
--> statement-breakpoint
GRANT SELECT ON agencies, establishments, establishment_units, establishment_populations TO continuum_app;
--> statement-breakpoint
GRANT SELECT ON users TO continuum_app;
--> statement-breakpoint
GRANT UPDATE (language, totp_secret, totp_enabled_at, disabled_at, version) ON users TO continuum_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON sessions, api_tokens TO continuum_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON login_attempts TO continuum_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON persons, person_case_summaries, detention_episodes, placements,
  listing_periods, screenings, programme_enrolments, break_glass_grants TO continuum_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE person_reference_seq TO continuum_app;
--> statement-breakpoint
-- The audit trail: append and (for reviewers) read; never update or delete.
GRANT SELECT, INSERT ON audit_events TO continuum_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_events_id_seq TO continuum_app;
--> statement-breakpoint
GRANT SELECT, UPDATE ON audit_chain_head TO continuum_app;
--> statement-breakpoint
INSERT INTO audit_chain_head (id, last_hash) VALUES (1, repeat('0', 64)) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
-- Nobody edits the audit trail, not even the owner, without first disabling this trigger (which a
-- tamperer with superuser rights could do: the hash chain is what detects that).
CREATE OR REPLACE FUNCTION app_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION app_audit_is_append_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_setting_list(name text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting(name, true), ''), ','), '{}'::text[])
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_case_stage(status text, closed_on date) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN closed_on IS NOT NULL THEN 'CLOSED' WHEN status = 'RELEASED' THEN 'RELEASED' ELSE 'IN_PRISON' END
$$;
--> statement-breakpoint
-- Whether the current actor sees a case (p_class null) or one data class of it: break-the-glass
-- grants first, then the places and classes of the actor's rows for the case's stage.
CREATE OR REPLACE FUNCTION app_case_visible(
  p_person uuid, p_stage text, p_establishment uuid, p_district text, p_municipality text,
  p_enrolled uuid[], p_class text
) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN p_person::text = ANY (app_setting_list('app.break_glass'))
      THEN p_class IS NULL OR p_class = ANY (app_setting_list('app.bg_classes_' || lower(p_stage)))
    ELSE (p_class IS NULL OR p_class = ANY (app_setting_list('app.classes_' || lower(p_stage))))
      AND EXISTS (
        SELECT 1 FROM unnest(app_setting_list('app.places_' || lower(p_stage))) AS place
        WHERE place = 'ANY'
           OR (place = 'OWN_ESTABLISHMENT' AND p_establishment::text = current_setting('app.establishment_id', true))
           OR (place = 'OWN_DISTRICT' AND p_district = current_setting('app.judicial_district', true))
           OR (place = 'OWN_MUNICIPALITY' AND p_municipality = current_setting('app.municipality', true))
           OR (place = 'ENROLLED' AND current_setting('app.agency_id', true) = ANY (p_enrolled::text[])))
  END
$$;
--> statement-breakpoint
-- One class of a person's case, through the case summary (itself protected by its policy).
CREATE OR REPLACE FUNCTION app_class_visible(p_person uuid, p_class text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM person_case_summaries s
    WHERE s.person_id = p_person
      AND app_case_visible(s.person_id, app_case_stage(s.detention_status, s.closed_on), s.establishment_id,
                           s.release_judicial_district, s.release_municipality, s.enrolled_with, p_class))
$$;
--> statement-breakpoint
ALTER TABLE person_case_summaries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_case_summaries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_case_summaries_owner ON person_case_summaries TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY person_case_summaries_read ON person_case_summaries FOR SELECT TO continuum_app
  USING (app_case_visible(person_id, app_case_stage(detention_status, closed_on), establishment_id,
                          release_judicial_district, release_municipality, enrolled_with, NULL));
--> statement-breakpoint
CREATE POLICY person_case_summaries_insert ON person_case_summaries FOR INSERT TO continuum_app WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY person_case_summaries_update ON person_case_summaries FOR UPDATE TO continuum_app
  USING (app_case_visible(person_id, app_case_stage(detention_status, closed_on), establishment_id,
                          release_judicial_district, release_municipality, enrolled_with, NULL))
  WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE persons FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY persons_owner ON persons TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY persons_read ON persons FOR SELECT TO continuum_app
  USING (EXISTS (SELECT 1 FROM person_case_summaries s WHERE s.person_id = persons.id));
--> statement-breakpoint
CREATE POLICY persons_insert ON persons FOR INSERT TO continuum_app WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY persons_update ON persons FOR UPDATE TO continuum_app
  USING (app_class_visible(id, 'IDENTITY')) WITH CHECK (true);
--> statement-breakpoint
DO $$
DECLARE
  protected record;
BEGIN
  -- Case tables whose rows all belong to one data class of a person.
  FOR protected IN SELECT * FROM (VALUES
    ('detention_episodes', 'DETENTION'),
    ('placements', 'DETENTION'),
    ('listing_periods', 'LISTING'),
    ('screenings', 'LISTING'),
    ('programme_enrolments', 'PROGRAMME')
  ) AS t(table_name, data_class) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)',
      protected.table_name || '_owner', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO continuum_app USING (app_class_visible(person_id, %L))',
      protected.table_name || '_read', protected.table_name, protected.data_class);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO continuum_app WITH CHECK (true)',
      protected.table_name || '_insert', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO continuum_app USING (app_class_visible(person_id, %L)) WITH CHECK (true)',
      protected.table_name || '_update', protected.table_name, protected.data_class);
  END LOOP;
END
$$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_events_owner ON audit_events TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_events_append ON audit_events FOR INSERT TO continuum_app WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_events_review ON audit_events FOR SELECT TO continuum_app
  USING (current_setting('app.audit_reader', true) = 'on');
--> statement-breakpoint
ALTER TABLE break_glass_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE break_glass_grants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY break_glass_grants_owner ON break_glass_grants TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY break_glass_grants_read ON break_glass_grants FOR SELECT TO continuum_app
  USING (user_id::text = current_setting('app.user_id', true) OR current_setting('app.audit_reader', true) = 'on');
--> statement-breakpoint
CREATE POLICY break_glass_grants_insert ON break_glass_grants FOR INSERT TO continuum_app
  WITH CHECK (user_id::text = current_setting('app.user_id', true));
--> statement-breakpoint
CREATE POLICY break_glass_grants_review ON break_glass_grants FOR UPDATE TO continuum_app
  USING (current_setting('app.audit_reader', true) = 'on') WITH CHECK (true);
--> statement-breakpoint
-- What the case summary is derived from. Definer's rights: refreshing the projection after a change
-- must see the case's whole history even when the actor may not (e.g. a prison registering a new
-- inmate before the placement that lets it see them).
CREATE OR REPLACE FUNCTION app_summary_sources(p_ids uuid[])
RETURNS TABLE (
  person_id uuid, open_episode_id uuid, admitted_on text, has_episode boolean, last_released_on text,
  last_release_district text, last_release_municipality text, establishment_id uuid, unit_id uuid,
  category text, labels text[], listing_from text, screened_on text, next_due_on text, enrolled_with uuid[],
  last_category text
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id,
         oe.id, oe.admitted_on::text,
         le.id IS NOT NULL, le.released_on::text, le.release_judicial_district, le.release_municipality,
         pl.establishment_id, pl.unit_id,
         lp.category, lp.labels, lp.valid_from::text,
         sc.screened_on::text, sc.next_due_on::text,
         coalesce((SELECT array_agg(DISTINCT e.provider_agency_id) FROM programme_enrolments e
                   WHERE e.person_id = p.id AND e.ended_on IS NULL), '{}'::uuid[]),
         (SELECT l.category FROM listing_periods l WHERE l.person_id = p.id ORDER BY l.valid_from DESC LIMIT 1)
  FROM persons p
  LEFT JOIN LATERAL (SELECT id, admitted_on FROM detention_episodes
                     WHERE person_id = p.id AND released_on IS NULL LIMIT 1) oe ON true
  LEFT JOIN LATERAL (SELECT id, released_on, release_judicial_district, release_municipality FROM detention_episodes
                     WHERE person_id = p.id ORDER BY admitted_on DESC LIMIT 1) le ON true
  LEFT JOIN LATERAL (SELECT establishment_id, unit_id FROM placements
                     WHERE person_id = p.id AND valid_to IS NULL LIMIT 1) pl ON true
  LEFT JOIN LATERAL (SELECT category, labels, valid_from FROM listing_periods
                     WHERE person_id = p.id AND valid_to IS NULL LIMIT 1) lp ON true
  LEFT JOIN LATERAL (SELECT screened_on, next_due_on FROM screenings
                     WHERE person_id = p.id AND episode_id = oe.id
                     ORDER BY screened_on DESC, created_at DESC LIMIT 1) sc ON true
  WHERE p.id = ANY (p_ids)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_summary_sources(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_summary_sources(uuid[]) TO continuum_app;
--> statement-breakpoint
-- Hit / no-hit and break-the-glass need to know whether a person exists and where the case
-- stands, whatever the actor may see; the API then decides what to tell (see access/lookup.ts).
CREATE OR REPLACE FUNCTION app_case_facts(p_ids uuid[])
RETURNS TABLE (
  person_id uuid, stage text, establishment_id uuid, release_judicial_district text,
  release_municipality text, enrolled_with uuid[], sex text
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.person_id, app_case_stage(s.detention_status, s.closed_on), s.establishment_id,
         s.release_judicial_district, s.release_municipality, s.enrolled_with, p.sex
  FROM person_case_summaries s JOIN persons p ON p.id = s.person_id WHERE s.person_id = ANY (p_ids)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_persons_named(p_sort_name text, p_date_of_birth date)
RETURNS TABLE (person_id uuid) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id FROM persons p WHERE p.sort_name = p_sort_name AND p.date_of_birth = p_date_of_birth
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_case_facts(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_case_facts(uuid[]) TO continuum_app;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_persons_named(text, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_persons_named(text, date) TO continuum_app;
