CREATE TABLE "analytics_listing_changes" (
	"dimension" text NOT NULL,
	"stage" text NOT NULL,
	"key" text NOT NULL,
	"day" date NOT NULL,
	"change" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_listing_spans" (
	"person_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"category" text,
	"labels" text[] NOT NULL,
	"establishment_id" uuid,
	"sex" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"nationality_group" text NOT NULL,
	"language_community" text NOT NULL,
	"returnee" boolean NOT NULL,
	"failed_traveller" boolean NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_listing_spans_person_idx" ON "analytics_listing_spans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "analytics_listing_changes_cell_idx" ON "analytics_listing_changes" USING btree ("dimension","stage","key","day");