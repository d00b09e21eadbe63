-- Figures for statisticians (docs/analytics.md): they read no case, yet their figures count every
-- case. The API runs those aggregate statements, and only those, as `continuum_statistics`: a role
-- that may select, on every row, only the columns that figures group and count by. It cannot read
-- a name, a reason, a note or a report; small counts are suppressed by the API before answering.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'continuum_statistics') THEN
    CREATE ROLE continuum_statistics NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
GRANT continuum_statistics TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT ON agencies, establishments, establishment_units, establishment_populations, measure_types
  TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (id, date_of_birth, sex, nationalities, language_community, returnee, failed_traveller)
  ON persons TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (person_id, category, labels, valid_from, valid_to) ON listing_periods TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (person_id, valid_from, valid_to) ON watchlist_entries TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (person_id, establishment_id, unit_id, valid_from, valid_to) ON placements TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (id, person_id, admitted_on, released_on, sentence_months, release_type,
  conditional_release_eligible_on, end_of_sentence_on) ON detention_episodes TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (episode_id, kind, date, created_at) ON release_date_overrides TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (id, person_id, provider_agency_id, enrolled_on, ended_on) ON programme_enrolments
  TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (enrolment_id, status, "on") ON programme_status_changes TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (id, person_id, evaluated_on, level, stage, created_at) ON disengagement_evaluations
  TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (id, person_id, measure_type_id, establishment_id, starts_on, ends_on, lifted_on, ended_on)
  ON security_measures TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (id, person_id, kind, measure_id, recommendation_outcome, decided_on, effective_on,
  next_review_on, created_at) ON decisions TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (decision_id, notified_on) ON decision_notifications TO continuum_statistics;
--> statement-breakpoint
GRANT SELECT (person_id, kind, occurred_on, created_at) ON case_outcomes TO continuum_statistics;
--> statement-breakpoint
DO $$
DECLARE
  counted text;
BEGIN
  FOREACH counted IN ARRAY ARRAY['persons', 'listing_periods', 'watchlist_entries', 'placements',
                                 'detention_episodes', 'release_date_overrides', 'programme_enrolments',
                                 'programme_status_changes', 'disengagement_evaluations',
                                 'security_measures', 'decisions', 'decision_notifications',
                                 'case_outcomes'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO continuum_statistics USING (true)',
      counted || '_statistics', counted);
  END LOOP;
END
$$;
