// Moved to tests/metas/fixture.ts; kept for the browser tests until they import it from there.
export * from '../metas/fixture.js';
