/** Kept here for imports from before it moved to the model (it reads files; no engine). */
export { readNotaryMigrations } from '../model/notary-migrations-reader';
