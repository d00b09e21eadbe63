-- The change feed's outbox (docs/change-feed.md). Every case table that holds a person's data gets
-- an AFTER ROW trigger that appends one `change_events` row in the writing transaction: a
-- rolled-back change leaves no event, a committed one always has its event. The trigger's
-- arguments name the GraphQL type a client re-reads, the data class (the one the table's row-level
-- security read policy uses), the column holding that record's ID and the column holding the
-- person's ID. An empty data class means "the row's own data_class column" (information reports);
-- '@report' means "the class of the report the row belongs to" (report links).
-- Not covered, on purpose: person_case_summaries (a projection of the tables below, refreshed
-- with every change, so it would only repeat their events), break_glass_grants, retention_items,
-- external_references and action_items (no class of a person's case: they belong to an agency or
-- to the oversight of access, and action_items may name no person at all).
CREATE OR REPLACE FUNCTION app_report_data_class(p_report uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT data_class FROM information_reports WHERE id = p_report
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_report_data_class(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_report_data_class(uuid) TO continuum_app;
--> statement-breakpoint
-- Runs with the writer's rights (continuum_app for requests, the owner for migrations, the seed and
-- the definer-rights retention functions): the writer may append to change_events, never read it.
CREATE OR REPLACE FUNCTION app_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_row jsonb;
  v_class text := TG_ARGV[1];
  v_operation text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    v_row := to_jsonb(OLD);
    v_operation := 'DELETED';
  ELSIF TG_OP = 'UPDATE' THEN
    v_row := to_jsonb(NEW);
    -- An update that changes nothing is no change.
    IF v_row = to_jsonb(OLD) THEN
      RETURN NULL;
    END IF;
    v_operation := 'UPDATED';
  ELSE
    v_row := to_jsonb(NEW);
    v_operation := 'CREATED';
  END IF;
  IF v_class = '' THEN
    v_class := v_row ->> 'data_class';
  ELSIF v_class = '@report' THEN
    -- A report removed before its links (retention) leaves the stricter class.
    v_class := coalesce(app_report_data_class((v_row ->> 'report_id')::uuid), 'INTELLIGENCE');
  END IF;
  INSERT INTO change_events (entity_type, entity_id, person_id, data_class, operation)
  VALUES (TG_ARGV[0], (v_row ->> coalesce(TG_ARGV[2], 'id'))::uuid,
          (v_row ->> coalesce(TG_ARGV[3], 'person_id'))::uuid, v_class, v_operation);
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('persons', 'Person', 'IDENTITY', 'id', 'id'),
    ('detention_episodes', 'DetentionEpisode', 'DETENTION', 'id', 'person_id'),
    ('placements', 'Placement', 'DETENTION', 'id', 'person_id'),
    ('listing_periods', 'ListingPeriod', 'LISTING', 'id', 'person_id'),
    ('screenings', 'Screening', 'LISTING', 'id', 'person_id'),
    ('screening_sources', 'Screening', 'LISTING', 'screening_id', 'person_id'),
    ('screening_assignments', 'Person', 'LISTING', 'person_id', 'person_id'),
    ('watchlist_entries', 'WatchlistEntry', 'INTELLIGENCE', 'id', 'person_id'),
    ('information_reports', 'InformationReport', '', 'id', 'person_id'),
    ('information_report_links', 'InformationReport', '@report', 'report_id', 'person_id'),
    ('risk_assessments', 'RiskAssessment', 'CLINICAL', 'id', 'person_id'),
    ('risk_assessment_details', 'RiskAssessment', 'CLINICAL', 'assessment_id', 'person_id'),
    ('risk_assessment_ratings', 'RiskAssessment', 'CLINICAL', 'assessment_id', 'person_id'),
    ('risk_assessment_domain_summaries', 'RiskAssessment', 'CLINICAL', 'assessment_id', 'person_id'),
    ('programme_enrolments', 'ProgrammeParticipation', 'PROGRAMME', 'id', 'person_id'),
    ('programme_status_changes', 'ProgrammeParticipation', 'PROGRAMME', 'enrolment_id', 'person_id'),
    ('programme_contacts', 'ProgrammeParticipation', 'PROGRAMME', 'enrolment_id', 'person_id'),
    ('programme_contact_notes', 'Person', 'PROGRAMME', 'person_id', 'person_id'),
    ('disengagement_evaluations', 'DisengagementEvaluation', 'INTELLIGENCE', 'id', 'person_id'),
    ('prison_incidents', 'PrisonIncident', 'OBSERVATIONS', 'id', 'person_id'),
    ('recommendations', 'Recommendation', 'MEASURES', 'id', 'person_id'),
    ('recommendation_evidence', 'Recommendation', 'MEASURES', 'recommendation_id', 'person_id'),
    ('decisions', 'Decision', 'MEASURES', 'id', 'person_id'),
    ('security_measures', 'SecurityMeasure', 'MEASURES', 'id', 'person_id'),
    ('decision_notifications', 'DecisionNotification', 'MEASURES', 'id', 'person_id'),
    ('appeals', 'Appeal', 'MEASURES', 'id', 'person_id'),
    ('measure_evaluations', 'MeasureEvaluation', 'MEASURES', 'id', 'person_id'),
    ('release_date_overrides', 'ReleaseDateOverride', 'RELEASE', 'id', 'person_id'),
    ('release_plans', 'DetentionEpisode', 'RELEASE', 'episode_id', 'person_id'),
    ('release_conditions', 'ReleaseCondition', 'RELEASE', 'id', 'person_id'),
    ('condition_breaches', 'ConditionBreach', 'RELEASE', 'id', 'person_id'),
    ('residences', 'Person', 'RELEASE', 'person_id', 'person_id'),
    ('case_responsibilities', 'Person', 'FOLLOW_UP', 'person_id', 'person_id'),
    ('follow_up_measures', 'FollowUpMeasure', 'FOLLOW_UP', 'id', 'person_id'),
    ('common_database_entries', 'CommonDatabaseEntry', 'FOLLOW_UP', 'id', 'person_id'),
    ('case_outcomes', 'CaseOutcome', 'FOLLOW_UP', 'id', 'person_id'),
    ('case_closures', 'CaseClosure', 'FOLLOW_UP', 'id', 'person_id'),
    ('meeting_discussions', 'MeetingDiscussion', 'FOLLOW_UP', 'id', 'person_id')
  ) AS v(table_name, entity_type, data_class, id_column, person_column) LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION app_record_change(%L, %L, %L, %L)',
      t.table_name || '_change_feed', t.table_name, t.entity_type, t.data_class, t.id_column, t.person_column);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The writer appends (no RETURNING, so no read is needed); readers see an event only where they
