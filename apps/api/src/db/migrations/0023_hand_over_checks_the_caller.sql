-- The hand-over function decides more itself, so that a forgotten check in the API cannot be used
-- to hand a person to any agency: the local bodies come from the residence the hand-over records,
-- the author from the session, and the caller must be of an agency kind that records releases (for
-- the release just recorded) or hands cases over. The bodies that lose the case end their open
-- follow-up measures that day. A residence (which decides the local bodies' access) and a closure
-- are written only by those agency kinds; retention rules only by the data-protection officer.
DROP FUNCTION app_hand_over_responsibilities(uuid, date, text, uuid, jsonb);
--> statement-breakpoint
CREATE FUNCTION app_hand_over_responsibilities(p_person uuid, p_on date, p_reason text)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_kind text := coalesce(current_setting('app.agency_kind', true), '');
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_place record;
BEGIN
  IF NOT (
    (v_kind IN ('THREAT_ANALYSIS', 'LOCAL_TASK_FORCE') AND app_class_visible(p_person, 'FOLLOW_UP'))
    OR (v_kind IN ('CELEX', 'DG_EPI', 'PRISON') AND app_class_visible(p_person, 'RELEASE') AND EXISTS (
      SELECT 1 FROM detention_episodes e
      WHERE e.person_id = p_person AND e.released_on = p_on
        AND NOT EXISTS (SELECT 1 FROM detention_episodes l WHERE l.person_id = p_person AND l.admitted_on > e.admitted_on)))
  ) THEN
    RAISE EXCEPTION 'not allowed to change the responsibilities of this person' USING ERRCODE = '42501';
  END IF;
  SELECT r.municipality, r.judicial_district INTO v_place FROM residences r
  WHERE r.person_id = p_person AND r.valid_from = p_on ORDER BY r.created_at DESC LIMIT 1;
  UPDATE case_responsibilities SET valid_to = p_on WHERE person_id = p_person AND valid_to IS NULL;
  IF v_place IS NOT NULL THEN
    INSERT INTO case_responsibilities (id, person_id, agency_id, kind, valid_from, reason, created_by)
    SELECT gen_random_uuid(), p_person, a.id,
           CASE a.kind WHEN 'LOCAL_TASK_FORCE' THEN 'SECURITY' ELSE 'SOCIO_PREVENTIVE' END, p_on, p_reason, v_user
    FROM agencies a
    WHERE (a.kind = 'LOCAL_TASK_FORCE' AND a.judicial_district = v_place.judicial_district)
       OR (a.kind = 'LOCAL_CELL' AND a.municipality = v_place.municipality);
  END IF;
  UPDATE follow_up_measures f
  SET ended_on = greatest(p_on, f.started_on), end_reason = 'Handed over: ' || p_reason, version = f.version + 1
  WHERE f.person_id = p_person AND f.ended_on IS NULL
    AND NOT EXISTS (SELECT 1 FROM case_responsibilities c
                    WHERE c.person_id = p_person AND c.valid_to IS NULL AND c.agency_id = f.agency_id);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_hand_over_responsibilities(uuid, date, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_hand_over_responsibilities(uuid, date, text) TO continuum_app;
--> statement-breakpoint
ALTER POLICY residences_insert ON residences WITH CHECK (
  app_class_visible(person_id, 'RELEASE')
  AND current_setting('app.agency_kind', true) IN ('CELEX', 'DG_EPI', 'PRISON', 'THREAT_ANALYSIS', 'LOCAL_TASK_FORCE')
);
--> statement-breakpoint
ALTER POLICY case_closures_insert ON case_closures WITH CHECK (
  app_class_visible(person_id, 'FOLLOW_UP')
  AND current_setting('app.agency_kind', true) IN ('THREAT_ANALYSIS', 'LOCAL_TASK_FORCE')
);
--> statement-breakpoint
ALTER TABLE retention_rules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE retention_rules FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY retention_rules_owner ON retention_rules TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY retention_rules_read ON retention_rules FOR SELECT TO continuum_app USING (true);
--> statement-breakpoint
CREATE POLICY retention_rules_insert ON retention_rules FOR INSERT TO continuum_app
  WITH CHECK (current_setting('app.agency_kind', true) = 'DATA_PROTECTION');
--> statement-breakpoint
CREATE POLICY retention_rules_update ON retention_rules FOR UPDATE TO continuum_app
  USING (current_setting('app.agency_kind', true) = 'DATA_PROTECTION')
  WITH CHECK (current_setting('app.agency_kind', true) = 'DATA_PROTECTION');
--> statement-breakpoint
-- Measures and conditions are "to know" while the person is out and followed, not in prison again
-- nor once the case is closed.
CREATE OR REPLACE FUNCTION app_information_card_extras(p_ids uuid[], p_on date)
RETURNS TABLE (person_id uuid, threat_level integer, measures jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.person_id,
         (SELECT e.threat_level FROM common_database_entries e
          WHERE e.person_id = s.person_id AND e.valid_to IS NULL),
         CASE WHEN s.detention_status = 'RELEASED' AND s.closed_on IS NULL THEN coalesce((
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
           ) m), '[]'::jsonb) ELSE '[]'::jsonb END
  FROM person_case_summaries s
  WHERE s.person_id = ANY (p_ids)
    AND app_case_visible(s.person_id, app_case_stage(s.detention_status, s.closed_on), s.establishment_id,
                         s.release_judicial_district, s.release_municipality, s.enrolled_with, NULL)
$$;
