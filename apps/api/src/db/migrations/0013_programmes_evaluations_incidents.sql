CREATE TABLE "disengagement_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"level" text NOT NULL,
	"rationale" text NOT NULL,
	"stage" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "disengagement_evaluations_level_check" CHECK ("disengagement_evaluations"."level" in ('NO_SIGNS', 'SOME_SIGNS', 'CLEAR_SIGNS')),
	CONSTRAINT "disengagement_evaluations_stage_check" CHECK ("disengagement_evaluations"."stage" in ('IN_PRISON', 'RELEASED'))
);
--> statement-breakpoint
CREATE TABLE "prison_incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"ideological" text NOT NULL,
	"description" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "prison_incidents_kind_check" CHECK ("prison_incidents"."kind" in ('ALTERCATION', 'ASSAULT', 'POSSESSION', 'PROSELYTISING', 'OTHER')),
	CONSTRAINT "prison_incidents_ideological_check" CHECK ("prison_incidents"."ideological" in ('YES', 'NO', 'UNDETERMINED'))
);
--> statement-breakpoint
CREATE TABLE "programme_contact_notes" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"components" text[] NOT NULL,
	"minutes" integer,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "programme_contacts_components_check" CHECK ("programme_contacts"."components" <@ array['PSYCHOLOGICAL_SUPPORT', 'TRAUMA', 'RESILIENCE', 'RELIGION', 'PROFESSIONAL_SKILLS', 'REINTEGRATION_PROJECT']::text[]),
	CONSTRAINT "programme_contacts_some_component" CHECK (cardinality("programme_contacts"."components") > 0)
);
--> statement-breakpoint
CREATE TABLE "programme_status_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "programme_status_changes_status_check" CHECK ("programme_status_changes"."status" in ('OFFERED', 'ACCEPTED', 'REFUSED', 'ACTIVE', 'SUSPENDED', 'COMPLETED', 'DISCONTINUED'))
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "language_communities" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD COLUMN "status" text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "disengagement_evaluations" ADD CONSTRAINT "disengagement_evaluations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disengagement_evaluations" ADD CONSTRAINT "disengagement_evaluations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prison_incidents" ADD CONSTRAINT "prison_incidents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prison_incidents" ADD CONSTRAINT "prison_incidents_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prison_incidents" ADD CONSTRAINT "prison_incidents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_contact_notes" ADD CONSTRAINT "programme_contact_notes_contact_id_programme_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."programme_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_contact_notes" ADD CONSTRAINT "programme_contact_notes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_contacts" ADD CONSTRAINT "programme_contacts_enrolment_id_programme_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_contacts" ADD CONSTRAINT "programme_contacts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_contacts" ADD CONSTRAINT "programme_contacts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_status_changes" ADD CONSTRAINT "programme_status_changes_enrolment_id_programme_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."programme_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_status_changes" ADD CONSTRAINT "programme_status_changes_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_status_changes" ADD CONSTRAINT "programme_status_changes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disengagement_evaluations_person_idx" ON "disengagement_evaluations" USING btree ("person_id","evaluated_on");--> statement-breakpoint
CREATE INDEX "prison_incidents_person_idx" ON "prison_incidents" USING btree ("person_id","occurred_on");--> statement-breakpoint
CREATE INDEX "programme_contacts_enrolment_idx" ON "programme_contacts" USING btree ("enrolment_id","contacted_on");--> statement-breakpoint
CREATE INDEX "programme_status_changes_enrolment_idx" ON "programme_status_changes" USING btree ("enrolment_id","on");--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_language_communities_check" CHECK ("agencies"."language_communities" <@ array['FR', 'NL', 'DE']::text[]);--> statement-breakpoint
ALTER TABLE "programme_enrolments" ADD CONSTRAINT "programme_enrolments_status_check" CHECK ("programme_enrolments"."status" in ('OFFERED', 'ACCEPTED', 'REFUSED', 'ACTIVE', 'SUSPENDED', 'COMPLETED', 'DISCONTINUED'));