CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"lodged_on" date NOT NULL,
	"grounds" text,
	"outcome" text,
	"outcome_on" date,
	"outcome_summary" text,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "appeals_body_check" CHECK ("appeals"."body" in ('COMPLAINTS_COMMISSION', 'APPEAL_COMMISSION', 'COURT', 'COUNCIL_OF_STATE')),
	CONSTRAINT "appeals_outcome_check" CHECK ("appeals"."outcome" in ('UPHELD', 'PARTLY_UPHELD', 'DISMISSED', 'INADMISSIBLE', 'WITHDRAWN')),
	CONSTRAINT "appeals_outcome_complete" CHECK (("appeals"."outcome" is null) = ("appeals"."outcome_on" is null) and ("appeals"."outcome" is null) = ("appeals"."outcome_summary" is null)),
	CONSTRAINT "appeals_outcome_after_lodging" CHECK ("appeals"."outcome_on" is null or "appeals"."outcome_on" >= "appeals"."lodged_on")
);
--> statement-breakpoint
CREATE TABLE "decision_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"notified_on" date NOT NULL,
	"method" text NOT NULL,
	"reasons_given" text NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "decision_notifications_method_check" CHECK ("decision_notifications"."method" in ('ORAL', 'WRITTEN', 'ORAL_AND_WRITTEN'))
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recommendation_id" uuid,
	"recommendation_outcome" text,
	"measure_id" uuid,
	"review_outcome" text,
	"placement_id" uuid,
	"reasons" text NOT NULL,
	"reasons_classified" boolean DEFAULT false NOT NULL,
	"decided_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"ends_on" date,
	"next_review_on" date,
	"terms" text,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "decisions_kind_check" CHECK ("decisions"."kind" in ('REGIME', 'MEASURE_IMPOSED', 'MEASURE_REVIEWED')),
	CONSTRAINT "decisions_recommendation_outcome_check" CHECK ("decisions"."recommendation_outcome" in ('ACCEPTED', 'AMENDED', 'REJECTED')),
	CONSTRAINT "decisions_review_outcome_check" CHECK ("decisions"."review_outcome" in ('MAINTAINED', 'EASED', 'LIFTED', 'PROLONGED')),
	CONSTRAINT "decisions_reasons_given" CHECK (length(btrim("decisions"."reasons")) > 0),
	CONSTRAINT "decisions_recommendation_answered" CHECK (("decisions"."recommendation_id" is null) = ("decisions"."recommendation_outcome" is null)),
	CONSTRAINT "decisions_review_complete" CHECK (("decisions"."kind" = 'MEASURE_REVIEWED') = ("decisions"."review_outcome" is not null)),
	CONSTRAINT "decisions_measure_linked" CHECK ("decisions"."kind" = 'REGIME' or "decisions"."measure_id" is not null or "decisions"."recommendation_outcome" = 'REJECTED')
);
--> statement-breakpoint
CREATE TABLE "measure_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"measure_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"evaluated_on" date NOT NULL,
	"advice" text NOT NULL,
	"summary" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "measure_evaluations_advice_check" CHECK ("measure_evaluations"."advice" in ('MAINTAIN', 'EASE', 'LIFT'))
);
--> statement-breakpoint
CREATE TABLE "measure_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"legal_basis" text NOT NULL,
	"rules" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "measure_types_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "recommendation_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"report_id" uuid,
	"assessment_id" uuid,
	CONSTRAINT "recommendation_evidence_one_item" CHECK (("recommendation_evidence"."report_id" is null) <> ("recommendation_evidence"."assessment_id" is null))
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"establishment_id" uuid,
	"unit_id" uuid,
	"measure_type_id" uuid,
	"terms" text,
	"months" integer,
	"rationale" text NOT NULL,
	"recommended_on" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "recommendations_kind_check" CHECK ("recommendations"."kind" in ('ORDINARY_REGIME', 'DRADEX_PLACEMENT', 'TRANSFER', 'SECURITY_MEASURE')),
	CONSTRAINT "recommendations_target_complete" CHECK (("recommendations"."kind" = 'SECURITY_MEASURE' and "recommendations"."measure_type_id" is not null and "recommendations"."establishment_id" is null and "recommendations"."unit_id" is null)
        or ("recommendations"."kind" <> 'SECURITY_MEASURE' and "recommendations"."measure_type_id" is null and "recommendations"."establishment_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "security_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"measure_type_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"legal_basis" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"lifted_on" date,
	"next_review_on" date,
	"terms" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "security_measures_valid_interval" CHECK ("security_measures"."ends_on" > "security_measures"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_notifications" ADD CONSTRAINT "decision_notifications_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_notifications" ADD CONSTRAINT "decision_notifications_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_notifications" ADD CONSTRAINT "decision_notifications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_measure_id_security_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."security_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_evaluations" ADD CONSTRAINT "measure_evaluations_measure_id_security_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."security_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_evaluations" ADD CONSTRAINT "measure_evaluations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_evaluations" ADD CONSTRAINT "measure_evaluations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_evidence" ADD CONSTRAINT "recommendation_evidence_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_evidence" ADD CONSTRAINT "recommendation_evidence_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_evidence" ADD CONSTRAINT "recommendation_evidence_report_id_information_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."information_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_evidence" ADD CONSTRAINT "recommendation_evidence_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_unit_id_establishment_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."establishment_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_measure_type_id_measure_types_id_fk" FOREIGN KEY ("measure_type_id") REFERENCES "public"."measure_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_measures" ADD CONSTRAINT "security_measures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_measures" ADD CONSTRAINT "security_measures_measure_type_id_measure_types_id_fk" FOREIGN KEY ("measure_type_id") REFERENCES "public"."measure_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_measures" ADD CONSTRAINT "security_measures_establishment_id_establishments_id_fk" FOREIGN KEY ("establishment_id") REFERENCES "public"."establishments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_decision_idx" ON "appeals" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decision_notifications_decision_idx" ON "decision_notifications" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_one_per_recommendation_idx" ON "decisions" USING btree ("recommendation_id") WHERE "decisions"."recommendation_id" is not null;--> statement-breakpoint
CREATE INDEX "decisions_person_idx" ON "decisions" USING btree ("person_id","decided_on");--> statement-breakpoint
CREATE INDEX "decisions_measure_idx" ON "decisions" USING btree ("measure_id","decided_on");--> statement-breakpoint
CREATE INDEX "measure_evaluations_measure_idx" ON "measure_evaluations" USING btree ("measure_id","evaluated_on");--> statement-breakpoint
CREATE INDEX "recommendation_evidence_recommendation_idx" ON "recommendation_evidence" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "recommendations_person_idx" ON "recommendations" USING btree ("person_id","recommended_on");--> statement-breakpoint
CREATE INDEX "security_measures_person_idx" ON "security_measures" USING btree ("person_id","starts_on");--> statement-breakpoint
CREATE INDEX "security_measures_review_idx" ON "security_measures" USING btree ("next_review_on");