ALTER TABLE "follow_up_measures" DROP CONSTRAINT "follow_up_measures_end_complete";--> statement-breakpoint
ALTER TABLE "follow_up_measures" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "follow_up_measures" ADD CONSTRAINT "follow_up_measures_end_complete" CHECK (("follow_up_measures"."ended_on" is null and "follow_up_measures"."ended_by" is null and "follow_up_measures"."end_reason" is null)
        or ("follow_up_measures"."ended_on" is not null and ("follow_up_measures"."ended_by" is null) <> ("follow_up_measures"."end_reason" is null)));