/** Builds the site from a fixture lab repository into a temporary folder, as `npm run build` does. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_LAB = join(PROJECT_ROOT, 'tests/fixtures/lab');
const ASTRO_BIN = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
	status: number | null;
	output: string;
	outDir: string;
	/** Reads a built page (path relative to dist/, e.g. "notes/x/index.html"). */
	page(path: string): string;
	cleanup(): void;
}

/** A scratch copy of the fixture lab that a test may break. */
export function copyFixtureLab(): string {
	const lab = mkdtempSync(join(tmpdir(), 'b70-lab-'));
	cpSync(FIXTURE_LAB, lab, { recursive: true });
	return lab;
}

/**
 * The environment a person's shell would give `npm run build`. vitest exports DEV, PROD, MODE,
 * NODE_ENV=test and friends into process.env; Astro would read them and build a development site
 * (no search index, dev-only scripts).
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(DEV|PROD|MODE|SSR|BASE_URL|TEST|NODE_ENV|VITEST.*)$/.test(key)) continue;
		env[key] = value;
	}
	return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

export function buildSite(lab: string, env: Record<string, string> = {}): BuildResult {
	const work = mkdtempSync(join(tmpdir(), 'b70-build-'));
	const outDir = join(work, 'dist');
	const result = spawnSync(process.execPath, [ASTRO_BIN, 'build'], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		env: buildEnv({ LAB_DIR: lab, OUT_DIR: outDir, ASTRO_CACHE_DIR: join(work, 'cache'), ...env }),
		timeout: 180_000,
	});
	return {
		status: result.status,
		output: `${result.stdout}\n${result.stderr}`,
		outDir,
		page: (path) => readFileSync(join(outDir, path), 'utf8'),
		cleanup: () => rmSync(work, { recursive: true, force: true }),
	};
}
