-- Grants and row-level security for import jobs and external references.
-- A job, its lines and the external references it wrote belong to the agency that imported them:
-- nobody else sees them (not even whether they exist). The owner (migrations, start-up clean-up)
-- keeps full access. Lines and references are deleted only by the owner and by retention.
GRANT SELECT, INSERT, UPDATE ON import_jobs, import_job_lines, external_references TO continuum_app;
--> statement-breakpoint
DO $$
DECLARE
  protected record;
BEGIN
  FOR protected IN SELECT * FROM (VALUES
    ('import_jobs', 'agency_id::text = current_setting(''app.agency_id'', true)'),
    ('import_job_lines', 'EXISTS (SELECT 1 FROM import_jobs j WHERE j.id = import_job_lines.job_id
       AND j.agency_id::text = current_setting(''app.agency_id'', true))'),
    ('external_references', 'agency_id::text = current_setting(''app.agency_id'', true)')
  ) AS t(table_name, visible) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I TO CURRENT_USER USING (true) WITH CHECK (true)',
      protected.table_name || '_owner', protected.table_name);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO continuum_app USING (%s)',
      protected.table_name || '_read', protected.table_name, protected.visible);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO continuum_app WITH CHECK (%s)',
      protected.table_name || '_insert', protected.table_name, protected.visible);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO continuum_app USING (%s) WITH CHECK (%s)',
      protected.table_name || '_update', protected.table_name, protected.visible, protected.visible);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Retention: an external reference names a record (and, for a person, is itself an identifier of
-- that person). When retention deletes the records, or anonymises the identity, their references
-- go too, whatever agency wrote them: a later re-import then creates afresh instead of pointing at
-- nothing. Definer's rights, as the retention function itself (the data-protection officer sees
-- no agency's references).
CREATE OR REPLACE FUNCTION app_forget_external_references() RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_TABLE_NAME = 'persons' AND TG_OP = 'DELETE' THEN
    DELETE FROM external_references WHERE person_id = OLD.id;
  ELSIF TG_TABLE_NAME = 'persons' THEN
    DELETE FROM external_references WHERE person_id = OLD.id AND record_type = 'PERSON';
  ELSIF TG_TABLE_NAME = 'detention_episodes' THEN
    DELETE FROM external_references WHERE record_id = OLD.id AND record_type = 'DETENTION_EPISODE';
  ELSIF TG_TABLE_NAME = 'placements' THEN
    DELETE FROM external_references WHERE record_id = OLD.id AND record_type = 'PLACEMENT';
  ELSIF TG_TABLE_NAME = 'information_reports' THEN
    DELETE FROM external_references WHERE record_id = OLD.lineage_id AND record_type = 'INFORMATION_REPORT';
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_forget_external_references() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER detention_episodes_forget_references AFTER DELETE ON detention_episodes
  FOR EACH ROW EXECUTE FUNCTION app_forget_external_references();
--> statement-breakpoint
CREATE TRIGGER placements_forget_references AFTER DELETE ON placements
  FOR EACH ROW EXECUTE FUNCTION app_forget_external_references();
--> statement-breakpoint
CREATE TRIGGER information_reports_forget_references AFTER DELETE ON information_reports
  FOR EACH ROW EXECUTE FUNCTION app_forget_external_references();
--> statement-breakpoint
-- Persons are never deleted by retention, but a deletion by the owner must not be blocked either.
CREATE TRIGGER persons_forget_references BEFORE DELETE ON persons
  FOR EACH ROW EXECUTE FUNCTION app_forget_external_references();
--> statement-breakpoint
-- Anonymisation (app_retention_carry_out, IDENTITY/ANONYMISE) replaces the names: the integrators'
-- identifiers of the person go with them.
CREATE TRIGGER persons_anonymised_forget_references AFTER UPDATE OF family_name ON persons
  FOR EACH ROW WHEN (NEW.family_name = '[anonymised]' AND OLD.family_name IS DISTINCT FROM NEW.family_name)
  EXECUTE FUNCTION app_forget_external_references();
