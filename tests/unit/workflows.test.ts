/**
 * The GitHub workflows (this repository's and the ready-to-copy lab examples): valid against the
 * workflow schema (action-validator), the project's own rules (pins, permissions, triggers,
 * timeouts), and the shape each one promises.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { calledWorkflowFile, pullRequestWorkflows, workflowViolations, type Workflow } from '../../src/lib/publish/workflow-rules';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/workflows');

const yamlFiles = (folder: string) => readdirSync(join(ROOT, folder)).filter((name) => /\.ya?ml$/.test(name)).map((name) => `${folder}/${name}`);
const FILES = [...yamlFiles('.github/workflows'), ...yamlFiles('examples')];

function parse(text: string): Workflow {
	const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true, strict: true });
	expect(document.errors.map(String)).toEqual([]);
	expect(document.warnings.map(String)).toEqual([]);
	return document.toJS();
}

const texts = new Map(FILES.map((path) => [path, readFileSync(join(ROOT, path), 'utf8')]));
const flows = new Map(FILES.map((path) => [path, parse(texts.get(path)!)]));
const workflow = (name: string) => flows.get(`.github/workflows/${name}`)!;
const steps = (flow: Workflow) => Object.values(flow.jobs).flatMap((job: any) => job.steps ?? []);
const runs = (flow: Workflow) => steps(flow).flatMap((step: any) => (step.run ? [step.run] : []));

/** Violations of the schema and of the project's rules for a set of fixture files. */
function fixtureProblems(...names: string[]) {
	const fixtureTexts = new Map(names.map((name) => [name, readFileSync(join(FIXTURES, name), 'utf8')]));
	const parsed = new Map([...fixtureTexts].map(([name, text]) => [name, parseDocument(text).toJS() as Workflow]));
	return workflowViolations(parsed);
}

describe('every workflow and example', () => {
	it('finds the workflows and the examples', () => {
		expect(FILES).toEqual(expect.arrayContaining(['.github/workflows/pr.yml', '.github/workflows/deploy.yml', '.github/workflows/lab-pages.yml', '.github/workflows/lab-pull-request.yml', 'examples/lab-publish.yml', 'examples/lab-pull-request.yml']));
	});

	it.each(FILES)('%s is valid against the workflow schema', (path) => {
		expect(validateWorkflow(texts.get(path)!).errors).toEqual([]);
	});

	it('follows the project rules: pinned actions, read-only pull requests, timeouts, no npm ci', () => {
		expect(workflowViolations(flows)).toEqual([]);
	});

	it('pins each action to one commit across all files, with its version in a comment', () => {
		const pins = new Map<string, Set<string>>();
		for (const text of texts.values()) {
			for (const match of text.matchAll(/uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40})( # v\d+[\d.]*)?/g)) {
				if (!match[1].startsWith('actions/')) continue;
				expect(match[3], `${match[1]}@${match[2]} has no "# vX.Y.Z" comment`).toBeDefined();
				pins.set(match[1], (pins.get(match[1]) ?? new Set()).add(match[2]));
			}
		}
		expect([...pins.keys()].sort()).toEqual(['actions/checkout', 'actions/deploy-pages', 'actions/setup-node', 'actions/upload-pages-artifact']);
		for (const [action, shas] of pins) expect([action, shas.size]).toEqual([action, 1]);
	});

	it('runs the Node version the project pins, with the npm cache', () => {
		const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
		expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toBe(pkg.devDependencies.node);
		for (const [path, flow] of flows) {
			for (const step of steps(flow).filter((candidate: any) => candidate.uses?.startsWith('actions/setup-node@'))) {
				expect([path, step.with['node-version-file'], step.with.cache]).toEqual([path, expect.stringMatching(/(^|\/)\.nvmrc$/), 'npm']);
			}
		}
	});
});

