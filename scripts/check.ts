/**
 * npm run check: validates all lab content without building the site (LAB_DIR, default this
 * project). Prints `file:line: field: message`; inside GitHub Actions also workflow annotations.
 * Exits non-zero on errors; warnings are printed but do not fail.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { labDir } from '../src/build/lab-dir';
import { diskLabSession } from '../src/build/lab-session';
import { buildInventory } from '../src/lib/lab/inventory';
import { parseCommandLine, UsageError } from '../src/lib/cli/command-line';
import { formatFinding, githubAnnotation, runChecks } from '../src/lib/checks';
import { findingsToShow } from '../src/lib/checks/summary';
import type { CheckedFile, Finding } from '../src/lib/checks/types';
import { SECRET_SCAN_CHUNK } from '../src/lib/text/secrets';

/** Text files the scan does not read but the secret and type checks must see. */
const TEXT = /\.(sh|bash|py|txt|log|b64|csv|yaml|yml|toml|cfg|conf|patch|diff|html?|svg|mdx|js|mjs|cjs|ts|tsx|jsx|astro)$/i;
const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** A file's bytes in 1 MB chunks (latin1: every byte one character, so tokens and lines survive). */
function* readChunks(path: string): Iterable<string> {
	const buffer = Buffer.alloc(SECRET_SCAN_CHUNK);
	const fd = openSync(path, 'r');
	try {
		for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) yield buffer.toString('latin1', 0, read);
	} finally {
		closeSync(fd);
	}
}

export interface CheckResult {
	findings: Finding[];
	files: number;
	milliseconds: number;
}

export function checkLab(lab = labDir()): CheckResult {
	const start = performance.now();
	const session = diskLabSession(lab, process.env, buildInventory);
	const files: CheckedFile[] = session.files().map((file) =>
		file.text === undefined && TEXT.test(file.path) && file.size <= MAX_TEXT_BYTES
			? { ...file, text: readFileSync(join(lab, file.path), 'utf8') }
			: file.text === undefined
				? { ...file, readChunks: () => readChunks(join(lab, file.path)) }
				: file,
	);
	const findings = runChecks({ files, inventory: session.inventory() });
	return { findings, files: files.length, milliseconds: performance.now() - start };
}

/** Warnings of one kind listed on a terminal before the rest are counted (`--all` lists them all). */
export const WARNINGS_PER_KIND = 10;

/**
 * The lab paths a contributor named (`npm run check -- notes/x.md data/records/`), as lab-relative
 * paths: a path is the lab's when the lab has it, else taken from the current folder. A path
 * outside the lab or missing from it is a usage error naming it.
 */
export function labPathsOf(given: readonly string[], lab: string): string[] {
	return given.map((path) => {
		// The lab's own path first: run from the project, "notes/x.md" means the lab's note.
		const inTheLab = resolve(lab, path);
		const absolute = isAbsolute(path) ? path : existsSync(inTheLab) || !existsSync(resolve(path)) ? inTheLab : resolve(path);
		const inLab = relative(resolve(lab), absolute).split(sep).join('/');
		if (inLab.startsWith('..') || isAbsolute(inLab)) throw new UsageError(`${path} is not inside the lab (${lab})\n${USAGE}`);
		if (!existsSync(absolute)) throw new UsageError(`${path}: no such file or folder in the lab (${lab})\n${USAGE}`);
		return inLab.replace(/\/$/, '');
	});
}

/** Findings about the named paths (a folder names everything in it); every finding when none are named. */
export function findingsAbout(findings: readonly Finding[], paths: readonly string[]): Finding[] {
	if (!paths.length || paths.includes('')) return [...findings];
	return findings.filter((finding) => paths.some((path) => finding.file === path || finding.file.startsWith(`${path}/`)));
}

export function printFindings(result: CheckResult, log = console.log, inGitHubActions = process.env.GITHUB_ACTIONS === 'true', all = false, only: readonly string[] = []): number {
	const mine = findingsAbout(result.findings, only);
	const others = result.findings.length - mine.length;
	result = { ...result, findings: mine };
	const errors = result.findings.filter((finding) => finding.severity === 'error');
	const warnings = result.findings.filter((finding) => finding.severity === 'warning');
	// GitHub Actions annotates every finding on its file; a terminal shows each kind of warning a few times.
	const { shown, hidden } = findingsToShow(result.findings, all || inGitHubActions ? Infinity : WARNINGS_PER_KIND);
	for (const finding of shown) {
		log(`${finding.severity === 'error' ? 'error' : 'warning'}: ${formatFinding(finding)}`);
		if (inGitHubActions) log(githubAnnotation(finding));
	}
	for (const { kind, count } of hidden) log(`warning: ... and ${count.toLocaleString('en')} more like "${kind.endsWith('…') ? kind : `${kind} …`}" (npm run check -- --all lists them)`);
	log(`\nChecked ${result.files} files in ${Math.round(result.milliseconds)} ms: ${errors.length} error(s), ${warnings.length} warning(s)${only.length ? ` in ${only.join(', ')}` : ''}.`);
	if (others) log(`${others.toLocaleString('en')} finding(s) about other files are not shown: run npm run check without paths to see them.`);
	return errors.length ? 1 : 0;
}

export const USAGE = `Usage: npm run check [-- <file or folder>...] [--all] [--help]

Checks the lab at LAB_DIR (default: this project) without building the site: records, recipes and
their record-defaults.json, note frontmatter, site data, cross-references, paths, secrets and links.
Prints file:line: field: message for each finding; exits 1 when there are errors (warnings do not fail).
Every error is listed; of each kind of warning, the first ${WARNINGS_PER_KIND} and a count of the rest.
With paths (a file or folder of the lab, or one from here inside it), only findings about them are shown and
decide the exit code; the whole lab is still read, since a note's links and a record's references
are checked against it.

Options:
  --all   list every warning (GitHub Actions always gets every finding as an annotation)`;

/** The exit code for these arguments: 0 after --help, 2 for a mistyped option, else the check's. */
export function runCheck(argv: string[], log = console.log, lab?: string): number {
	const commandLine = parseCommandLine<{ all?: boolean }>(argv, { all: { type: 'boolean' } }, USAGE);
	if (commandLine.help) {
		log(USAGE);
		return 0;
	}
	const root = lab ?? labDir();
	const only = labPathsOf(commandLine.positionals, root);
	return printFindings(checkLab(root), log, undefined, commandLine.values.all === true, only);
}

const isMain = process.argv[1] && import.meta.filename === process.argv[1];
if (isMain) {
	try {
		process.exitCode = runCheck(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(error.message);
		process.exitCode = 2;
	}
}
