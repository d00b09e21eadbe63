-- A released person admitted again (conditional release revoked, a new offence) is no longer
-- followed locally: the open responsibilities close on the day of admission, the follow-up
-- measures still in force end and the release conditions still in force are lifted, each with
-- "Returned to prison" as the reason. Those who record an admission do not feed follow-up data, so
-- this runs with definer's rights, for the agency kinds that admit and only on the day of an
-- admission just recorded (the person's open episode began that day).
CREATE FUNCTION app_end_follow_up_at_admission(p_person uuid, p_on date)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT (
    coalesce(current_setting('app.agency_kind', true), '') IN ('CELEX', 'DG_EPI', 'PRISON')
    AND EXISTS (SELECT 1 FROM detention_episodes e
                WHERE e.person_id = p_person AND e.released_on IS NULL AND e.admitted_on = p_on)
  ) THEN
    RAISE EXCEPTION 'not allowed to end the follow-up of this person' USING ERRCODE = '42501';
  END IF;
  UPDATE case_responsibilities SET valid_to = p_on WHERE person_id = p_person AND valid_to IS NULL;
  UPDATE follow_up_measures f
  SET ended_on = greatest(p_on, f.started_on), end_reason = 'Returned to prison', version = f.version + 1
  WHERE f.person_id = p_person AND f.ended_on IS NULL;
  UPDATE release_conditions c
  SET lifted_on = greatest(p_on, c.imposed_on), lift_reason = 'Returned to prison', version = c.version + 1
  WHERE c.person_id = p_person AND c.imposed_on IS NOT NULL AND c.lifted_on IS NULL
    AND (c.ends_on IS NULL OR c.ends_on > p_on);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_end_follow_up_at_admission(uuid, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_end_follow_up_at_admission(uuid, date) TO continuum_app;
