import type { Hono } from 'hono';
import type { Env } from './context.js';

/** The figure routers of each unit: [prefix under /api, router]. Each domain issue adds its line. */
export const domainRoutes: Array<[string, Hono<Env>]> = [];
