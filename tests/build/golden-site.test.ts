/**
 * The fixture lab's site against its committed golden output: the list of files the build writes
 * and records.json. A refactor must leave both as they are; an intended change rewrites the
 * golden files (a `-changed` copy is written beside them on mismatch, to diff and copy over).
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, FIXTURE_LAB, PROJECT_ROOT, type BuildResult } from '../support/build-site';

const GOLDEN = join(PROJECT_ROOT, 'tests/golden/fixture-site');
const PUBLISHED = /\.(html|json|csv|xml)$/;

function publishedFiles(root: string): string[] {
	const files: string[] = [];
	const visit = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const full = join(folder, name);
			const path = relative(root, full).split('\\').join('/');
			if (path === 'pagefind' || path === '_astro') continue;
			if (statSync(full).isDirectory()) visit(full);
			else if (PUBLISHED.test(name)) files.push(path);
		}
	};
	visit(root);
	return files.sort();
}

function expectGolden(name: string, actual: string): void {
	const expected = readFileSync(join(GOLDEN, name), 'utf8');
	const changed = join(GOLDEN, name.replace(/(\.\w+)$/, '-changed$1'));
	if (actual !== expected) writeFileSync(changed, actual);
	else if (existsSync(changed)) writeFileSync(changed, '');
	expect(actual, `${name} differs from its golden file; see ${relative(PROJECT_ROOT, changed)}`).toBe(expected);
}

describe('the fixture lab site against its golden output', () => {
	let build: BuildResult;
	beforeAll(() => {
		build = buildSite(FIXTURE_LAB);
	});
	afterAll(() => build.cleanup());

	it('writes the same files', () => {
		expect(build.status, build.output).toBe(0);
		expectGolden('files.txt', `${publishedFiles(build.outDir).join('\n')}\n`);
	});

	it('exports the same records.json', () => {
		expectGolden('records.json', build.page('records.json'));
	});
});
