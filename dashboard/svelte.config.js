import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The dashboard is built with adapter-node and served by Atalaya's own server (src/server/main.ts). */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build', precompress: false }),
    // The API answers on the same origin; a page must not be framed by another site.
    csp: { mode: 'auto', directives: { 'frame-ancestors': ['none'] } },
  },
};
