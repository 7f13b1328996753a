/**
 * npm run check: validates all lab content without building the site (LAB_DIR, default this
 * project). Prints `file:line: field: message`; inside GitHub Actions also workflow annotations.
 * Exits non-zero on errors; warnings are printed but do not fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { labDir } from '../src/build/lab-dir';
import { diskLabSession } from '../src/build/lab-session';
import { formatFinding, githubAnnotation, runChecks } from '../src/lib/checks';
import type { CheckedFile, Finding } from '../src/lib/checks/types';

/** Text files the scan does not read but the secret and type checks must see. */
const TEXT = /\.(sh|bash|py|txt|log|b64|csv|yaml|yml|toml|cfg|conf|patch|diff|html?|svg|mdx|js|mjs|cjs|ts|tsx|jsx|astro)$/i;
const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export interface CheckResult {
	findings: Finding[];
	files: number;
	milliseconds: number;
}

export function checkLab(lab = labDir()): CheckResult {
	const start = performance.now();
	const session = diskLabSession(lab);
	const files: CheckedFile[] = session.files().map((file) =>
		file.text === undefined && TEXT.test(file.path) && file.size <= MAX_TEXT_BYTES
			? { ...file, text: readFileSync(join(lab, file.path), 'utf8') }
			: file,
	);
	const findings = runChecks({ files, inventory: session.inventory() });
	return { findings, files: files.length, milliseconds: performance.now() - start };
}

export function printFindings(result: CheckResult, log = console.log, inGitHubActions = process.env.GITHUB_ACTIONS === 'true'): number {
	const errors = result.findings.filter((finding) => finding.severity === 'error');
	const warnings = result.findings.filter((finding) => finding.severity === 'warning');
	for (const finding of [...errors, ...warnings]) {
		log(`${finding.severity === 'error' ? 'error' : 'warning'}: ${formatFinding(finding)}`);
		if (inGitHubActions) log(githubAnnotation(finding));
	}
	log(`\nChecked ${result.files} files in ${Math.round(result.milliseconds)} ms: ${errors.length} error(s), ${warnings.length} warning(s).`);
	return errors.length ? 1 : 0;
}

const isMain = process.argv[1] && import.meta.filename === process.argv[1];
if (isMain) process.exitCode = printFindings(checkLab());
