-- A person is put on a planned meeting's agenda before the meeting decides: the decision is
-- written onto that agenda item afterwards, by the holding body only (whose meetings
-- local_meetings' policy shows), and only once.
GRANT UPDATE (decision) ON meeting_discussions TO continuum_app;
--> statement-breakpoint
CREATE POLICY meeting_discussions_decide ON meeting_discussions FOR UPDATE TO continuum_app
  USING (decision IS NULL AND EXISTS (SELECT 1 FROM local_meetings m WHERE m.id = meeting_id))
  WITH CHECK (EXISTS (SELECT 1 FROM local_meetings m WHERE m.id = meeting_id));
