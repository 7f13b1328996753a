/**
 * `npm run lab -- <lab dir>`: the arguments, and where links point when the lab is built from a
 * local checkout. The command itself (scripts/lab.ts) runs the steps.
 */
import { parseArgs } from 'node:util';

export const LAB_USAGE = `Usage: npm run lab -- <lab dir> [--out <dir>] [--strict]

Runs what the lab's workflows run, in the same order:
  1. npm run check on the lab (findings as GitHub annotations inside GitHub Actions)
  2. npm run build with LAB_DIR=<lab dir>
  3. npm run check:links on the built site
  4. a summary of what a deploy would publish (pages, notes, data pages, records, findings)

A deploy publishes what builds with every internal link resolving; check errors are reported.

Options:
  --out <dir>   where the site is built (default: OUT_DIR, or dist)
  --strict      check errors fail the run too (what the pull-request workflow runs)
  -h, --help    print this help

Links point at LAB_REPO_URL and LAB_BRANCH when set; otherwise at the checkout's GitHub "origin"
remote and current branch. SITE_URL, BASE_PATH and GITHUB_REPOSITORY set site and base as in the
build. Exit status: 0 when the run passes, 1 when a step fails, 2 on a usage error.`;

export type LabArgs = { kind: 'help' } | { kind: 'run'; lab: string; out?: string; strict: boolean } | { kind: 'usage-error'; message: string };

export function parseLabArgs(argv: readonly string[]): LabArgs {
	let parsed;
	try {
		parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { out: { type: 'string' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
	} catch (error) {
		// node:util's messages are long and end with advice about `--`: keep the first sentence.
		const message = (error as Error).message.split('. ')[0].replace(/\.$/, '');
		return { kind: 'usage-error', message };
	}
	if (parsed.values.help) return { kind: 'help' };
	if (parsed.positionals.length !== 1) {
		return { kind: 'usage-error', message: parsed.positionals.length ? `expected one lab folder, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}` : 'missing the lab folder' };
	}
	return { kind: 'run', lab: parsed.positionals[0], out: parsed.values.out, strict: parsed.values.strict === true };
}

/**
 * The https address of a GitHub remote (`git@github.com:o/r.git`, `https://github.com/o/r`,
 * `ssh://git@github.com/o/r.git`), or undefined for anything else (a bundle, another host).
 */
export function githubRepoUrl(remote: string): string | undefined {
	const match = /^(?:https:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com\/)([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(remote.trim());
	return match ? `https://github.com/${match[1]}/${match[2]}` : undefined;
}
