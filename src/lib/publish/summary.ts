/**
 * What a deploy would publish, read from the built site itself (the folder that becomes the
 * Pages artifact), so the figures are those of the artifact and not of an estimate.
 */
import type { Severity } from '../checks/types';

export interface BuiltFile {
	/** Path relative to the output folder, with forward slashes. */
	path: string;
	size: number;
}

export interface PublishSummary {
	pages: number;
	notePages: number;
	writeupPages: number;
	dataPages: number;
	recordPages: number;
	recipePages: number;
	/** Records in /records.json, by where they came from (source.kind). */
	records: number;
	recordsBySource: Record<string, number>;
	files: number;
	bytes: number;
	searchIndex: boolean;
}

/** The listing pages of src/pages (not one page per note, record, data file or recipe). */
const LISTINGS = new Set([
	'notes/index.html',
	'notes/by-track/index.html',
	'notes/by-outcome/index.html',
	'lab/index.html',
	'data/index.html',
	'records/index.html',
	'records/compare/index.html',
	'records/scaling/index.html',
	'repro/index.html',
]);

function pagesUnder(pages: string[], folder: string): number {
	return pages.filter((page) => page.startsWith(`${folder}/`) && !LISTINGS.has(page)).length;
}

/**
 * @param recordsJson the text of the built /records.json ({ count, records: [{ record }] }), if any.
 * @throws when records.json is present but not the shape the site writes (the artifact is broken).
 */
export function summarizePublish(files: readonly BuiltFile[], recordsJson?: string): PublishSummary {
	const pages = files.map((file) => file.path).filter((path) => path.endsWith('.html'));
	const recordsBySource: Record<string, number> = {};
	let records = 0;
	if (recordsJson !== undefined) {
		const parsed = JSON.parse(recordsJson) as { records?: Array<{ record?: { source?: { kind?: string } } }> };
		if (!Array.isArray(parsed.records)) throw new Error('records.json: records is not a list');
		records = parsed.records.length;
		for (const entry of parsed.records) {
			const kind = entry.record?.source?.kind ?? 'unknown';
			recordsBySource[kind] = (recordsBySource[kind] ?? 0) + 1;
		}
	}
	return {
		pages: pages.length,
		notePages: pagesUnder(pages, 'notes'),
		writeupPages: pagesUnder(pages, 'lab'),
		dataPages: pagesUnder(pages, 'data'),
		recordPages: pagesUnder(pages, 'records'),
		recipePages: pagesUnder(pages, 'repro'),
		records,
		recordsBySource,
		files: files.length,
		bytes: files.reduce((total, file) => total + file.size, 0),
		searchIndex: files.some((file) => file.path.startsWith('pagefind/')),
	};
}

export type FindingCounts = Record<Severity, number>;

export interface LabRunOutcome {
	lab: string;
	repoUrl: string;
	branch: string;
	findings: FindingCounts;
	/** Whether check errors stop the run (pull requests) or are only reported (deploys). */
	strict: boolean;
	build: { ok: boolean; seconds: number };
	/** Undefined when the build failed. */
	links?: { pages: number; broken: number };
	published?: PublishSummary;
}

const count = (value: number, one: string, many = `${one}s`) => `${value.toLocaleString('en')} ${value === 1 ? one : many}`;

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Whether the run passes: the site builds and every internal link resolves. A deploy publishes
 * what builds (the build itself refuses invalid strict content); check errors are reported on the
 * run and, in strict mode (pull requests), fail it too, so a contribution cannot add one.
 */
export function runPasses(outcome: LabRunOutcome): boolean {
	const checkPasses = !outcome.strict || outcome.findings.error === 0;
	return checkPasses && outcome.build.ok && outcome.links?.broken === 0 && outcome.published !== undefined;
}

function verdictOf(outcome: LabRunOutcome): string {
	const errors = outcome.findings.error;
	if (!outcome.build.ok) return 'The build failed: a deploy would publish nothing.';
	if (outcome.links?.broken) return 'Broken internal links: a deploy would publish nothing.';
	if (outcome.strict && errors) return `The check found ${count(errors, 'error')}: this pull request would fail.`;
	if (outcome.strict) return 'This pull request passes: the lab checks and builds with it.';
	if (errors) return `A deploy would publish this site; the check's ${count(errors, 'error')} would be shown on the run.`;
	return 'A deploy would publish this site.';
}

/** The closing summary, as plain lines (the terminal) or a markdown table (a job summary). */
export function formatOutcome(outcome: LabRunOutcome, format: 'text' | 'markdown' = 'text'): string {
	const rows: Array<[string, string]> = [
		['Lab', outcome.lab],
		['Links point at', `${outcome.repoUrl} (branch ${outcome.branch})`],
		['Check findings', `${count(outcome.findings.error, 'error')}, ${count(outcome.findings.warning, 'warning')}`],
	];
	rows.push(['Build', outcome.build.ok ? `done in ${outcome.build.seconds.toFixed(0)} s` : 'failed']);
	if (outcome.links) rows.push(['Internal links', outcome.links.broken ? `${count(outcome.links.broken, 'broken link')} in ${count(outcome.links.pages, 'page')}` : `all resolve (${count(outcome.links.pages, 'page')} checked)`]);
	const published = outcome.published;
	if (published) {
		const sources = Object.entries(published.recordsBySource)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([kind, n]) => `${n} ${kind}`)
			.join(', ');
		rows.push(
			['Pages', published.pages.toLocaleString('en')],
			['Notes', count(published.notePages, 'page')],
			['Write-ups', count(published.writeupPages, 'page')],
			['Data pages', count(published.dataPages, 'page')],
			['Records', `${published.records.toLocaleString('en')}${sources ? ` (${sources})` : ''}, ${count(published.recordPages, 'page')}`],
			['Recipes', count(published.recipePages, 'page')],
			['Search index', published.searchIndex ? 'yes' : 'missing'],
			['Artifact', `${count(published.files, 'file')}, ${megabytes(published.bytes)}`],
		);
	}
	const verdict = verdictOf(outcome);
	if (format === 'markdown') {
		return [`### ${verdict}`, '', '| | |', '| --- | --- |', ...rows.map(([label, value]) => `| ${label} | ${value.replace(/\|/g, '\\|')} |`), ''].join('\n');
	}
	const width = Math.max(...rows.map(([label]) => label.length));
	return [...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`), '', verdict].join('\n');
}
