CREATE TABLE `request_followers` (
	`request_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`request_id`, `user_id`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_followers_user_idx` ON `request_followers` (`user_id`);--> statement-breakpoint
CREATE TABLE `request_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`asked_by_id` integer NOT NULL,
	`question` text NOT NULL,
	`asked_at` text NOT NULL,
	`answer` text,
	`answered_by_id` integer,
	`answered_at` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_questions_request_idx` ON `request_questions` (`request_id`,`asked_at`);--> statement-breakpoint
ALTER TABLE `request_types` ADD `first_response_hours` integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE `request_types` ADD `fields` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `expected_by` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `rush` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `fields` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `waiting_on` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `paused_minutes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `requests` ADD `paused_since` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `first_response_at` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `needs_info_rounds` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Similar-request search (GET /api/requests/similar): an FTS5 index over title and brief,
-- ranked by bm25. External content (the text lives once, in requests); the triggers keep the
-- index equal to the table in the transaction of every insert, edit and delete.
CREATE VIRTUAL TABLE `requests_fts` USING fts5(title, brief, content='requests', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `requests_fts_insert` AFTER INSERT ON `requests` BEGIN
  INSERT INTO requests_fts (rowid, title, brief) VALUES (new.id, new.title, new.brief);
END;
--> statement-breakpoint
CREATE TRIGGER `requests_fts_delete` AFTER DELETE ON `requests` BEGIN
  INSERT INTO requests_fts (requests_fts, rowid, title, brief) VALUES ('delete', old.id, old.title, old.brief);
END;
--> statement-breakpoint
CREATE TRIGGER `requests_fts_update` AFTER UPDATE OF title, brief ON `requests` BEGIN
  INSERT INTO requests_fts (requests_fts, rowid, title, brief) VALUES ('delete', old.id, old.title, old.brief);
  INSERT INTO requests_fts (rowid, title, brief) VALUES (new.id, new.title, new.brief);
END;
--> statement-breakpoint
INSERT INTO requests_fts (requests_fts) VALUES ('rebuild');
