/**
 * A lab of notes and records (no write-ups, no recipes, no data files) builds without a warning:
 * Astro warns on every read of an empty collection, and Starlight looks up a 404 entry and an i18n
 * collection the site does not have; none of that is something the lab can act on.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, FIXTURE_LAB, type BuildResult } from '../support/build-site';

const RECORD = 'qwen36-q4-single-card-20260503.json';

describe('a lab with notes and records only', () => {
	let lab: string;
	let build: BuildResult;
	beforeAll(() => {
		lab = mkdtempSync(join(tmpdir(), 'b70-notes-only-'));
		mkdirSync(join(lab, 'notes'));
		mkdirSync(join(lab, 'data/records'), { recursive: true });
		cpSync(join(FIXTURE_LAB, 'data/records', RECORD), join(lab, 'data/records', RECORD));
		writeFileSync(join(lab, 'notes/2026-05-12-first-try.md'), '# First try, 2026-05-12\n\nSet `VLLM_EXAMPLE_FLAG=1`; nothing else changed.\n');
		build = buildSite(lab);
	});
	afterAll(() => {
		build.cleanup();
		rmSync(lab, { recursive: true, force: true });
	});

	it('builds quietly, with its own 404 page', () => {
		expect(build.status, build.output).toBe(0);
		expect(build.output).not.toMatch(/\[WARN\]|does not exist or is empty|was not found/);
		expect(build.page('404.html')).toContain('This address is not a page of the lab.');
		expect(build.page('notes/2026-05-12-first-try/index.html')).toContain('First note on <code>VLLM_EXAMPLE_FLAG</code>');
	});

	it('opens on its current best results, not on an empty recipe list', () => {
		const home = build.page('index.html');
		expect(home).toContain('See the current best results');
		const best = home.slice(home.indexOf('id="current-best"'), home.indexOf('id="i-want-to"'));
		expect(best).toContain('href="/records/qwen36-q4-single-card-20260503/"');
		expect(best).toMatch(/24\.249 output tok\/s/);
		expect(home).not.toContain('Best documented installs');
	});
});