describe('the rules catch what they are for (bad workflow fixtures)', () => {
	it('refuses an action pinned to a tag', () => {
		expect(fixtureProblems('unpinned-action.yml')).toEqual([
			'unpinned-action.yml: jobs.build.steps[0].uses: actions/checkout@v4 is pinned to "v4", not to a full commit SHA (40 hex digits)',
		]);
	});

	it('refuses a write permission in a pull-request job', () => {
		expect(fixtureProblems('pr-write-permission.yml')).toEqual([
			'pr-write-permission.yml: jobs.check.permissions: contents: write in a job pull requests run; pull requests get read access only',
		]);
	});

	it('refuses pull_request_target, secrets, kept credentials, a missing timeout and npm ci', () => {
		expect(fixtureProblems('pull-request-target.yml')).toEqual([
			"pull-request-target.yml: on: pull_request_target runs contributions with the repository's secrets and a write token; use pull_request",
			'pull-request-target.yml: uses secrets in a workflow pull requests run',
			'pull-request-target.yml: jobs.check: has no timeout-minutes (a hung job would hold a runner for 6 hours)',
			'pull-request-target.yml: jobs.check.steps[0].with.persist-credentials: checkout keeps the token in .git/config; set persist-credentials: false',
			"pull-request-target.yml: jobs.check.steps[1].run: npm ci refuses the project's lockfile (made without other platforms' optional packages); use npm install",
		]);
	});

	it('follows a pull request into the reusable workflow it calls', () => {
		expect(fixtureProblems('calls-reusable.yml', 'reusable-called-by-pr.yml')).toEqual([
			'calls-reusable.yml: jobs.check.uses: some-owner/some-site/.github/workflows/reusable-called-by-pr.yml@main is pinned to "main", not to a full commit SHA (40 hex digits)',
			'calls-reusable.yml: jobs.check.secrets: passes secrets to a workflow pull requests run',
			'reusable-called-by-pr.yml: jobs.check.permissions: pull-requests: write in a job pull requests run; pull requests get read access only',
		]);
		// Alone, nothing says a pull request runs it.
		expect(fixtureProblems('reusable-called-by-pr.yml')).toEqual([]);
	});

	it('leaves schema mistakes to the validator, which refuses them', () => {
		const text = readFileSync(join(FIXTURES, 'schema-error.yml'), 'utf8');
		expect(JSON.stringify(validateWorkflow(text).errors)).toContain("Additional property 'permisions' is not allowed");
	});
});

describe('pr.yml', () => {
	const flow = workflow('pr.yml');

	it('runs on pull requests only, with read-only jobs and no secrets', () => {
		expect(Object.keys(flow.on)).toEqual(['pull_request']);
		expect(flow.permissions).toEqual({ contents: 'read' });
		for (const job of Object.values(flow.jobs) as any[]) expect(job.permissions).toBeUndefined();
		expect(texts.get('.github/workflows/pr.yml')).not.toMatch(/secrets\./);
	});

	it('checks, tests, builds and validates links', () => {
		expect(runs(flow)).toEqual(['npm install --no-audit --no-fund', 'npm run check', 'npm test', 'npm run build', 'npm run check:links']);
	});
});

