ALTER TABLE "detention_episodes" ADD COLUMN "rule_eligible_on" date;--> statement-breakpoint
ALTER TABLE "detention_episodes" ADD COLUMN "rule_end_of_sentence_on" date;--> statement-breakpoint
-- Episodes admitted before this column existed: the current date is the rule's unless an override
-- replaced it (whose earlier value was not kept; those stay unknown).
UPDATE "detention_episodes" e SET "rule_eligible_on" = e."conditional_release_eligible_on"
  WHERE NOT EXISTS (SELECT 1 FROM "release_date_overrides" o
                    WHERE o."episode_id" = e."id" AND o."kind" = 'CONDITIONAL_RELEASE_ELIGIBILITY');
--> statement-breakpoint
UPDATE "detention_episodes" e SET "rule_end_of_sentence_on" = e."end_of_sentence_on"
  WHERE NOT EXISTS (SELECT 1 FROM "release_date_overrides" o
                    WHERE o."episode_id" = e."id" AND o."kind" = 'END_OF_SENTENCE');
--> statement-breakpoint
GRANT SELECT (rule_eligible_on, rule_end_of_sentence_on) ON detention_episodes TO continuum_statistics;
