import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// Seeds are fetched when needed, never inlined into the JavaScript, however small.
		assetsInlineLimit: (file) => (/[\\/]seeds[\\/]/.test(file) ? false : undefined)
	},
	worker: { format: 'es' },
	server: { fs: { allow: ['seeds'] } },
	preview: { port: 4173, strictPort: true }
});