-- may read that class of that person's case, as every query does. An information report's event
-- also needs the report itself to be readable (its handling code can hide it from readers of the
-- class), so a removed report's events are no longer readable.
GRANT SELECT, INSERT ON change_events TO continuum_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE change_events_seq_seq TO continuum_app;
--> statement-breakpoint
ALTER TABLE change_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE change_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY change_events_owner ON change_events TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY change_events_append ON change_events FOR INSERT TO continuum_app WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY change_events_read ON change_events FOR SELECT TO continuum_app USING (
  app_class_visible(person_id, data_class)
  AND (entity_type <> 'InformationReport' OR EXISTS (SELECT 1 FROM information_reports r WHERE r.id = entity_id))
);
--> statement-breakpoint
-- Where the feed stands, whatever the reader may see (definer's rights: positions only, no data):
-- - horizon: the current snapshot's xmin. Every transaction below it has committed or rolled back,
--   so no event can still appear below it; the feed reads only below it.
-- - last: the last event below the horizon;
-- - window: the p_scan-th event after the reader's cursor (null when fewer follow). A call reads at
--   most up to it, so a reader who may see few events does not scan the whole outbox at once; the
--   cursor then moves to it, past the events the reader may not see.
CREATE OR REPLACE FUNCTION app_change_feed_settled(p_after_transaction bigint, p_after_seq bigint, p_scan integer)
RETURNS TABLE (horizon bigint, last_transaction_id bigint, last_seq bigint, window_transaction_id bigint, window_seq bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH h AS (SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS horizon)
  SELECT h.horizon, l.transaction_id, l.seq, w.transaction_id, w.seq
  FROM h
  LEFT JOIN LATERAL (
    SELECT c.transaction_id, c.seq FROM change_events c
    WHERE c.transaction_id < h.horizon
    ORDER BY c.transaction_id DESC, c.seq DESC LIMIT 1) l ON true
  LEFT JOIN LATERAL (
    SELECT c.transaction_id, c.seq FROM change_events c
    WHERE (c.transaction_id, c.seq) > (p_after_transaction, p_after_seq) AND c.transaction_id < h.horizon
    ORDER BY c.transaction_id, c.seq OFFSET greatest(p_scan, 1) - 1 LIMIT 1) w ON true
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_change_feed_settled(bigint, bigint, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_change_feed_settled(bigint, bigint, integer) TO continuum_app;
