-- Writes that name a person are checked against what the writer sees, not only against who writes:
-- a local body's follow-up measure or action item only on a person it sees; the release branch of
-- the hand-over only for the release just recorded (no responsibility yet from that day); and a
-- case summary, from which every policy derives its sight, only as its history makes it (the fields
-- that decide access are compared with app_summary_sources).
CREATE OR REPLACE FUNCTION app_hand_over_responsibilities(p_person uuid, p_on date, p_reason text)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_kind text := coalesce(current_setting('app.agency_kind', true), '');
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_place record;
BEGIN
  IF NOT (
    (v_kind IN ('THREAT_ANALYSIS', 'LOCAL_TASK_FORCE') AND app_class_visible(p_person, 'FOLLOW_UP'))
    OR (v_kind IN ('CELEX', 'DG_EPI', 'PRISON') AND app_class_visible(p_person, 'RELEASE')
      AND EXISTS (
        SELECT 1 FROM detention_episodes e
        WHERE e.person_id = p_person AND e.released_on = p_on
          AND NOT EXISTS (SELECT 1 FROM detention_episodes l WHERE l.person_id = p_person AND l.admitted_on > e.admitted_on))
      AND NOT EXISTS (SELECT 1 FROM case_responsibilities c WHERE c.person_id = p_person AND c.valid_from >= p_on))
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
DROP POLICY follow_up_measures_insert ON follow_up_measures;
--> statement-breakpoint
DROP POLICY follow_up_measures_update ON follow_up_measures;
--> statement-breakpoint
CREATE POLICY follow_up_measures_insert ON follow_up_measures FOR INSERT TO continuum_app WITH CHECK (
  app_class_visible(person_id, 'FOLLOW_UP')
  OR (agency_id::text = current_setting('app.agency_id', true) AND app_person_visible(person_id))
);
--> statement-breakpoint
CREATE POLICY follow_up_measures_update ON follow_up_measures FOR UPDATE TO continuum_app
  USING (app_class_visible(person_id, 'FOLLOW_UP') OR agency_id::text = current_setting('app.agency_id', true))
  WITH CHECK (
    app_class_visible(person_id, 'FOLLOW_UP')
    OR (agency_id::text = current_setting('app.agency_id', true) AND app_person_visible(person_id))
  );
--> statement-breakpoint
ALTER POLICY action_items_own_body ON action_items
  USING (agency_id::text = current_setting('app.agency_id', true))
  WITH CHECK (
    agency_id::text = current_setting('app.agency_id', true)
    AND (person_id IS NULL OR app_person_visible(person_id))
  );
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_upsert_case_summaries(p_rows jsonb) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF EXISTS (
    SELECT 1
    FROM jsonb_populate_recordset(NULL::person_case_summaries, p_rows) r
    LEFT JOIN app_summary_sources(ARRAY(SELECT (x ->> 'person_id')::uuid FROM jsonb_array_elements(p_rows) x)) src
      ON src.person_id = r.person_id
    WHERE src.person_id IS NULL
       OR r.detention_status IS DISTINCT FROM CASE WHEN src.open_episode_id IS NOT NULL THEN 'DETAINED'
                                                   WHEN src.has_episode THEN 'RELEASED' ELSE 'NOT_DETAINED' END
       OR r.establishment_id IS DISTINCT FROM src.establishment_id
       OR r.release_judicial_district IS DISTINCT FROM
            CASE WHEN src.open_episode_id IS NULL THEN src.last_release_district END
       OR r.release_municipality IS DISTINCT FROM
            CASE WHEN src.open_episode_id IS NULL THEN src.last_release_municipality END
       OR r.closed_on IS DISTINCT FROM src.closed_on::date
       OR (SELECT array_agg(x ORDER BY x) FROM unnest(r.enrolled_with) x)
            IS DISTINCT FROM (SELECT array_agg(x ORDER BY x) FROM unnest(src.enrolled_with) x)
  ) THEN
    RAISE EXCEPTION 'a case summary is derived from the case history only' USING ERRCODE = '42501';
  END IF;
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
    next_assessment_due_on = excluded.next_assessment_due_on, updated_at = now();
END
$$;
