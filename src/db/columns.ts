import type { ColumnType } from 'kysely';

/** Timestamps come back as Date; inserts may omit them where the database has a default. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** jsonb: written as a JSON string so pg and PGlite store the same thing. */
export type Json<T> = ColumnType<T, string, string>;
