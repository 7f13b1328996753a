/**
 * Submission ledgers (`localmaxxing_submissions.md`, `results/localmaxxing-submissions.md`) and
 * any markdown with result tables carrying a LocalMaxxing id column: one observation per row.
 *
 * A ledger is a list of dated sections ("Date: ..." then "Model: `...`" then a table, then
 * "Note: `<id>` is ..." paragraphs). The section's date dates its statuses; "returned APPROVED"
 * marks its rows accepted; a note naming an id gives that run the status its words say
 * ("now marked suspect", "was the then-current best", "remains invalid").
 */
import { sentenceEvidence, type Claim, type ReaderResult, type RunObservation } from '../claims';
import { mdLines, plain, tables, type MdLine } from './markdown';
import { localmaxxingIds, statusIn } from './statements';
import { columnRole, tableObservations } from './tables';

interface LedgerSection {
	date?: string;
	lines: MdLine[];
}

/** Split at "Date:" lines (each opens a section) and headings. */
function ledgerSections(lines: MdLine[]): LedgerSection[] {
	const out: LedgerSection[] = [{ lines: [] }];
	for (const entry of lines) {
		const date = /^\s*Date:\s*(\d{4}-\d{2}-\d{2})/i.exec(entry.text);
		if (date || /^#{1,3}\s/.test(entry.text)) out.push({ date: date?.[1] ?? out.at(-1)!.date, lines: [] });
		out.at(-1)!.lines.push(entry);
	}
	return out.filter((section) => section.lines.length);
}

/** Paragraphs (consecutive non-blank, non-table lines) with their first line. */
function paragraphs(lines: MdLine[]): Array<{ line: number; text: string }> {
	const out: Array<{ line: number; text: string }> = [];
	let current: { line: number; text: string } | undefined;
	for (const entry of lines) {
		if (!entry.text.trim() || /^\s*\|/.test(entry.text) || /^#/.test(entry.text)) {
			current = undefined;
			continue;
		}
		if (current && !/^\s*(?:[-*]\s|Note:|Date:|Model:)/i.test(entry.text)) current.text += ` ${entry.text.trim()}`;
		else {
			current = { line: entry.line, text: entry.text.trim() };
			out.push(current);
		}
	}
	return out;
}

/** True when a table is a ledger: an id column and at least one throughput column. */
const isLedgerTable = (header: string[]): boolean => {
	const roles = header.map(columnRole);
	return roles.includes('id') && roles.some((role) => role === 'output' || role === 'total' || role === 'prefill');
};

export function readLedger(path: string, text: string): ReaderResult {
	const result: ReaderResult = { observations: [], skipped: [] };
	const byId = new Map<string, RunObservation>();
	for (const section of ledgerSections(mdLines(text))) {
		const paras = paragraphs(section.lines);
		const model = paras.find((para) => /^Model:\s/i.test(para.text));
		const shared: Claim[] = [];
		if (model) {
			const id = /`([^`]+)`/.exec(model.text)?.[1];
			if (id) shared.push({ field: 'model.id', value: id, basis: 'stated', evidence: sentenceEvidence(path, model.line, plain(model.text)) });
		}
		const approved = paras.find((para) => /\bAPPROVED\b|\ball\b.*\b(?:accepted|approved)\b/i.test(para.text) && !/^Note:/i.test(para.text) && !/\bnot\b|\bfailed\b|HTTP\s*5\d\d/i.test(para.text));
		for (const table of tables(section.lines)) {
			if (!isLedgerTable(table.header)) {
				if (table.header.some((header) => columnRole(header) === 'id'))
					result.skipped.push({ path, reason: `table at line ${table.line} has an id column but no column saying which throughput it holds (${table.header.join(' | ')})` });
				continue;
			}
			for (const observation of tableObservations(table, { source: path, statusDate: section.date, shared })) {
				if (approved && !observation.statuses.some((entry) => entry.status === 'accepted')) {
					observation.statuses.push({ status: 'accepted', ...(section.date ? { date: section.date } : {}), basis: 'stated', evidence: sentenceEvidence(path, approved.line, plain(approved.text)) });
				}
				if (section.date) observation.date = section.date;
				result.observations.push(observation);
				if (observation.keys.localmaxxingId) byId.set(observation.keys.localmaxxingId, observation);
			}
		}
		// "Note: `cm...` is now marked suspect ..." speaks of the run it names first.
		for (const para of paras.filter((entry) => /^Note:/i.test(entry.text))) {
			const id = localmaxxingIds(para.text)[0];
			// Only the first sentence: it says what the run is; later ones tell its story.
			const status = statusIn(para.text.split(/(?<=\.)\s+(?=[A-Z])/)[0]);
			if (!id || !status) continue;
			let observation = byId.get(id);
			if (!observation) {
				observation = { source: path, keys: { localmaxxingId: id }, claims: [], statuses: [] };
				byId.set(id, observation);
				result.observations.push(observation);
			}
			if (!observation.statuses.some((entry) => entry.status === status)) {
				observation.statuses.push({ status, ...(section.date ? { date: section.date } : {}), basis: 'stated', evidence: sentenceEvidence(path, para.line, plain(para.text)) });
			}
		}
	}
	return result;
}
