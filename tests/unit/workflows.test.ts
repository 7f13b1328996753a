/** The GitHub workflows: valid YAML, pinned actions, least privilege, the right triggers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');

function workflow(name: string): any {
	const text = readFileSync(join(ROOT, '.github/workflows', name), 'utf8');
	const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true, strict: true });
	expect(document.errors.map(String)).toEqual([]);
	expect(document.warnings.map(String)).toEqual([]);
	return document.toJS();
}

const steps = (flow: any) => Object.values(flow.jobs).flatMap((job: any) => job.steps ?? []);
const texts = (name: string) => readFileSync(join(ROOT, '.github/workflows', name), 'utf8');

describe.each(['pr.yml', 'deploy.yml'])('%s', (name) => {
	it('pins every action to a full commit SHA', () => {
		const uses = steps(workflow(name)).flatMap((step: any) => (step.uses ? [step.uses] : []));
		expect(uses.length).toBeGreaterThan(0);
		for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
	});

	it('checks out without keeping credentials, with full history', () => {
		for (const step of steps(workflow(name)).filter((candidate: any) => candidate.uses?.startsWith('actions/checkout@'))) {
			expect(step.with).toMatchObject({ 'persist-credentials': false, 'fetch-depth': 0 });
		}
	});

	it('installs with npm install, never npm ci', () => {
		const runs = steps(workflow(name)).flatMap((step: any) => (step.run ? [step.run] : []));
		expect(runs).toContain('npm install --no-audit --no-fund');
		expect(runs.join('\n')).not.toMatch(/npm ci\b/);
	});

	it('uses no secrets', () => {
		expect(texts(name)).not.toMatch(/secrets\./);
	});

	it('reads the repository and nothing more at the top level', () => {
		expect(workflow(name).permissions).toEqual({ contents: 'read' });
	});
});

describe('pr.yml', () => {
	const flow = workflow('pr.yml');

	it('runs on pull requests only', () => {
		expect(Object.keys(flow.on)).toEqual(['pull_request']);
	});

	it('checks, tests, builds and validates links, with read-only jobs', () => {
		const runs = steps(flow).flatMap((step: any) => (step.run ? [step.run] : []));
		expect(runs).toEqual(['npm install --no-audit --no-fund', 'npm run check', 'npm test', 'npm run build', 'npm run check:links']);
		for (const job of Object.values(flow.jobs) as any[]) expect(job.permissions).toBeUndefined();
	});
});

describe('deploy.yml', () => {
	const flow = workflow('deploy.yml');

	it('runs on pushes to main and by hand', () => {
		expect(flow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
	});

	it('builds and uploads in a job without write permissions', () => {
		const build = flow.jobs.build;
		expect(build.permissions).toBeUndefined();
		const actions = build.steps.map((step: any) => step.uses?.split('@')[0] ?? step.run);
		expect(actions).toEqual(['actions/checkout', 'actions/setup-node', 'npm install --no-audit --no-fund', 'npm run check', 'npm run build', 'npm run check:links', 'actions/upload-pages-artifact']);
	});

	it('grants pages and id-token write to the deploy job only', () => {
		expect(flow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		expect(flow.jobs.deploy.needs).toBe('build');
		expect(flow.jobs.deploy.steps.map((step: any) => step.uses.split('@')[0])).toEqual(['actions/deploy-pages']);
	});
});
