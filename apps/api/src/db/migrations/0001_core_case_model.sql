CREATE SEQUENCE "public"."person_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 5000 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text NOT NULL,
	"actor_user_id" uuid,
	"actor_token_id" uuid,
	"agency_id" uuid,
	"operation" text NOT NULL,
	"person_id" uuid,
	"data_classes" text[] NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"scopes" text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "api_tokens_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "api_tokens_scopes_check" CHECK ("api_tokens"."scopes" <@ array['READ', 'WRITE']::text[])
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"establishment_id" uuid,
	"judicial_district" text,
	"municipality" text,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "agencies_code_unique" UNIQUE("code"),
	CONSTRAINT "agencies_kind_check" CHECK ("agencies"."kind" in ('CELEX', 'DG_EPI', 'PRISON', 'PSYCHOSOCIAL_SERVICE', 'INTELLIGENCE', 'POLICE', 'PROSECUTOR', 'THREAT_ANALYSIS', 'DISENGAGEMENT_SERVICE', 'PROBATION', 'LOCAL_TASK_FORCE', 'LOCAL_CELL', 'OVERSIGHT', 'DATA_PROTECTION', 'PLATFORM')),
	CONSTRAINT "agencies_judicial_district_check" CHECK ("agencies"."judicial_district" in ('ANTWERP', 'LIMBURG', 'EAST_FLANDERS', 'WEST_FLANDERS', 'LEUVEN', 'BRUSSELS', 'WALLOON_BRABANT', 'HAINAUT', 'LIEGE', 'NAMUR', 'LUXEMBOURG', 'EUPEN'))
);
--> statement-breakpoint
CREATE TABLE "detention_episodes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"admitted_on" date NOT NULL,
	"legal_status" text NOT NULL,
	"sentence_months" integer,
	"conditional_release_eligible_on" date,
	"end_of_sentence_on" date,
	"released_on" date,
	"release_type" text,
	"release_municipality" text,
	"release_judicial_district" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "detention_episodes_legal_status_check" CHECK ("detention_episodes"."legal_status" in ('PREVENTIVE_DETENTION', 'SENTENCED', 'INTERNED')),
	CONSTRAINT "detention_episodes_release_type_check" CHECK ("detention_episodes"."release_type" in ('END_OF_SENTENCE', 'CONDITIONAL_RELEASE', 'END_OF_PREVENTIVE_DETENTION', 'ELECTRONIC_MONITORING', 'TRANSFER_ABROAD', 'DEATH_IN_CUSTODY')),
	CONSTRAINT "detention_episodes_release_district_check" CHECK ("detention_episodes"."release_judicial_district" in ('ANTWERP', 'LIMBURG', 'EAST_FLANDERS', 'WEST_FLANDERS', 'LEUVEN', 'BRUSSELS', 'WALLOON_BRABANT', 'HAINAUT', 'LIEGE', 'NAMUR', 'LUXEMBOURG', 'EUPEN')),
	CONSTRAINT "detention_episodes_release_after_admission" CHECK ("detention_episodes"."released_on" is null or "detention_episodes"."released_on" >= "detention_episodes"."admitted_on"),
	CONSTRAINT "detention_episodes_release_complete" CHECK (("detention_episodes"."released_on" is null) = ("detention_episodes"."release_type" is null))
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"unit_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "placements_valid_interval" CHECK ("placements"."valid_to" is null or "placements"."valid_to" > "placements"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "establishment_populations" (
	"establishment_id" uuid NOT NULL,
	"on" date NOT NULL,
	"population" integer NOT NULL,
	"women_population" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "establishment_populations_establishment_id_on_pk" PRIMARY KEY("establishment_id","on")
);
--> statement-breakpoint
CREATE TABLE "establishment_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"establishment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"capacity" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "establishment_units_code_unique" UNIQUE("establishment_id","code"),
	CONSTRAINT "establishment_units_kind_check" CHECK ("establishment_units"."kind" in ('ORDINARY', 'DRADEX', 'WOMEN', 'HIGH_SECURITY', 'PSYCHIATRIC'))
);
--> statement-breakpoint
CREATE TABLE "establishments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_nl" text NOT NULL,
	"city" text NOT NULL,
	"judicial_district" text NOT NULL,
	"capacity" integer NOT NULL,
	"holds_women" boolean DEFAULT false NOT NULL,
	"opened_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "establishments_code_unique" UNIQUE("code"),
	CONSTRAINT "establishments_judicial_district_check" CHECK ("establishments"."judicial_district" in ('ANTWERP', 'LIMBURG', 'EAST_FLANDERS', 'WEST_FLANDERS', 'LEUVEN', 'BRUSSELS', 'WALLOON_BRABANT', 'HAINAUT', 'LIEGE', 'NAMUR', 'LUXEMBOURG', 'EUPEN'))
);
--> statement-breakpoint
CREATE TABLE "person_case_summaries" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"detention_status" text NOT NULL,
	"current_episode_id" uuid,
	"admitted_on" date,
	"establishment_id" uuid,
	"unit_id" uuid,
	"category" text,
	"labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"category_since" date,
	"last_screened_on" date,
	"next_screening_due_on" date,
	"released_on" date,
	"release_judicial_district" text,
	"release_municipality" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_case_summaries_status_check" CHECK ("person_case_summaries"."detention_status" in ('DETAINED', 'RELEASED', 'NOT_DETAINED')),
	CONSTRAINT "person_case_summaries_category_check" CHECK ("person_case_summaries"."category" in ('A', 'B', 'C', 'D', 'E'))
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"family_name" text NOT NULL,
	"given_names" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" text NOT NULL,
	"nationalities" text[] NOT NULL,
	"language_community" text NOT NULL,
	"returnee" boolean DEFAULT false NOT NULL,
	"failed_traveller" boolean DEFAULT false NOT NULL,
	"ideology" text,
	"sort_name" text NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "persons_reference_unique" UNIQUE("reference"),
	CONSTRAINT "persons_sex_check" CHECK ("persons"."sex" in ('FEMALE', 'MALE', 'OTHER')),
	CONSTRAINT "persons_language_community_check" CHECK ("persons"."language_community" in ('FR', 'NL', 'DE')),
	CONSTRAINT "persons_ideology_check" CHECK ("persons"."ideology" in ('JIHADIST', 'FAR_RIGHT', 'FAR_LEFT', 'OTHER'))
);
--> statement-breakpoint
CREATE TABLE "listing_periods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"labels" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"screening_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "listing_periods_category_check" CHECK ("listing_periods"."category" in ('A', 'B', 'C', 'D', 'E')),
	CONSTRAINT "listing_periods_labels_check" CHECK ("listing_periods"."labels" <@ array['TERRORIST_CONVICT', 'FOREIGN_FIGHTER', 'HOMEGROWN_FIGHTER', 'HATE_PREACHER', 'RADICALISED', 'ASSIMILATED']::text[]),
	CONSTRAINT "listing_periods_valid_interval" CHECK ("listing_periods"."valid_to" is null or "listing_periods"."valid_to" > "listing_periods"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"screened_on" date NOT NULL,
	"outcome" text NOT NULL,
	"category" text,
	"labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"sources" text[] NOT NULL,
	"rationale" text NOT NULL,
	"next_due_on" date,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "screenings_outcome_check" CHECK ("screenings"."outcome" in ('NOT_LISTED', 'LISTED', 'MAINTAINED', 'CHANGED', 'DELISTED')),
	CONSTRAINT "screenings_category_check" CHECK ("screenings"."category" in ('A', 'B', 'C', 'D', 'E')),
	CONSTRAINT "screenings_labels_check" CHECK ("screenings"."labels" <@ array['TERRORIST_CONVICT', 'FOREIGN_FIGHTER', 'HOMEGROWN_FIGHTER', 'HATE_PREACHER', 'RADICALISED', 'ASSIMILATED']::text[]),
	CONSTRAINT "screenings_sources_check" CHECK ("screenings"."sources" <@ array['PRISON_STAFF', 'PSYCHOSOCIAL_SERVICE', 'INTELLIGENCE', 'POLICE', 'PROSECUTOR']::text[])
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"language" text DEFAULT 'EN' NOT NULL,
	"password_hash" text,
	"is_service_account" boolean DEFAULT false NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_roles_check" CHECK ("users"."roles" <@ array['ANALYST', 'DIRECTOR', 'OFFICER', 'PSYCHOLOGIST', 'COUNSELLOR', 'MEMBER', 'CHAIR', 'REVIEWER', 'STATISTICIAN', 'ADMIN']::text[]),
	CONSTRAINT "users_language_check" CHECK ("users"."language" in ('EN', 'FR', 'NL'))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detention_episodes" ADD CONSTRAINT "detention_episodes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_episode_id_detention_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."detention_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_unit_id_establishment_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."establishment_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_populations" ADD CONSTRAINT "establishment_populations_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishment_units" ADD CONSTRAINT "establishment_units_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_case_summaries" ADD CONSTRAINT "person_case_summaries_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_case_summaries" ADD CONSTRAINT "person_case_summaries_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_case_summaries" ADD CONSTRAINT "person_case_summaries_unit_id_establishment_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."establishment_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_periods" ADD CONSTRAINT "listing_periods_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_periods" ADD CONSTRAINT "listing_periods_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_episode_id_detention_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."detention_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_person_idx" ON "audit_events" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","attempted_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","attempted_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "detention_episodes_one_open_idx" ON "detention_episodes" USING btree ("person_id") WHERE "detention_episodes"."released_on" is null;--> statement-breakpoint
CREATE INDEX "detention_episodes_person_idx" ON "detention_episodes" USING btree ("person_id","admitted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_one_open_idx" ON "placements" USING btree ("person_id") WHERE "placements"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "placements_person_idx" ON "placements" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "placements_establishment_idx" ON "placements" USING btree ("establishment_id","valid_from");--> statement-breakpoint
CREATE INDEX "placements_unit_idx" ON "placements" USING btree ("unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "person_case_summaries_establishment_idx" ON "person_case_summaries" USING btree ("establishment_id");--> statement-breakpoint
CREATE INDEX "person_case_summaries_category_idx" ON "person_case_summaries" USING btree ("category");--> statement-breakpoint
CREATE INDEX "person_case_summaries_due_idx" ON "person_case_summaries" USING btree ("next_screening_due_on");--> statement-breakpoint
CREATE INDEX "person_case_summaries_release_district_idx" ON "person_case_summaries" USING btree ("release_judicial_district");--> statement-breakpoint
CREATE INDEX "person_case_summaries_release_municipality_idx" ON "person_case_summaries" USING btree ("release_municipality");--> statement-breakpoint
CREATE INDEX "persons_sort_name_idx" ON "persons" USING btree ("sort_name" collate "C","id");--> statement-breakpoint
CREATE INDEX "persons_search_text_trgm_idx" ON "persons" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "listing_periods_one_open_idx" ON "listing_periods" USING btree ("person_id") WHERE "listing_periods"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "listing_periods_person_idx" ON "listing_periods" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "listing_periods_valid_idx" ON "listing_periods" USING btree ("valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "screenings_person_idx" ON "screenings" USING btree ("person_id","screened_on");