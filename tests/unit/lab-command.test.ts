/** npm run lab: its arguments, where its links point, and the summary of what a deploy publishes. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubRepoUrl, parseLabArgs } from '../../src/lib/publish/lab-command';
import { formatOutcome, runPasses, summarizePublish, type LabRunOutcome } from '../../src/lib/publish/summary';
import { deployTarget } from '../../src/lib/site/deploy-target';

const ROOT = join(import.meta.dirname, '../..');

describe('npm run lab arguments', () => {
	it('takes one lab folder, --out and --strict', () => {
		expect(parseLabArgs(['../lab'])).toEqual({ kind: 'run', lab: '../lab', out: undefined, strict: false });
		expect(parseLabArgs(['../lab', '--out', '/tmp/site', '--strict'])).toEqual({ kind: 'run', lab: '../lab', out: '/tmp/site', strict: true });
		expect(parseLabArgs(['--help'])).toEqual({ kind: 'help' });
	});

	it('names what is wrong in one line', () => {
		expect(parseLabArgs(['../lab', '--deploy'])).toEqual({ kind: 'usage-error', message: "Unknown option '--deploy'" });
		expect(parseLabArgs([])).toEqual({ kind: 'usage-error', message: 'missing the lab folder' });
		expect(parseLabArgs(['a', 'b'])).toEqual({ kind: 'usage-error', message: 'expected one lab folder, got 2: a b' });
	});

	it('prints usage with --help (exit 0) and one line for an unknown option (exit 2)', () => {
		const run = (...args: string[]) => spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/lab.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
		const help = run('--help');
		expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('Usage: npm run lab -- <lab dir>')]);
		const unknown = run('--nope', 'lab');
		expect([unknown.status, unknown.stderr.trim().split('\n')]).toEqual([2, ["npm run lab: Unknown option '--nope' (npm run lab -- --help for usage)"]]);
	});
});

describe('where links point', () => {
	it('reads the GitHub address of a checkout from its remote, and nothing else', () => {
		expect(githubRepoUrl('git@github.com:lab-owner/llm-lab.git')).toBe('https://github.com/lab-owner/llm-lab');
		expect(githubRepoUrl('https://github.com/lab-owner/llm-lab.git\n')).toBe('https://github.com/lab-owner/llm-lab');
		expect(githubRepoUrl('ssh://git@github.com/lab-owner/llm-lab')).toBe('https://github.com/lab-owner/llm-lab');
		expect(githubRepoUrl('/srv/bundles/lab.bundle')).toBeUndefined();
		expect(githubRepoUrl('https://gitlab.com/lab-owner/llm-lab.git')).toBeUndefined();
	});

	it("in the lab's own workflow: site and base follow the lab, links open the lab, guide edits open the site", () => {
		const target = deployTarget({
			GITHUB_REPOSITORY: 'lab-owner/llm-lab',
			LAB_DIR: '/home/runner/work/llm-lab/llm-lab',
			LAB_REPO_URL: 'https://github.com/lab-owner/llm-lab',
			LAB_BRANCH: 'trunk',
			SITE_REPO_URL: 'https://github.com/site-owner/b70-optimization-lab',
			SITE_BRANCH: 'main',
			SITE_URL: '',
			BASE_PATH: '',
		});
		expect(target).toEqual({
			site: 'https://lab-owner.github.io',
			base: '/llm-lab',
			labRepoUrl: 'https://github.com/lab-owner/llm-lab',
			branch: 'trunk',
			siteRepoUrl: 'https://github.com/site-owner/b70-optimization-lab',
			siteBranch: 'main',
		});
	});
});

describe('what a deploy would publish', () => {
	const files = [
		'index.html', '404.html', 'notes/index.html', 'notes/by-track/index.html', 'notes/a/index.html', 'notes/b/index.html',
		'lab/index.html', 'lab/results/r/index.html', 'data/index.html', 'data/x/index.html', 'records/index.html',
		'records/compare/index.html', 'records/imported/r1/index.html', 'records/r2/index.html', 'repro/index.html',
		'pagefind/pagefind.js', 'records.json',
	].map((path) => ({ path, size: 1000 }));
	const recordsJson = JSON.stringify({ count: 2, records: [{ id: 'imported/r1', record: { source: { kind: 'imported' } } }, { id: 'r2', record: { source: { kind: 'ingested' } } }] });

	it('counts pages by kind from the built files, listings apart, and records from records.json', () => {
		expect(summarizePublish(files, recordsJson)).toEqual({
			pages: 15,
			notePages: 2,
			writeupPages: 1,
			dataPages: 1,
			recordPages: 2,
			recipePages: 0,
			records: 2,
			recordsBySource: { imported: 1, ingested: 1 },
			files: 17,
			bytes: 17_000,
			searchIndex: true,
		});
	});

	it('refuses a records.json that is not the shape the site writes', () => {
		expect(() => summarizePublish(files, '{"count": 2}')).toThrow('records.json: records is not a list');
	});

	const outcome = (over: Partial<LabRunOutcome>): LabRunOutcome => ({
		lab: '/labs/llm-lab',
		repoUrl: 'https://github.com/lab-owner/llm-lab',
		branch: 'main',
		findings: { error: 1, warning: 3 },
		strict: false,
		build: { ok: true, seconds: 41 },
		links: { pages: 14, broken: 0 },
		published: summarizePublish(files, recordsJson),
		...over,
	});

	it('publishes what builds with its links, showing check errors; pull requests fail on them', () => {
		expect(runPasses(outcome({}))).toBe(true);
		expect(runPasses(outcome({ strict: true }))).toBe(false);
		expect(runPasses(outcome({ strict: true, findings: { error: 0, warning: 3 } }))).toBe(true);
		expect(runPasses(outcome({ build: { ok: false, seconds: 3 }, links: undefined, published: undefined }))).toBe(false);
		expect(runPasses(outcome({ links: { pages: 14, broken: 2 } }))).toBe(false);
	});

	it('prints the figures a maintainer checks before a deploy', () => {
		expect(formatOutcome(outcome({}))).toBe(
			[
				'Lab             /labs/llm-lab',
				'Links point at  https://github.com/lab-owner/llm-lab (branch main)',
				'Check findings  1 error, 3 warnings',
				'Build           done in 41 s',
				'Internal links  all resolve (14 pages checked)',
				'Pages           15',
				'Notes           2 pages',
				'Write-ups       1 page',
				'Data pages      1 page',
				'Records         2 (1 imported, 1 ingested), 2 pages',
				'Recipes         0 pages',
				'Search index    yes',
				'Artifact        17 files, 0.0 MB',
				'',
				"A deploy would publish this site; the check's 1 error would be shown on the run.",
			].join('\n'),
		);
		expect(formatOutcome(outcome({ strict: true }), 'markdown')).toContain('### The check found 1 error: this pull request would fail.\n\n| | |\n| --- | --- |\n| Lab | /labs/llm-lab |');
	});
});
