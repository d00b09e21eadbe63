CREATE TABLE "persisted_operations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_id" uuid NOT NULL,
	"document_hash" text NOT NULL,
	"document" text NOT NULL,
	"operation_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "persisted_operations_token_hash" UNIQUE("token_id","document_hash")
);
--> statement-breakpoint
CREATE TABLE "change_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"data_class" text NOT NULL,
	"operation" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_events_class_check" CHECK ("change_events"."data_class" in ('IDENTITY', 'DETENTION', 'LISTING', 'OBSERVATIONS', 'INTELLIGENCE', 'CLINICAL', 'PROGRAMME', 'MEASURES', 'RELEASE', 'FOLLOW_UP')),
	CONSTRAINT "change_events_operation_check" CHECK ("change_events"."operation" in ('CREATED', 'UPDATED', 'DELETED'))
);
--> statement-breakpoint
CREATE TABLE "external_references" (
	"agency_id" uuid NOT NULL,
	"source_system" text NOT NULL,
	"record_type" text NOT NULL,
	"external_id" text NOT NULL,
	"record_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "external_references_agency_id_source_system_record_type_external_id_pk" PRIMARY KEY("agency_id","source_system","record_type","external_id"),
	CONSTRAINT "external_references_record_type_check" CHECK ("external_references"."record_type" in ('PERSON', 'DETENTION_EPISODE', 'PLACEMENT', 'INFORMATION_REPORT'))
);
--> statement-breakpoint
CREATE TABLE "import_job_lines" (
	"job_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"errors" jsonb,
	"record_id" uuid,
	"applied_at" timestamp with time zone,
	CONSTRAINT "import_job_lines_job_id_line_number_pk" PRIMARY KEY("job_id","line_number")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_type" text NOT NULL,
	"format" text NOT NULL,
	"source_system" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'RECEIVING' NOT NULL,
	"agency_id" uuid NOT NULL,
	"token_id" uuid,
	"purpose_code" text NOT NULL,
	"purpose_note" text,
	"total" integer DEFAULT 0 NOT NULL,
	"applied" integer DEFAULT 0 NOT NULL,
	"invalid" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "import_jobs_record_type_check" CHECK ("import_jobs"."record_type" in ('PERSON', 'DETENTION_EPISODE', 'PLACEMENT', 'INFORMATION_REPORT')),
	CONSTRAINT "import_jobs_format_check" CHECK ("import_jobs"."format" in ('NDJSON', 'CSV')),
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" in ('RECEIVING', 'INVALID', 'RUNNING', 'FAILED', 'SUCCEEDED')),
	CONSTRAINT "import_jobs_counts" CHECK ("import_jobs"."applied" between 0 and "import_jobs"."total" and "import_jobs"."invalid" between 0 and "import_jobs"."total")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "data_classes" text[] DEFAULT array['IDENTITY', 'DETENTION', 'LISTING', 'OBSERVATIONS', 'INTELLIGENCE', 'CLINICAL', 'PROGRAMME', 'MEASURES', 'RELEASE', 'FOLLOW_UP']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "trusted_operations_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "replaces_id" uuid;--> statement-breakpoint
ALTER TABLE "persisted_operations" ADD CONSTRAINT "persisted_operations_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_references" ADD CONSTRAINT "external_references_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_references" ADD CONSTRAINT "external_references_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_job_lines" ADD CONSTRAINT "import_job_lines_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_events_order_idx" ON "change_events" USING btree ("transaction_id","seq");--> statement-breakpoint
CREATE INDEX "external_references_record_idx" ON "external_references" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "external_references_person_idx" ON "external_references" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "import_jobs_agency_idx" ON "import_jobs" USING btree ("agency_id","created_at");--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_replaces_id_api_tokens_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_data_classes_check" CHECK ("api_tokens"."data_classes" <@ array['IDENTITY', 'DETENTION', 'LISTING', 'OBSERVATIONS', 'INTELLIGENCE', 'CLINICAL', 'PROGRAMME', 'MEASURES', 'RELEASE', 'FOLLOW_UP']::text[]);