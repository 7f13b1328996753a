/**
 * Edit links and last-updated dates for pages built from lab files. Dates come from the lab
 * checkout's git history (read once per build); outside a git checkout pages simply have none.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { deployTarget } from '../lib/site/deploy-target';
import { newestCommitDates } from '../lib/site/git-log';
import { editUrl } from '../lib/site/paths';
import { labDir } from './lab-dir';

let datesByLabPath: Map<string, Date> | undefined;

function gitDates(lab: string): Map<string, Date> {
	const root = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: lab, encoding: 'utf8' });
	if (root.status !== 0) return new Map();
	const repoRoot = root.stdout.trim();
	const log = spawnSync('git', ['log', '--format=t:%ct', '--name-only', '--', '.'], {
		cwd: lab,
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024,
	});
	if (log.status !== 0) return new Map();
	const prefix = relative(repoRoot, lab).split('\\').join('/');
	const dates = new Map<string, Date>();
	for (const [file, date] of newestCommitDates(log.stdout)) {
		const inLab = prefix ? (file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : undefined) : file;
		if (inLab) dates.set(inLab, date);
	}
	return dates;
}

export interface LabPageMeta {
	editUrl: string;
	lastUpdated?: Date;
}

/** Page metadata for a file given by its path relative to the lab root. */
export function labPageMeta(labPath: string): LabPageMeta {
	const target = deployTarget(process.env);
	datesByLabPath ??= gitDates(labDir());
	return {
		editUrl: editUrl(target.labRepoUrl, target.branch, labPath),
		lastUpdated: datesByLabPath.get(labPath),
	};
}

/** What links to lab files need: the site's base path and the lab repository on GitHub. */
export function labLinks(base: string): { base: string; repoUrl: string; branch: string } {
	const target = deployTarget(process.env);
	return { base, repoUrl: target.labRepoUrl, branch: target.branch };
}
