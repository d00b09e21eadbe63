CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"person_id" uuid,
	"description" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"closed_on" date,
	"closing_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_items_status_check" CHECK ("action_items"."status" in ('OPEN', 'DONE', 'CANCELLED')),
	CONSTRAINT "action_items_closed_complete" CHECK (("action_items"."status" = 'OPEN') = ("action_items"."closed_on" is null))
);
--> statement-breakpoint
CREATE TABLE "case_closures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"closed_on" date NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "case_closures_reason_check" CHECK ("case_closures"."reason" in ('FOLLOW_UP_ENDED', 'DIED', 'MOVED_ABROAD', 'OTHER'))
);
--> statement-breakpoint
CREATE TABLE "case_outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "case_outcomes_kind_check" CHECK ("case_outcomes"."kind" in ('REOFFENDED_TERRORIST', 'REOFFENDED_OTHER', 'RETURNED_TO_PRISON', 'DIED', 'MOVED_ABROAD'))
);
--> statement-breakpoint
CREATE TABLE "case_responsibilities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "case_responsibilities_kind_check" CHECK ("case_responsibilities"."kind" in ('SECURITY', 'SOCIO_PREVENTIVE')),
	CONSTRAINT "case_responsibilities_valid_interval" CHECK ("case_responsibilities"."valid_to" is null or "case_responsibilities"."valid_to" >= "case_responsibilities"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "common_database_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"threat_level" integer NOT NULL,
	"basis" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"last_information_on" date NOT NULL,
	"end_reason" text,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "common_database_entries_category_check" CHECK ("common_database_entries"."category" in ('FOREIGN_TERRORIST_FIGHTER', 'HOMEGROWN_TERRORIST_FIGHTER', 'TERRORIST_CONVICT', 'HATE_PROPAGANDIST', 'POTENTIALLY_VIOLENT_EXTREMIST')),
	CONSTRAINT "common_database_entries_basis_check" CHECK ("common_database_entries"."basis" in ('ESTABLISHED', 'SERIOUS_INDICATIONS')),
	CONSTRAINT "common_database_entries_threat_level" CHECK ("common_database_entries"."threat_level" between 1 and 4),
	CONSTRAINT "common_database_entries_valid_interval" CHECK ("common_database_entries"."valid_to" is null or "common_database_entries"."valid_to" > "common_database_entries"."valid_from"),
	CONSTRAINT "common_database_entries_end_complete" CHECK (("common_database_entries"."valid_to" is null) = ("common_database_entries"."end_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "follow_up_measure_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"body" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_nl" text NOT NULL,
	"shown_on_information_card" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "follow_up_measure_types_code_unique" UNIQUE("code"),
	CONSTRAINT "follow_up_measure_types_body_check" CHECK ("follow_up_measure_types"."body" in ('LOCAL_TASK_FORCE', 'LOCAL_CELL'))
);
--> statement-breakpoint
CREATE TABLE "follow_up_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"started_by" uuid NOT NULL,
	"ended_on" date,
	"ended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "follow_up_measures_end_complete" CHECK (("follow_up_measures"."ended_on" is null) = ("follow_up_measures"."ended_by" is null)),
	CONSTRAINT "follow_up_measures_end_after_start" CHECK ("follow_up_measures"."ended_on" is null or "follow_up_measures"."ended_on" >= "follow_up_measures"."started_on")
);
--> statement-breakpoint
CREATE TABLE "local_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"members_present" text[] NOT NULL,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "local_meetings_kind_check" CHECK ("local_meetings"."kind" in ('STRATEGIC', 'OPERATIONAL'))
);
--> statement-breakpoint
CREATE TABLE "meeting_discussions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"decision" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "residences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"municipality" text NOT NULL,
	"judicial_district" text NOT NULL,
	"valid_from" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "residences_district_check" CHECK ("residences"."judicial_district" in ('ANTWERP', 'LIMBURG', 'EAST_FLANDERS', 'WEST_FLANDERS', 'LEUVEN', 'BRUSSELS', 'WALLOON_BRABANT', 'HAINAUT', 'LIEGE', 'NAMUR', 'LUXEMBOURG', 'EUPEN'))
);
--> statement-breakpoint
CREATE TABLE "condition_breaches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"condition_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"response" text,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "condition_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_nl" text NOT NULL,
	"requires_details" boolean NOT NULL,
	"shown_on_information_card" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "condition_types_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "release_conditions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"details" text,
	"supervising_agency_id" uuid NOT NULL,
	"proposed_on" date,
	"imposed_on" date,
	"ends_on" date,
	"lifted_on" date,
	"lift_reason" text,
	"withdrawn_on" date,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "release_conditions_started" CHECK ("release_conditions"."proposed_on" is not null or "release_conditions"."imposed_on" is not null),
	CONSTRAINT "release_conditions_end_after_start" CHECK ("release_conditions"."ends_on" is null or "release_conditions"."imposed_on" is null or "release_conditions"."ends_on" > "release_conditions"."imposed_on"),
	CONSTRAINT "release_conditions_lift_complete" CHECK (("release_conditions"."lifted_on" is null) = ("release_conditions"."lift_reason" is null)),
	CONSTRAINT "release_conditions_withdrawn_or_imposed" CHECK ("release_conditions"."withdrawn_on" is null or "release_conditions"."imposed_on" is null)
);
--> statement-breakpoint
CREATE TABLE "release_date_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "release_date_overrides_kind_check" CHECK ("release_date_overrides"."kind" in ('CONDITIONAL_RELEASE_ELIGIBILITY', 'END_OF_SENTENCE'))
);
--> statement-breakpoint
CREATE TABLE "release_plans" (
	"episode_id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"intended_municipality" text,
	"intended_judicial_district" text,
	"local_task_force_informed_on" date,
	"note" text,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"data_class" text NOT NULL,
	"action" text NOT NULL,
	"due_on" date NOT NULL,
	"listed_on" date NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"postpone_reason" text,
	"rows_affected" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "retention_items_class_check" CHECK ("retention_items"."data_class" in ('IDENTITY', 'DETENTION', 'LISTING', 'OBSERVATIONS', 'INTELLIGENCE', 'CLINICAL', 'PROGRAMME', 'MEASURES', 'RELEASE', 'FOLLOW_UP')),
	CONSTRAINT "retention_items_action_check" CHECK ("retention_items"."action" in ('DELETE', 'ANONYMISE')),
	CONSTRAINT "retention_items_status_check" CHECK ("retention_items"."status" in ('PENDING', 'CARRIED_OUT', 'POSTPONED'))
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"data_class" text PRIMARY KEY NOT NULL,
	"years_after_closure" integer NOT NULL,
	"action" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "retention_rules_class_check" CHECK ("retention_rules"."data_class" in ('IDENTITY', 'DETENTION', 'LISTING', 'OBSERVATIONS', 'INTELLIGENCE', 'CLINICAL', 'PROGRAMME', 'MEASURES', 'RELEASE', 'FOLLOW_UP')),
	CONSTRAINT "retention_rules_action_check" CHECK ("retention_rules"."action" in ('DELETE', 'ANONYMISE')),
	CONSTRAINT "retention_rules_years" CHECK ("retention_rules"."years_after_closure" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "detention_episodes" ADD COLUMN "recidivism" text DEFAULT 'NONE' NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_id_local_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."local_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_closures" ADD CONSTRAINT "case_closures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_closures" ADD CONSTRAINT "case_closures_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outcomes" ADD CONSTRAINT "case_outcomes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_outcomes" ADD CONSTRAINT "case_outcomes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_responsibilities" ADD CONSTRAINT "case_responsibilities_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_responsibilities" ADD CONSTRAINT "case_responsibilities_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_database_entries" ADD CONSTRAINT "common_database_entries_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_database_entries" ADD CONSTRAINT "common_database_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_measures" ADD CONSTRAINT "follow_up_measures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_measures" ADD CONSTRAINT "follow_up_measures_type_id_follow_up_measure_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."follow_up_measure_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_measures" ADD CONSTRAINT "follow_up_measures_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_measures" ADD CONSTRAINT "follow_up_measures_started_by_meeting_discussions_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."meeting_discussions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_measures" ADD CONSTRAINT "follow_up_measures_ended_by_meeting_discussions_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."meeting_discussions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_meetings" ADD CONSTRAINT "local_meetings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_discussions" ADD CONSTRAINT "meeting_discussions_meeting_id_local_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."local_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_discussions" ADD CONSTRAINT "meeting_discussions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residences" ADD CONSTRAINT "residences_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_breaches" ADD CONSTRAINT "condition_breaches_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_breaches" ADD CONSTRAINT "condition_breaches_condition_id_release_conditions_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."release_conditions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "condition_breaches" ADD CONSTRAINT "condition_breaches_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_conditions" ADD CONSTRAINT "release_conditions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_conditions" ADD CONSTRAINT "release_conditions_episode_id_detention_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."detention_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_conditions" ADD CONSTRAINT "release_conditions_type_id_condition_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."condition_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_conditions" ADD CONSTRAINT "release_conditions_supervising_agency_id_agencies_id_fk" FOREIGN KEY ("supervising_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_conditions" ADD CONSTRAINT "release_conditions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_date_overrides" ADD CONSTRAINT "release_date_overrides_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_date_overrides" ADD CONSTRAINT "release_date_overrides_episode_id_detention_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."detention_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_date_overrides" ADD CONSTRAINT "release_date_overrides_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_plans" ADD CONSTRAINT "release_plans_episode_id_detention_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."detention_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_plans" ADD CONSTRAINT "release_plans_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_plans" ADD CONSTRAINT "release_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_items" ADD CONSTRAINT "retention_items_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_items" ADD CONSTRAINT "retention_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_agency_idx" ON "action_items" USING btree ("agency_id","status","due_on");--> statement-breakpoint
CREATE INDEX "action_items_owner_idx" ON "action_items" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "case_closures_person_idx" ON "case_closures" USING btree ("person_id","closed_on");--> statement-breakpoint
CREATE INDEX "case_outcomes_person_idx" ON "case_outcomes" USING btree ("person_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_responsibilities_one_open_idx" ON "case_responsibilities" USING btree ("person_id","kind") WHERE "case_responsibilities"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "case_responsibilities_person_idx" ON "case_responsibilities" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "case_responsibilities_agency_idx" ON "case_responsibilities" USING btree ("agency_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "common_database_entries_one_open_idx" ON "common_database_entries" USING btree ("person_id") WHERE "common_database_entries"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "common_database_entries_person_idx" ON "common_database_entries" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "follow_up_measures_person_idx" ON "follow_up_measures" USING btree ("person_id","started_on");--> statement-breakpoint
CREATE INDEX "local_meetings_agency_idx" ON "local_meetings" USING btree ("agency_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_discussions_once_idx" ON "meeting_discussions" USING btree ("meeting_id","person_id");--> statement-breakpoint
CREATE INDEX "meeting_discussions_person_idx" ON "meeting_discussions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "residences_person_idx" ON "residences" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE INDEX "condition_breaches_condition_idx" ON "condition_breaches" USING btree ("condition_id","occurred_on");--> statement-breakpoint
CREATE INDEX "release_conditions_person_idx" ON "release_conditions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "release_conditions_supervisor_idx" ON "release_conditions" USING btree ("supervising_agency_id");--> statement-breakpoint
CREATE INDEX "release_date_overrides_episode_idx" ON "release_date_overrides" USING btree ("episode_id","kind","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_items_pending_idx" ON "retention_items" USING btree ("person_id","data_class") WHERE "retention_items"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "retention_items_status_idx" ON "retention_items" USING btree ("status","due_on");--> statement-breakpoint
ALTER TABLE "detention_episodes" ADD CONSTRAINT "detention_episodes_recidivism_check" CHECK ("detention_episodes"."recidivism" in ('NONE', 'LEGAL_RECIDIVIST'));