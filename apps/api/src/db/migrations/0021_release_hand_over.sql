-- Who is responsible for a person after release changes with the residence: at the release itself
-- and at each hand-over, the open responsibilities close and those of the local bodies of the new
-- place open. The releasing prison director or CelEx analyst does not feed follow-up data, so the
-- write runs with definer's rights; it is allowed to whoever feeds the person's follow-up (a
-- hand-over) or, for the release just recorded, to whoever reads its release data. The API chooses
-- the local bodies (apps/api/src/access/responsibility.ts).
CREATE FUNCTION app_hand_over_responsibilities(p_person uuid, p_on date, p_reason text, p_user uuid, p_bodies jsonb)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT (
    app_class_visible(p_person, 'FOLLOW_UP')
    OR (app_class_visible(p_person, 'RELEASE') AND EXISTS (
      SELECT 1 FROM detention_episodes e
      WHERE e.person_id = p_person AND e.released_on = p_on
        AND NOT EXISTS (SELECT 1 FROM detention_episodes l WHERE l.person_id = p_person AND l.admitted_on > e.admitted_on)))
  ) THEN
    RAISE EXCEPTION 'not allowed to change the responsibilities of this person' USING ERRCODE = '42501';
  END IF;
  UPDATE case_responsibilities SET valid_to = p_on WHERE person_id = p_person AND valid_to IS NULL;
  INSERT INTO case_responsibilities (id, person_id, agency_id, kind, valid_from, reason, created_by)
  SELECT (b ->> 'id')::uuid, p_person, (b ->> 'agencyId')::uuid, b ->> 'kind', p_on, p_reason, p_user
  FROM jsonb_array_elements(p_bodies) AS b;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_hand_over_responsibilities(uuid, date, text, uuid, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_hand_over_responsibilities(uuid, date, text, uuid, jsonb) TO continuum_app;
