/**
 * npm run lab -- <lab dir>: what the lab's publish workflow runs (check, build with LAB_DIR, link
 * check, summary), so a maintainer can reproduce a deploy on their machine. The workflow calls
 * this same command; see src/lib/publish/ for the arguments and the summary.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LAB_USAGE, githubRepoUrl, parseLabArgs } from '../src/lib/publish/lab-command';
import { formatOutcome, summarizePublish, runPasses, type LabRunOutcome } from '../src/lib/publish/summary';
import { deployTarget } from '../src/lib/site/deploy-target';
import { checkLab, printFindings } from './check';
import { checkBuiltLinks } from './check-links';

const args = parseLabArgs(process.argv.slice(2));
if (args.kind === 'help') {
	console.log(LAB_USAGE);
	process.exit(0);
}
if (args.kind === 'usage-error') {
	console.error(`npm run lab: ${args.message} (npm run lab -- --help for usage)`);
	process.exit(2);
}

const lab = resolve(args.lab);
if (!existsSync(lab) || !statSync(lab).isDirectory()) {
	console.error(`npm run lab: ${args.lab} is not a folder`);
	process.exit(2);
}
const outDir = resolve(args.out ?? process.env.OUT_DIR ?? 'dist');

const git = (...gitArgs: string[]) => {
	const result = spawnSync('git', ['-C', lab, ...gitArgs], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : undefined;
};
// In the workflow these come from its inputs; locally from the checkout, as a deploy from it would.
const branch = process.env.LAB_BRANCH || git('rev-parse', '--abbrev-ref', 'HEAD');
const repoUrl = process.env.LAB_REPO_URL || githubRepoUrl(git('remote', 'get-url', 'origin') ?? '');
Object.assign(process.env, {
	LAB_DIR: lab,
	OUT_DIR: outDir,
	...(branch && branch !== 'HEAD' ? { LAB_BRANCH: branch } : {}),
	...(repoUrl ? { LAB_REPO_URL: repoUrl } : {}),
});
const target = deployTarget(process.env);
const findings = { error: 0, warning: 0 };

const step = (title: string) => console.log(`\n== ${title}\n`);

step(`npm run check (LAB_DIR=${lab})`);
const checked = checkLab(lab);
printFindings(checked);
for (const finding of checked.findings) findings[finding.severity] += 1;

// The build runs whatever the check found, so one run reports everything that is wrong.
step(`npm run build (OUT_DIR=${outDir}, site ${target.site}${target.base})`);
const start = performance.now();
const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
const build = { ok: built.status === 0, seconds: (performance.now() - start) / 1000 };
const outcome: LabRunOutcome = { lab, repoUrl: target.labRepoUrl, branch: target.branch, findings, strict: args.strict, build };

if (build.ok) {
	step('npm run check:links');
	const links = checkBuiltLinks(outDir, target.base);
	for (const link of links.broken) console.log(`${link.page}: ${link.href} ${link.reason}`);
	console.log(`Checked ${links.pages} pages under ${target.base}: ${links.broken.length} broken internal link(s).`);
	outcome.links = { pages: links.pages, broken: links.broken.length };

	const files = (readdirSync(outDir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const full = join(entry.parentPath, entry.name);
			return { path: relative(outDir, full).split(sep).join('/'), size: statSync(full).size };
		});
	const recordsFile = join(outDir, 'records.json');
	outcome.published = summarizePublish(files, existsSync(recordsFile) ? readFileSync(recordsFile, 'utf8') : undefined);
}

step('What a deploy would publish');
console.log(formatOutcome(outcome));
// Inside GitHub Actions the same summary heads the run's page.
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${formatOutcome(outcome, 'markdown')}\n`);
process.exitCode = runPasses(outcome) ? 0 : 1;
