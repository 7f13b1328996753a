/**
 * The project's own rules for GitHub workflows (this repository's and the lab's examples), on top
 * of the schema check: every action pinned to a full commit SHA, no `pull_request_target`, no
 * write permission or secret in anything a pull request runs, credentials not kept by checkouts,
 * a timeout on every job, and `npm install` rather than `npm ci`. Input: parsed workflows by file
 * name; output: one message per violation naming the file and the field.
 */

export type Workflow = Record<string, any>;

const SHA = /^[0-9a-f]{40}$/;

function triggers(flow: Workflow): string[] {
	const on = flow.on;
	if (typeof on === 'string') return [on];
	if (Array.isArray(on)) return on.map(String);
	return on && typeof on === 'object' ? Object.keys(on) : [];
}

const jobsOf = (flow: Workflow): Array<[string, any]> => Object.entries(flow.jobs ?? {});

/** The workflow file a `uses:` of a job calls (`owner/repo/.github/workflows/x.yml@ref` or `./.github/workflows/x.yml`). */
export function calledWorkflowFile(uses: string): string | undefined {
	return /(?:^|\/)\.github\/workflows\/([^/@]+\.ya?ml)(?:@|$)/.exec(uses)?.[1];
}

/** Why a `uses:` is not pinned, or undefined when it is. */
function pinProblem(uses: string): string | undefined {
	if (uses.startsWith('./')) return undefined;
	if (uses.startsWith('docker://')) return /@sha256:[0-9a-f]{64}$/.test(uses) ? undefined : 'is a container image without a sha256 digest';
	const at = uses.lastIndexOf('@');
	if (at < 0) return 'names no version; pin it to a full commit SHA';
	return SHA.test(uses.slice(at + 1)) ? undefined : `is pinned to "${uses.slice(at + 1)}", not to a full commit SHA (40 hex digits)`;
}

function writeGrants(permissions: unknown): string[] {
	if (permissions === 'write-all') return ['write-all'];
	if (!permissions || typeof permissions !== 'object') return [];
	return Object.entries(permissions as Record<string, unknown>)
		.filter(([, level]) => level === 'write')
		.map(([scope]) => `${scope}: write`);
}

/**
 * The workflows a pull request runs: those triggered by `pull_request` (or `pull_request_target`)
 * and, transitively, the reusable workflows they call that are among `workflows`.
 */
export function pullRequestWorkflows(workflows: ReadonlyMap<string, Workflow>): Set<string> {
	const reached = new Set([...workflows].filter(([, flow]) => triggers(flow).some((on) => on.startsWith('pull_request'))).map(([name]) => name));
	// A called file is one of .github/workflows/ (or a bare file name, for fixtures).
	const find = (file: string) => [...workflows.keys()].find((name) => name === file || name === `.github/workflows/${file}` || name.endsWith(`/.github/workflows/${file}`));
	for (const name of reached) {
		for (const [, job] of jobsOf(workflows.get(name)!)) {
			const file = typeof job?.uses === 'string' ? calledWorkflowFile(job.uses) : undefined;
			const called = file ? find(file) : undefined;
			if (called) reached.add(called);
		}
	}
	return reached;
}

export function workflowViolations(workflows: ReadonlyMap<string, Workflow>): string[] {
	const problems: string[] = [];
	const forPullRequests = pullRequestWorkflows(workflows);
	for (const [name, flow] of workflows) {
		const runsPullRequests = forPullRequests.has(name);
		if (triggers(flow).includes('pull_request_target')) {
			problems.push(`${name}: on: pull_request_target runs contributions with the repository's secrets and a write token; use pull_request`);
		}
		if (runsPullRequests) {
			for (const grant of writeGrants(flow.permissions)) problems.push(`${name}: permissions: ${grant} in a workflow pull requests run; pull requests get read access only`);
			if (flow.permissions === undefined && jobsOf(flow).some(([, job]) => job?.permissions === undefined)) {
				problems.push(`${name}: permissions: not declared, so pull requests get the repository's default token (which may write); declare permissions: { contents: read }`);
			}
			// Expressions only: comments may well say "no secrets".
			if (/\$\{\{[^}]*\bsecrets\./.test(JSON.stringify(flow))) problems.push(`${name}: uses secrets in a workflow pull requests run`);
		}
		for (const [jobName, job] of jobsOf(flow)) {
			const at = `${name}: jobs.${jobName}`;
			if (typeof job?.uses === 'string') {
				// A job that calls a reusable workflow takes no timeout: the called jobs carry theirs.
				const problem = pinProblem(job.uses);
				if (problem) problems.push(`${at}.uses: ${job.uses} ${problem}`);
				if (runsPullRequests && job.secrets !== undefined) problems.push(`${at}.secrets: passes secrets to a workflow pull requests run`);
			} else if (job?.['timeout-minutes'] === undefined) {
				problems.push(`${at}: has no timeout-minutes (a hung job would hold a runner for 6 hours)`);
			}
			if (runsPullRequests) for (const grant of writeGrants(job?.permissions)) problems.push(`${at}.permissions: ${grant} in a job pull requests run; pull requests get read access only`);
			(Array.isArray(job?.steps) ? job.steps : []).forEach((step: any, index: number) => {
				const stepAt = `${at}.steps[${index}]`;
				if (typeof step?.uses === 'string') {
					const problem = pinProblem(step.uses);
					if (problem) problems.push(`${stepAt}.uses: ${step.uses} ${problem}`);
					if (/^actions\/checkout@/.test(step.uses) && step.with?.['persist-credentials'] !== false) {
						problems.push(`${stepAt}.with.persist-credentials: checkout keeps the token in .git/config; set persist-credentials: false`);
					}
				}
				if (typeof step?.run === 'string' && /\bnpm ci\b/.test(step.run)) {
					problems.push(`${stepAt}.run: npm ci refuses the project's lockfile (made without other platforms' optional packages); use npm install`);
				}
			});
		}
	}
	return problems;
}