describe('deploy.yml', () => {
	const flow = workflow('deploy.yml');

	it('runs on pushes to main and by hand', () => {
		expect(flow.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
		expect(flow.permissions).toEqual({ contents: 'read' });
	});

	it('builds with full history and uploads in a job without write permissions', () => {
		const build = flow.jobs.build;
		expect(build.permissions).toBeUndefined();
		expect(build.steps[0].with).toMatchObject({ 'persist-credentials': false, 'fetch-depth': 0 });
		const actions = build.steps.map((step: any) => step.uses?.split('@')[0] ?? step.run);
		expect(actions).toEqual(['actions/checkout', 'actions/setup-node', 'npm install --no-audit --no-fund', 'npm run check', 'npm run build', 'npm run check:links', 'actions/upload-pages-artifact']);
	});

	it('grants pages and id-token write to the deploy job only', () => {
		expect(flow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		expect(flow.jobs.deploy.needs).toBe('build');
		expect(flow.jobs.deploy.steps.map((step: any) => step.uses.split('@')[0])).toEqual(['actions/deploy-pages']);
	});
});

describe('the lab workflows (reusable)', () => {
	const publish = workflow('lab-pages.yml');
	const pullRequest = workflow('lab-pull-request.yml');

	it('are called, never triggered themselves, and read the repository only at the top', () => {
		for (const flow of [publish, pullRequest]) {
			expect(Object.keys(flow.on)).toEqual(['workflow_call']);
			expect(flow.on.workflow_call.inputs['site-ref']).toMatchObject({ required: true, type: 'string' });
			expect(flow.permissions).toEqual({ contents: 'read' });
		}
	});

	it('check out the lab at the workspace root with full history, and the site at the pinned ref', () => {
		for (const job of [publish.jobs.build, pullRequest.jobs.check]) {
			const [lab, site] = job.steps;
			expect(lab.uses).toMatch(/^actions\/checkout@/);
			expect(lab.with).toEqual({ 'persist-credentials': false, 'fetch-depth': 0 });
			expect(site.with).toEqual({ repository: '${{ inputs.site-repository }}', ref: '${{ inputs.site-ref }}', path: '.lab-site', 'persist-credentials': false });
		}
	});

	it('run npm run lab, the command a maintainer runs locally; pull requests in strict mode', () => {
		expect(runs(publish)).toEqual(['npm install --no-audit --no-fund', 'npm run lab -- "$GITHUB_WORKSPACE" --out "$RUNNER_TEMP/lab-site"']);
		expect(runs(pullRequest)).toEqual(['npm install --no-audit --no-fund', 'npm run lab -- "$GITHUB_WORKSPACE" --out "$RUNNER_TEMP/lab-site" --strict']);
	});

	it("point edit and source links at the lab's repository and branch", () => {
		const env = (job: any) => job.steps.find((step: any) => step.run?.startsWith('npm run lab')).env;
		expect(env(publish.jobs.build)).toMatchObject({ LAB_REPO_URL: '${{ github.server_url }}/${{ github.repository }}', LAB_BRANCH: '${{ inputs.lab-branch || github.ref_name }}', SITE_URL: '${{ inputs.site-url }}', BASE_PATH: '${{ inputs.base-path }}' });
		expect(env(pullRequest.jobs.check)).toMatchObject({ LAB_REPO_URL: '${{ github.server_url }}/${{ github.repository }}', LAB_BRANCH: '${{ github.base_ref || github.ref_name }}' });
	});

	it('upload what npm run lab built, and only the deploy job writes to Pages', () => {
		expect(publish.jobs.build.steps.at(-1)).toMatchObject({ uses: expect.stringMatching(/^actions\/upload-pages-artifact@/), with: { path: '${{ runner.temp }}/lab-site' } });
		expect(publish.jobs.build.permissions).toBeUndefined();
		expect(publish.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		expect(pullRequest.jobs.check.permissions).toEqual({ contents: 'read' });
		expect(texts.get('.github/workflows/lab-pull-request.yml')).not.toMatch(/secrets[.:]/);
	});
});

describe('the lab examples', () => {
	const publish = flows.get('examples/lab-publish.yml')!;
	const pullRequest = flows.get('examples/lab-pull-request.yml')!;

	it('publish on pushes to main, on a schedule and by hand; check pull requests', () => {
		expect(Object.keys(publish.on)).toEqual(['push', 'schedule', 'workflow_dispatch']);
		expect(publish.on.push).toEqual({ branches: ['main'] });
		expect(Object.keys(pullRequest.on)).toEqual(['pull_request']);
		expect(pullRequestWorkflows(flows)).toEqual(new Set(['.github/workflows/pr.yml', 'examples/lab-pull-request.yml', '.github/workflows/lab-pull-request.yml']));
	});

	it('call a workflow of this repository with inputs it declares, site-ref equal to the pinned commit', () => {
		for (const example of [publish, pullRequest]) {
			for (const job of Object.values(example.jobs) as any[]) {
				const called = workflow(calledWorkflowFile(job.uses)!);
				expect(called, job.uses).toBeDefined();
				const inputs = called.on.workflow_call.inputs;
				for (const name of Object.keys(job.with)) expect(Object.keys(inputs)).toContain(name);
				for (const [name, input] of Object.entries(inputs) as any[]) if (input.required) expect(job.with).toHaveProperty(name);
				expect(job.with['site-ref']).toBe(job.uses.split('@')[1]);
			}
		}
	});

	it('are the files the guides "Add the publishing workflow" and "Check pull requests" show, word for word', () => {
		const pin = publish.jobs.publish.with['site-ref'];
		for (const [guideFile, example] of [
			['publishing-workflow.md', 'examples/lab-publish.yml'],
			['check-pull-requests.md', 'examples/lab-pull-request.yml'],
		]) {
			const guide = readFileSync(join(ROOT, 'src/content/docs/guides', guideFile), 'utf8');
			expect(guide).toContain(`\`\`\`yaml\n${texts.get(example)}\`\`\``);
			expect(texts.get(example)).toContain(`(src/content/docs/guides/${guideFile})`);
			expect(new Set(guide.match(/\b[0-9a-f]{40}\b/g))).toEqual(new Set([pin]));
		}
	});

	it('grant the called workflow what it needs and nothing more', () => {
		expect(publish.jobs.publish.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
		expect(pullRequest.jobs.check.permissions).toEqual({ contents: 'read' });
	});
});

describe('Dependabot', () => {
	const config = parse(readFileSync(join(ROOT, '.github/dependabot.yml'), 'utf8'));

	it('keeps the action pins and the npm packages current', () => {
		expect(config.version).toBe(2);
		expect(config.updates.map((update: any) => [update['package-ecosystem'], update.directory, update.schedule.interval])).toEqual([
			['github-actions', '/', 'weekly'],
			['npm', '/', 'weekly'],
		]);
	});
});
