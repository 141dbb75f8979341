CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`name` text NOT NULL,
	`stored_name` text NOT NULL,
	`size` integer NOT NULL,
	`content_type` text NOT NULL,
	`deliverable` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_request_idx` ON `attachments` (`request_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_stored_name_idx` ON `attachments` (`stored_name`);