// Moved to tests/metas/fixture.ts and tests/helpers/client.ts; kept for the browser tests until they import them from there.
export * from '../metas/fixture.js';
export { runAndWait, userClient } from '../helpers/client.js';
