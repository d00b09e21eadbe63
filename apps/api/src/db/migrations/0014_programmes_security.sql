-- Row-level security for programmes, disengagement evaluations and incidents (docs/access.md):
-- a participation, its statuses and its contacts are PROGRAMME data (CelEx and probation read them
-- in summary); the notes of contacts are programme detail, for the provider; evaluations are
-- INTELLIGENCE; incidents in prison are OBSERVATIONS.
UPDATE programme_enrolments SET status = 'DISCONTINUED' WHERE ended_on IS NOT NULL;
--> statement-breakpoint
GRANT SELECT, INSERT ON programme_status_changes, programme_contacts, programme_contact_notes,
  disengagement_evaluations, prison_incidents TO continuum_app;
--> statement-breakpoint
DO $$
DECLARE
  protected record;
BEGIN
  FOR protected IN SELECT * FROM (VALUES
    ('programme_status_changes', 'app_class_visible(person_id, ''PROGRAMME'')'),
    ('programme_contacts', 'app_class_visible(person_id, ''PROGRAMME'')'),
    ('programme_contact_notes', 'app_class_detail_visible(person_id, ''PROGRAMME'')'),
    ('disengagement_evaluations', 'app_class_visible(person_id, ''INTELLIGENCE'')'),
    ('prison_incidents', 'app_class_visible(person_id, ''OBSERVATIONS'')')
  ) AS t(table_name, visible) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)',
      protected.table_name || '_owner', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO continuum_app USING (%s)',
      protected.table_name || '_read', protected.table_name, protected.visible);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO continuum_app WITH CHECK (%s)',
      protected.table_name || '_insert', protected.table_name, protected.visible);
  END LOOP;
END
$$;
