CREATE TABLE `kit_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`request_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`type_id`) REFERENCES `request_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kit_outcomes_type_idx` ON `kit_outcomes` (`type_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reserve_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`accepted_by_id` integer NOT NULL,
	`assignee_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`reserve_minutes` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reserve_overrides_created_idx` ON `reserve_overrides` (`created_at`,`department_id`);--> statement-breakpoint
CREATE TABLE `initiatives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`owner_id` integer NOT NULL,
	`quarter` text NOT NULL,
	`goal` text DEFAULT '' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `initiatives_quarter_name_idx` ON `initiatives` (`quarter`,`name`);--> statement-breakpoint
ALTER TABLE `request_types` ADD `self_serve_kit` text;--> statement-breakpoint
ALTER TABLE `request_types` ADD `kit_published_at` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `initiative_id` integer REFERENCES initiatives(id);--> statement-breakpoint
CREATE INDEX `requests_initiative_idx` ON `requests` (`initiative_id`);