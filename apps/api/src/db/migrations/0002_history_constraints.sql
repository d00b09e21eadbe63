-- History never overlaps itself: for one person, detention episodes, placements and listing
-- periods are disjoint half-open date ranges [from, to). Drizzle cannot express exclusion
-- constraints, so they live here; the services check the same rules first to give clear errors.
ALTER TABLE "detention_episodes" ADD CONSTRAINT "detention_episodes_no_overlap"
  EXCLUDE USING gist ("person_id" WITH =, daterange("admitted_on", "released_on") WITH &&);
--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_no_overlap"
  EXCLUDE USING gist ("person_id" WITH =, daterange("valid_from", "valid_to") WITH &&);
--> statement-breakpoint
ALTER TABLE "listing_periods" ADD CONSTRAINT "listing_periods_no_overlap"
  EXCLUDE USING gist ("person_id" WITH =, daterange("valid_from", "valid_to") WITH &&);
