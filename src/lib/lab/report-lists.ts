/**
 * The import report's lists (unresolved links, paths not read, secrets removed...), each with its
 * heading, what it means and its items as the page shows them. They grow with the lab, so the
 * report page gives each one's count and every item is on the list's own pages.
 */
import type { LabReport } from './report';

export interface ReportListItem {
	/** The path (or path and line) the item is about, shown as code. */
	code: string;
	/** Where it points, shown as code after an arrow (a link's target). */
	target?: string;
	text?: string;
}

export interface ReportList {
	/** Its heading's id on the report, and its pages' address: report/<slug>/. */
	slug: string;
	title: string;
	intro?: string;
	items(report: LabReport): ReportListItem[];
}

const at = (file: string, line?: number) => (line ? `${file}:${line}` : file);

export const REPORT_LISTS: readonly ReportList[] = [
	{
		slug: 'unresolved-links',
		title: 'Unresolved links',
		items: (report) => report.unresolvedLinks.map((link) => ({ code: link.from, target: link.target })),
	},
	{
		slug: 'not-records',
		title: 'Legacy material that did not become a record',
		items: (report) => report.skipped.map((item) => ({ code: item.path, text: item.reason })),
	},
	{
		slug: 'not-read',
		title: 'Paths not read',
		intro: 'Files and folders under the lab that the site does not read (symbolic links are never followed), with the reason.',
		items: (report) => report.notRead.map((item) => ({ code: item.path, text: item.reason })),
	},
	{
		slug: 'renamed-pages',
		title: 'Pages renamed',
		intro: 'Files whose names cannot be a page address as they are (odd characters, names that differ only by case) get a safe page name.',
		items: (report) => report.renamedPages.map((item) => ({ code: item.path, text: item.reason })),
	},
	{
		slug: 'secrets',
		title: 'Secrets removed',
		intro: 'Tokens and keys found in lab material are removed before anything is built or indexed. Only where they were and which rule found them is listed, never the secret.',
		items: (report) => report.secretsRemoved.map((item) => ({ code: at(item.file, item.line), text: item.rule })),
	},
	{
		slug: 'dropped-html',
		title: 'Raw HTML dropped',
		intro: 'HTML in notes and write-ups that could run script or load something is removed from the page.',
		items: (report) => report.droppedHtml.map((item) => ({ code: at(item.file, item.line), text: item.message })),
	},
];
