-- Retention after closure and the export of everything held on one person (docs/retention.md).
-- Both are the data-protection officer's (app.agency_kind DATA_PROTECTION, set by the API for the
-- officer and for the daily job that lists what is due), who otherwise reads no case: the reads and
-- the deletions go through the definer-rights functions below, each refusing anyone else.
-- A waiting item that is no longer due (the case was reopened) is dropped; retention_items' policy
-- already limits every statement to the officer.
GRANT DELETE ON retention_items TO continuum_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_require_data_protection() RETURNS void LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF coalesce(current_setting('app.agency_kind', true), '') <> 'DATA_PROTECTION' THEN
    RAISE EXCEPTION 'only the data-protection officer may do this' USING ERRCODE = '42501';
  END IF;
END
$$;
--> statement-breakpoint
-- The closed cases, for the daily job: who and since when, nothing else.
CREATE OR REPLACE FUNCTION app_retention_closed_cases() RETURNS TABLE (person_id uuid, closed_on date)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_require_data_protection();
  RETURN QUERY SELECT s.person_id, s.closed_on FROM person_case_summaries s WHERE s.closed_on IS NOT NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_retention_closed_cases() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_retention_closed_cases() TO continuum_app;
--> statement-breakpoint
-- The case reference and closure of the persons on the retention queue (the officer reads no case).
CREATE OR REPLACE FUNCTION app_retention_cases(p_ids uuid[])
RETURNS TABLE (person_id uuid, reference text, closed_on date)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM app_require_data_protection();
  RETURN QUERY SELECT p.id, p.reference, s.closed_on
    FROM persons p LEFT JOIN person_case_summaries s ON s.person_id = p.id
    WHERE p.id = ANY (p_ids) AND EXISTS (SELECT 1 FROM retention_items i WHERE i.person_id = p.id);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_retention_cases(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_retention_cases(uuid[]) TO continuum_app;
--> statement-breakpoint
-- What anonymisation leaves of a free-text field: a marker, keeping whether there was any text.
CREATE OR REPLACE FUNCTION app_retention_blank(p_text text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_text IS NULL THEN NULL ELSE '[anonymised]' END
$$;
--> statement-breakpoint
-- Deletes or anonymises one data class of one closed case and returns the rows affected. The tables
-- of each class are those its row-level security names (migrations 0004, 0007, 0012, 0014, 0018);
-- deletions run in foreign-key order, and citations of deleted reports and assessments (a
-- screening's sources, a recommendation's evidence) go with them. A record of another class that
-- still needs the rows (a screening or a release condition on a detention episode) makes the
-- deletion fail (foreign-key violation): that class is carried out first. Anonymisation replaces
-- free text, names, aliases and the day and month of birth; dates and codes stay for statistics.
-- The identity is never deleted, and neither is the closure, which keeps the case closed; the
-- audit trail is not touched.
CREATE OR REPLACE FUNCTION app_retention_carry_out(p_person uuid, p_class text, p_action text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  statements text[];
  stmt text;
  n integer;
  affected integer := 0;
BEGIN
  PERFORM app_require_data_protection();
  IF NOT EXISTS (SELECT 1 FROM person_case_summaries s WHERE s.person_id = p_person AND s.closed_on IS NOT NULL) THEN
    RAISE EXCEPTION 'the case is not closed' USING ERRCODE = '55000';
  END IF;
  statements := CASE p_class || '/' || p_action
    WHEN 'IDENTITY/ANONYMISE' THEN ARRAY[
      'UPDATE persons SET family_name = ''[anonymised]'', given_names = ''[anonymised]'', aliases = ''{}'',
         date_of_birth = date_trunc(''year'', date_of_birth)::date, sort_name = lower(reference),
         search_text = lower(reference), version = version + 1 WHERE id = $1']
    WHEN 'DETENTION/DELETE' THEN ARRAY[
      'DELETE FROM placements WHERE person_id = $1',
      'DELETE FROM detention_episodes WHERE person_id = $1']
    WHEN 'DETENTION/ANONYMISE' THEN ARRAY[
      'UPDATE placements SET reason = app_retention_blank(reason) WHERE person_id = $1']
    WHEN 'LISTING/DELETE' THEN ARRAY[
      'DELETE FROM screening_sources WHERE person_id = $1',
      'DELETE FROM listing_periods WHERE person_id = $1',
      'DELETE FROM screenings WHERE person_id = $1',
      'DELETE FROM screening_assignments WHERE person_id = $1']
    WHEN 'LISTING/ANONYMISE' THEN ARRAY[
      'UPDATE screenings SET rationale = app_retention_blank(rationale) WHERE person_id = $1']
    WHEN 'OBSERVATIONS/DELETE' THEN ARRAY[
      'DELETE FROM prison_incidents WHERE person_id = $1']
    WHEN 'OBSERVATIONS/ANONYMISE' THEN ARRAY[
      'UPDATE prison_incidents SET description = app_retention_blank(description) WHERE person_id = $1']
    WHEN 'INTELLIGENCE/DELETE' THEN ARRAY[
      'DELETE FROM watchlist_entries WHERE person_id = $1',
      'DELETE FROM disengagement_evaluations WHERE person_id = $1']
    WHEN 'INTELLIGENCE/ANONYMISE' THEN ARRAY[
      'UPDATE disengagement_evaluations SET rationale = app_retention_blank(rationale) WHERE person_id = $1']
    WHEN 'CLINICAL/DELETE' THEN ARRAY[
      'DELETE FROM recommendation_evidence WHERE assessment_id IN (SELECT id FROM risk_assessments WHERE person_id = $1)',
      'DELETE FROM risk_assessment_details WHERE person_id = $1',
      'DELETE FROM risk_assessment_ratings WHERE person_id = $1',
      'DELETE FROM risk_assessment_domain_summaries WHERE person_id = $1',
      'DELETE FROM risk_assessments WHERE person_id = $1']
    WHEN 'CLINICAL/ANONYMISE' THEN ARRAY[
      'UPDATE risk_assessment_details SET narrative = app_retention_blank(narrative) WHERE person_id = $1',
      'UPDATE risk_assessment_ratings SET not_rated_reason = app_retention_blank(not_rated_reason) WHERE person_id = $1',
      'UPDATE risk_assessment_domain_summaries SET summary = app_retention_blank(summary) WHERE person_id = $1']
    WHEN 'PROGRAMME/DELETE' THEN ARRAY[
      'DELETE FROM programme_contact_notes WHERE person_id = $1',
      'DELETE FROM programme_contacts WHERE person_id = $1',
      'DELETE FROM programme_status_changes WHERE person_id = $1',
      'DELETE FROM programme_enrolments WHERE person_id = $1']
    WHEN 'PROGRAMME/ANONYMISE' THEN ARRAY[
      'UPDATE programme_status_changes SET note = app_retention_blank(note) WHERE person_id = $1',
      'UPDATE programme_contact_notes SET note = app_retention_blank(note) WHERE person_id = $1']
    WHEN 'MEASURES/DELETE' THEN ARRAY[
      'DELETE FROM recommendation_evidence WHERE person_id = $1',
      'DELETE FROM appeals WHERE person_id = $1',
      'DELETE FROM decision_notifications WHERE person_id = $1',
      'DELETE FROM measure_evaluations WHERE person_id = $1',
      'DELETE FROM decisions WHERE person_id = $1',
      'DELETE FROM security_measures WHERE person_id = $1',
      'DELETE FROM recommendations WHERE person_id = $1']
    WHEN 'MEASURES/ANONYMISE' THEN ARRAY[
      'UPDATE recommendations SET terms = app_retention_blank(terms), rationale = app_retention_blank(rationale) WHERE person_id = $1',
      'UPDATE decisions SET reasons = app_retention_blank(reasons), terms = app_retention_blank(terms) WHERE person_id = $1',
      'UPDATE security_measures SET terms = app_retention_blank(terms), version = version + 1 WHERE person_id = $1',
      'UPDATE decision_notifications SET reasons_given = app_retention_blank(reasons_given) WHERE person_id = $1',
      'UPDATE appeals SET grounds = app_retention_blank(grounds), outcome_summary = app_retention_blank(outcome_summary),
         version = version + 1 WHERE person_id = $1',
      'UPDATE measure_evaluations SET summary = app_retention_blank(summary) WHERE person_id = $1']
    WHEN 'RELEASE/DELETE' THEN ARRAY[
      'DELETE FROM condition_breaches WHERE person_id = $1',
      'DELETE FROM release_conditions WHERE person_id = $1',
      'DELETE FROM release_date_overrides WHERE person_id = $1',
      'DELETE FROM release_plans WHERE person_id = $1',
      'DELETE FROM residences WHERE person_id = $1']
    WHEN 'RELEASE/ANONYMISE' THEN ARRAY[
      'UPDATE release_date_overrides SET reason = app_retention_blank(reason) WHERE person_id = $1',
      'UPDATE release_plans SET note = app_retention_blank(note), version = version + 1 WHERE person_id = $1',
      'UPDATE release_conditions SET details = app_retention_blank(details), lift_reason = app_retention_blank(lift_reason),
         version = version + 1 WHERE person_id = $1',
      'UPDATE condition_breaches SET description = app_retention_blank(description),
         response = app_retention_blank(response) WHERE person_id = $1',
      'UPDATE residences SET reason = app_retention_blank(reason) WHERE person_id = $1']
    WHEN 'FOLLOW_UP/DELETE' THEN ARRAY[
      'DELETE FROM follow_up_measures WHERE person_id = $1',
      'DELETE FROM meeting_discussions WHERE person_id = $1',
      'UPDATE action_items SET person_id = NULL, description = app_retention_blank(description),
         closing_note = app_retention_blank(closing_note), version = version + 1 WHERE person_id = $1',
      'DELETE FROM common_database_entries WHERE person_id = $1',
      'DELETE FROM case_outcomes WHERE person_id = $1',
      'DELETE FROM case_responsibilities WHERE person_id = $1',
      'UPDATE case_closures SET note = app_retention_blank(note) WHERE person_id = $1']
    WHEN 'FOLLOW_UP/ANONYMISE' THEN ARRAY[
      'UPDATE meeting_discussions SET decision = app_retention_blank(decision) WHERE person_id = $1',
      'UPDATE action_items SET description = app_retention_blank(description),
         closing_note = app_retention_blank(closing_note), version = version + 1 WHERE person_id = $1',
      'UPDATE common_database_entries SET end_reason = app_retention_blank(end_reason), version = version + 1
         WHERE person_id = $1',
      'UPDATE case_outcomes SET note = app_retention_blank(note) WHERE person_id = $1',
      'UPDATE case_responsibilities SET reason = app_retention_blank(reason) WHERE person_id = $1',
      'UPDATE case_closures SET note = app_retention_blank(note) WHERE person_id = $1']
  END;
  -- Information reports are OBSERVATIONS or INTELLIGENCE by their own data_class column.
  IF p_class IN ('OBSERVATIONS', 'INTELLIGENCE') THEN
    statements := statements || CASE p_action
      WHEN 'DELETE' THEN ARRAY[
        'DELETE FROM screening_sources WHERE report_id IN
           (SELECT id FROM information_reports WHERE person_id = $1 AND data_class = $2)',
        'DELETE FROM recommendation_evidence WHERE report_id IN
           (SELECT id FROM information_reports WHERE person_id = $1 AND data_class = $2)',
        'DELETE FROM information_report_links WHERE report_id IN
           (SELECT id FROM information_reports WHERE person_id = $1 AND data_class = $2)',
        'DELETE FROM information_reports WHERE person_id = $1 AND data_class = $2']
      ELSE ARRAY[
        'UPDATE information_reports SET title = app_retention_blank(title), body = app_retention_blank(body),
           source_details = app_retention_blank(source_details),
           handling_conditions = app_retention_blank(handling_conditions),
           correction_reason = app_retention_blank(correction_reason)
         WHERE person_id = $1 AND data_class = $2']
    END;
  END IF;
  IF statements IS NULL THEN
    RAISE EXCEPTION 'no retention action % for the class %', p_action, p_class USING ERRCODE = '22023';
  END IF;
  FOREACH stmt IN ARRAY statements LOOP
    EXECUTE stmt USING p_person, p_class;
    GET DIAGNOSTICS n = ROW_COUNT;
    affected := affected + n;
  END LOOP;
  RETURN affected;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_retention_carry_out(uuid, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_retention_carry_out(uuid, text, text) TO continuum_app;
--> statement-breakpoint
-- Everything held on one person, for an access request: one section per table and data class, each
-- the list of the person's rows (column names as keys), oldest first. Null for an unknown person.
CREATE OR REPLACE FUNCTION app_person_record_export(p_person uuid) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  part record;
  records jsonb;
  sections jsonb := '[]'::jsonb;
BEGIN
  PERFORM app_require_data_protection();
  IF NOT EXISTS (SELECT 1 FROM persons WHERE id = p_person) THEN
    RETURN NULL;
  END IF;
  FOR part IN SELECT * FROM (VALUES
    ('IDENTITY', 'person', 'persons', 'id', 'created_at', 'true'),
    ('DETENTION', 'detentionEpisodes', 'detention_episodes', 'person_id', 'admitted_on', 'true'),
    ('DETENTION', 'placements', 'placements', 'person_id', 'valid_from', 'true'),
    ('LISTING', 'listingPeriods', 'listing_periods', 'person_id', 'valid_from', 'true'),
    ('LISTING', 'screenings', 'screenings', 'person_id', 'screened_on', 'true'),
    ('LISTING', 'screeningSources', 'screening_sources', 'person_id', 'screening_id', 'true'),
    ('LISTING', 'screeningAssignments', 'screening_assignments', 'person_id', 'assigned_at', 'true'),
    ('OBSERVATIONS', 'informationReports', 'information_reports', 'person_id', 'observed_on',
     't.data_class = ''OBSERVATIONS'''),
    ('OBSERVATIONS', 'informationReportLinks', 'information_report_links', 'person_id', 'report_id',
     't.report_id IN (SELECT r.id FROM information_reports r WHERE r.person_id = $1 AND r.data_class = ''OBSERVATIONS'')'),
    ('OBSERVATIONS', 'prisonIncidents', 'prison_incidents', 'person_id', 'occurred_on', 'true'),
    ('INTELLIGENCE', 'informationReports', 'information_reports', 'person_id', 'observed_on',
     't.data_class = ''INTELLIGENCE'''),
    ('INTELLIGENCE', 'informationReportLinks', 'information_report_links', 'person_id', 'report_id',
     't.report_id IN (SELECT r.id FROM information_reports r WHERE r.person_id = $1 AND r.data_class = ''INTELLIGENCE'')'),
    ('INTELLIGENCE', 'watchlistEntries', 'watchlist_entries', 'person_id', 'valid_from', 'true'),
    ('INTELLIGENCE', 'disengagementEvaluations', 'disengagement_evaluations', 'person_id', 'evaluated_on', 'true'),
    ('CLINICAL', 'riskAssessments', 'risk_assessments', 'person_id', 'assessed_on', 'true'),
    ('CLINICAL', 'riskAssessmentDetails', 'risk_assessment_details', 'person_id', 'assessment_id', 'true'),
    ('CLINICAL', 'riskAssessmentRatings', 'risk_assessment_ratings', 'person_id', 'assessment_id', 'true'),
    ('CLINICAL', 'riskAssessmentDomainSummaries', 'risk_assessment_domain_summaries', 'person_id', 'assessment_id',
     'true'),
    ('PROGRAMME', 'programmeEnrolments', 'programme_enrolments', 'person_id', 'enrolled_on', 'true'),
    ('PROGRAMME', 'programmeStatusChanges', 'programme_status_changes', 'person_id', 'on', 'true'),
    ('PROGRAMME', 'programmeContacts', 'programme_contacts', 'person_id', 'contacted_on', 'true'),
    ('PROGRAMME', 'programmeContactNotes', 'programme_contact_notes', 'person_id', 'contact_id', 'true'),
    ('MEASURES', 'recommendations', 'recommendations', 'person_id', 'recommended_on', 'true'),
    ('MEASURES', 'recommendationEvidence', 'recommendation_evidence', 'person_id', 'recommendation_id', 'true'),
    ('MEASURES', 'decisions', 'decisions', 'person_id', 'decided_on', 'true'),
    ('MEASURES', 'securityMeasures', 'security_measures', 'person_id', 'starts_on', 'true'),
    ('MEASURES', 'decisionNotifications', 'decision_notifications', 'person_id', 'notified_on', 'true'),
    ('MEASURES', 'appeals', 'appeals', 'person_id', 'lodged_on', 'true'),
    ('MEASURES', 'measureEvaluations', 'measure_evaluations', 'person_id', 'evaluated_on', 'true'),
    ('RELEASE', 'releaseDateOverrides', 'release_date_overrides', 'person_id', 'created_at', 'true'),
    ('RELEASE', 'releasePlans', 'release_plans', 'person_id', 'created_at', 'true'),
    ('RELEASE', 'releaseConditions', 'release_conditions', 'person_id', 'created_at', 'true'),
    ('RELEASE', 'conditionBreaches', 'condition_breaches', 'person_id', 'occurred_on', 'true'),
    ('RELEASE', 'residences', 'residences', 'person_id', 'valid_from', 'true'),
    ('FOLLOW_UP', 'caseResponsibilities', 'case_responsibilities', 'person_id', 'valid_from', 'true'),
    ('FOLLOW_UP', 'meetingDiscussions', 'meeting_discussions', 'person_id', 'created_at', 'true'),
    ('FOLLOW_UP', 'actionItems', 'action_items', 'person_id', 'due_on', 'true'),
    ('FOLLOW_UP', 'followUpMeasures', 'follow_up_measures', 'person_id', 'started_on', 'true'),
    ('FOLLOW_UP', 'commonDatabaseEntries', 'common_database_entries', 'person_id', 'valid_from', 'true'),
    ('FOLLOW_UP', 'caseOutcomes', 'case_outcomes', 'person_id', 'occurred_on', 'true'),
    ('FOLLOW_UP', 'caseClosures', 'case_closures', 'person_id', 'closed_on', 'true')
  ) AS v(data_class, section, table_name, person_column, order_key, filter) LOOP
    -- sort_name and search_text are derived from the names for searching: nothing of their own.
    EXECUTE format(
      'SELECT coalesce(jsonb_agg(to_jsonb(t) - ''sort_name'' - ''search_text''
                                 ORDER BY to_jsonb(t) ->> %L, to_jsonb(t)::text), ''[]'')
       FROM %I t WHERE t.%I = $1 AND %s',
      part.order_key, part.table_name, part.person_column, part.filter)
    INTO records USING p_person;
    sections := sections || jsonb_build_array(
      jsonb_build_object('dataClass', part.data_class, 'section', part.section, 'records', records));
  END LOOP;
  RETURN jsonb_build_object('sections', sections);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_person_record_export(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_person_record_export(uuid) TO continuum_app;
