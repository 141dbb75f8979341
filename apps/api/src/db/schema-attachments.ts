import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { requests } from './schema';
import { createdAt, users } from './schema-directory';

/**
 * Files on requests. The bytes live in the files folder beside the database under `storedName`, a
 * random name the server chose: the uploader's `name` is only ever shown, never used as a path.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => requests.id),
    uploadedById: integer('uploaded_by_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    storedName: text('stored_name').notNull(),
    size: integer('size').notNull(),
    contentType: text('content_type').notNull(),
    deliverable: integer('deliverable', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_request_idx').on(t.requestId, t.createdAt), uniqueIndex('attachments_stored_name_idx').on(t.storedName)],
);
