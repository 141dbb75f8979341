DROP INDEX `time_entries_request_idx`;--> statement-breakpoint
DROP INDEX `time_entries_date_idx`;--> statement-breakpoint
CREATE INDEX `time_entries_request_idx` ON `time_entries` (`request_id`,`minutes`);--> statement-breakpoint
CREATE INDEX `time_entries_date_idx` ON `time_entries` (`date`,`request_id`,`minutes`,`user_id`);