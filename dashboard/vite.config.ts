import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  // `vite dev` alone has no API: point it at a running `npm start`. It may also serve ../src/core ($core) and ../src/domains ($domains).
  server: { proxy: { '/api': process.env.ATALAYA_API ?? 'http://127.0.0.1:3000' }, fs: { allow: ['..'] } },
});
