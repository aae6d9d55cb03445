import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The dashboard is built with adapter-node and served by Atalaya's own server (src/server/main.ts).
 * CSP: scripts only from this origin plus the inline bootstrap SvelteKit writes, allowed by its nonce (hash on
 * prerendered pages); styles from this origin and inline (Svelte sets style attributes); data only from /api.
 */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    // The server's own modules that carry no Node imports, shared instead of copied: the core (Mexico City
    // calendar, roles) and each domain's types.ts (`import type { … } from '$domains/<dominio>/types'`).
    alias: { $core: '../src/core', $domains: '../src/domains' },
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};
