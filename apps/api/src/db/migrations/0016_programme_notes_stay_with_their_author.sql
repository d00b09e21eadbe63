-- A provider's contact notes are read by that provider only, not by a provider enrolled later
-- (the API refuses them with FORBIDDEN; row-level security withholds them underneath).
DROP POLICY programme_contact_notes_read ON programme_contact_notes;
--> statement-breakpoint
CREATE POLICY programme_contact_notes_read ON programme_contact_notes FOR SELECT TO continuum_app USING (
  app_class_detail_visible(person_id, 'PROGRAMME')
  AND EXISTS (SELECT 1 FROM programme_contacts c
              WHERE c.id = contact_id AND c.agency_id::text = current_setting('app.agency_id', true))
);
