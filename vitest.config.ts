import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		// Site builds are slow and memory hungry on a 2-core machine: run test files one at a time.
		fileParallelism: false,
		testTimeout: 20_000,
		hookTimeout: 240_000,
	},
});
