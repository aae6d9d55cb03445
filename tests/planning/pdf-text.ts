// Moved to tests/metas/pdf-text.ts; kept for the browser tests until they import it from there.
export * from '../metas/pdf-text.js';
