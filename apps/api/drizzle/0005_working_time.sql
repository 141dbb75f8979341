CREATE TABLE `holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `requests` ADD `planned_for` text;--> statement-breakpoint
ALTER TABLE `time_entries` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `weekly_minutes` integer DEFAULT 2400 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `strategic_reserve_minutes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `can_view_insights` integer DEFAULT false NOT NULL;