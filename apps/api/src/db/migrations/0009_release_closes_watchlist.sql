-- A release ends the person's entry on the intelligence service's list of inmates. Whoever records
-- the release (prison staff, CelEx) may not read intelligence data, so the entry is closed by a
-- definer-rights function that changes that one row and tells nothing back.
CREATE OR REPLACE FUNCTION app_close_watchlist_entry(p_person uuid, p_on date) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  UPDATE watchlist_entries SET valid_to = p_on
  WHERE person_id = p_person AND valid_to IS NULL AND valid_from < p_on
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_close_watchlist_entry(uuid, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_close_watchlist_entry(uuid, date) TO continuum_app;
