CREATE TABLE "assessment_instruments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" text NOT NULL,
	"name" text NOT NULL,
	"rating_scale" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "assessment_instruments_version_unique" UNIQUE("code","version")
);
--> statement-breakpoint
CREATE TABLE "instrument_domains" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instrument_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "instrument_domains_code_unique" UNIQUE("instrument_id","code")
);
--> statement-breakpoint
CREATE TABLE "instrument_indicator_texts" (
	"indicator_id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "instrument_indicators" (
	"id" uuid PRIMARY KEY NOT NULL,
	"domain_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "instrument_indicators_code_unique" UNIQUE("domain_id","code")
);
--> statement-breakpoint
CREATE TABLE "risk_assessment_details" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"narrative" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessment_domain_summaries" (
	"assessment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"summary" text NOT NULL,
	CONSTRAINT "risk_assessment_domain_summaries_assessment_id_domain_id_pk" PRIMARY KEY("assessment_id","domain_id")
);
--> statement-breakpoint
CREATE TABLE "risk_assessment_ratings" (
	"assessment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"rating" text NOT NULL,
	"not_rated_reason" text,
	CONSTRAINT "risk_assessment_ratings_assessment_id_indicator_id_pk" PRIMARY KEY("assessment_id","indicator_id"),
	CONSTRAINT "risk_assessment_ratings_rating_check" CHECK ("risk_assessment_ratings"."rating" in ('PRESENT', 'PARTLY_PRESENT', 'ABSENT', 'NOT_RATED'))
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"instrument_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"final_judgement" text NOT NULL,
	"next_review_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "risk_assessments_judgement_check" CHECK ("risk_assessments"."final_judgement" in ('LOW', 'MODERATE', 'HIGH'))
);
--> statement-breakpoint
CREATE TABLE "information_report_links" (
	"report_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"linked_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "information_report_links_report_id_linked_person_id_pk" PRIMARY KEY("report_id","linked_person_id"),
	CONSTRAINT "information_report_links_kind_check" CHECK ("information_report_links"."kind" in ('CONTACT', 'CO_DEFENDANT', 'VISITOR', 'OTHER'))
);
--> statement-breakpoint
CREATE TABLE "information_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lineage_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"establishment_id" uuid,
	"originator_agency_id" uuid NOT NULL,
	"addressed_to_agency_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"source_details" text,
	"source_reliability" text NOT NULL,
	"information_credibility" text NOT NULL,
	"classification" text NOT NULL,
	"handling_code" text NOT NULL,
	"handling_conditions" text,
	"data_class" text NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"indicator_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"correction_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "information_reports_version_unique" UNIQUE("lineage_id","version"),
	CONSTRAINT "information_reports_reliability_check" CHECK ("information_reports"."source_reliability" in ('A', 'B', 'C', 'D', 'E', 'F')),
	CONSTRAINT "information_reports_credibility_check" CHECK ("information_reports"."information_credibility" in ('1', '2', '3', '4', '5', '6')),
	CONSTRAINT "information_reports_classification_check" CHECK ("information_reports"."classification" in ('UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET')),
	CONSTRAINT "information_reports_handling_check" CHECK ("information_reports"."handling_code" in ('SHARE_LAW_ENFORCEMENT', 'SHARE_WITH_CONDITIONS', 'ORIGINATOR_ONLY', 'NO_FURTHER_DISSEMINATION')),
	CONSTRAINT "information_reports_class_check" CHECK ("information_reports"."data_class" in ('OBSERVATIONS', 'INTELLIGENCE'))
);
--> statement-breakpoint
CREATE TABLE "observation_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_nl" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "screening_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" uuid
);
--> statement-breakpoint
CREATE TABLE "screening_sources" (
	"screening_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	CONSTRAINT "screening_sources_screening_id_report_id_pk" PRIMARY KEY("screening_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "watchlist_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "watchlist_entries_status_check" CHECK ("watchlist_entries"."status" in ('RADICALISED', 'VULNERABLE')),
	CONSTRAINT "watchlist_entries_valid_interval" CHECK ("watchlist_entries"."valid_to" is null or "watchlist_entries"."valid_to" > "watchlist_entries"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "instrument_domains" ADD CONSTRAINT "instrument_domains_instrument_id_assessment_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."assessment_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_indicator_texts" ADD CONSTRAINT "instrument_indicator_texts_indicator_id_instrument_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."instrument_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_indicators" ADD CONSTRAINT "instrument_indicators_domain_id_instrument_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."instrument_domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_details" ADD CONSTRAINT "risk_assessment_details_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_details" ADD CONSTRAINT "risk_assessment_details_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_domain_summaries" ADD CONSTRAINT "risk_assessment_domain_summaries_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_domain_summaries" ADD CONSTRAINT "risk_assessment_domain_summaries_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_domain_summaries" ADD CONSTRAINT "risk_assessment_domain_summaries_domain_id_instrument_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."instrument_domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_ratings" ADD CONSTRAINT "risk_assessment_ratings_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_ratings" ADD CONSTRAINT "risk_assessment_ratings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_ratings" ADD CONSTRAINT "risk_assessment_ratings_indicator_id_instrument_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."instrument_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_instrument_id_assessment_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."assessment_instruments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_report_links" ADD CONSTRAINT "information_report_links_report_id_information_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."information_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_report_links" ADD CONSTRAINT "information_report_links_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_report_links" ADD CONSTRAINT "information_report_links_linked_person_id_persons_id_fk" FOREIGN KEY ("linked_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_reports" ADD CONSTRAINT "information_reports_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_reports" ADD CONSTRAINT "information_reports_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_reports" ADD CONSTRAINT "information_reports_originator_agency_id_agencies_id_fk" FOREIGN KEY ("originator_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_reports" ADD CONSTRAINT "information_reports_addressed_to_agency_id_agencies_id_fk" FOREIGN KEY ("addressed_to_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_assignments" ADD CONSTRAINT "screening_assignments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_assignments" ADD CONSTRAINT "screening_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_assignments" ADD CONSTRAINT "screening_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_sources" ADD CONSTRAINT "screening_sources_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_sources" ADD CONSTRAINT "screening_sources_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_sources" ADD CONSTRAINT "screening_sources_report_id_information_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."information_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD CONSTRAINT "watchlist_entries_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "watchlist_entries" ADD CONSTRAINT "watchlist_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_assessments_person_idx" ON "risk_assessments" USING btree ("person_id","assessed_on");--> statement-breakpoint
CREATE INDEX "information_reports_person_idx" ON "information_reports" USING btree ("person_id","observed_on");--> statement-breakpoint
CREATE INDEX "information_reports_created_idx" ON "information_reports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "screening_assignments_person_idx" ON "screening_assignments" USING btree ("person_id","assigned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "watchlist_entries_one_open_idx" ON "watchlist_entries" USING btree ("person_id") WHERE "watchlist_entries"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "watchlist_entries_valid_idx" ON "watchlist_entries" USING btree ("valid_from","valid_to");