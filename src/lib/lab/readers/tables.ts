/**
 * Result tables: one row per run, columns named by the lab's header words ("tok/s out",
 * "Output tok/s", "Total tok/s", "LocalMaxxing ID", "Input", "Output", "GPUs", "Shape").
 * A throughput column whose header does not say which throughput it is ("tok/s") is not read.
 */
import { sentenceEvidence, type Claim, type RunObservation } from '../claims';
import { plain, type Table } from './markdown';
import { localmaxxingIds, runArtifacts, shapeIn, statusIn } from './statements';

export type ColumnRole =
	| 'output'
	| 'total'
	| 'prefill'
	| 'id'
	| 'promptTokens'
	| 'outputTokens'
	| 'contextLength'
	| 'batchSize'
	| 'gpuCount'
	| 'shape'
	| 'status'
	| 'label';

const RATE = /tok(?:ens)?\s*\/\s*s|tok_s|\btps\b|\bt\/s\b|throughput|tokens?\s+per\s+second/i;

/** What a column holds, from its header words; undefined when the header does not say. */
export function columnRole(header: string): ColumnRole | undefined {
	const words = plain(header).toLowerCase().trim();
	if (/localmaxxing|^(?:run\s+)?id$/.test(words)) return 'id';
	if (RATE.test(words)) {
		if (/\b(?:out|output|gen|generation|decode|tg)\b/.test(words)) return 'output';
		if (/\btotal\b/.test(words)) return 'total';
		if (/\b(?:prefill|prompt|pp)\b/.test(words)) return 'prefill';
		return undefined;
	}
	if (/^(?:input|prompt)(?:\s+tokens)?$/.test(words)) return 'promptTokens';
	if (/^(?:output|gen|generated)(?:\s+tokens)?$/.test(words)) return 'outputTokens';
	if (/^(?:ctx|context(?:\s+length)?|max[_ ]model[_ ]len)$/.test(words)) return 'contextLength';
	if (/^batch(?:\s+size)?$/.test(words)) return 'batchSize';
	if (/^(?:gpus?|gpu\s+count|cards?)$/.test(words)) return 'gpuCount';
	if (/^shape$/.test(words)) return 'shape';
	if (/^(?:status|decision|verdict|outcome|result)$/.test(words)) return 'status';
	if (/^(?:label|name|candidate|variant|run|config(?:uration)?|recipe|change|setting|mode|test)$/.test(words)) return 'label';
	return undefined;
}

const number = (cell: string): number | undefined => {
	const match = /^~?\s*(\d+(?:\.\d+)?)\s*(?:tok\/s)?$/.exec(plain(cell).trim());
	return match ? Number(match[1]) : undefined;
};

const whole = (cell: string): number | undefined => {
	const value = number(cell);
	return value !== undefined && Number.isInteger(value) ? value : undefined;
};

/** True when the table has a column saying which throughput it holds. */
export const isResultTable = (table: Table): boolean =>
	table.header.some((header) => ['output', 'total', 'prefill'].includes(columnRole(header) ?? ''));

export interface TableContext {
	source: string;
	track?: string;
	/** The date the rows' statuses are stated on (the section's or the file's date). */
	statusDate?: string;
	/** Claims every row shares (e.g. the "Model:" line above a ledger table). */
	shared?: Claim[];
	/** Keep repeat rows as rows (for a reader that pairs them with their mean itself). */
	keepRepeats?: boolean;
}

/** One observation per row that states a throughput or an id. */
export function tableObservations(table: Table, context: TableContext): RunObservation[] {
	const roles = table.header.map(columnRole);
	const out: RunObservation[] = [];
	for (const row of table.rows) {
		const rowText = `| ${row.cells.join(' | ')} |`;
		const evidence = sentenceEvidence(context.source, row.line, plain(rowText));
		const claims: Claim[] = [];
		const add = (field: string, value: unknown) => {
			if (!claims.some((claim) => claim.field === field)) claims.push({ field, value, basis: 'stated', evidence });
		};
		let id: string | undefined;
		let title: string | undefined;
		let statusText: string | undefined;
		row.cells.forEach((cell, index) => {
			const role = roles[index];
			if (role === 'output') {
				const value = number(cell);
				if (value !== undefined && value > 0) add('metrics.outputTokPerS', value);
			} else if (role === 'total') {
				const value = number(cell);
				if (value !== undefined && value > 0) add('metrics.totalTokPerS', value);
			} else if (role === 'prefill') {
				const value = number(cell);
				if (value !== undefined && value > 0) add('metrics.prefillTokPerS', value);
			} else if (role === 'id') id = localmaxxingIds(cell)[0] ?? id;
			else if (role === 'promptTokens' || role === 'outputTokens' || role === 'contextLength' || role === 'batchSize') {
				const value = whole(cell);
				if (value !== undefined) add(`shape.${role}`, value);
			} else if (role === 'gpuCount') {
				const value = whole(cell);
				if (value !== undefined && value > 0) add('hardware.gpuCount', value);
			} else if (role === 'shape') {
				for (const [key, value] of Object.entries(shapeIn(cell))) add(`shape.${key}`, value);
			} else if (role === 'status') statusText = cell;
			else if (role === 'label' && !title) title = plain(cell).trim();
		});
		title ??= plain(row.cells[0] ?? '').trim();
		// A label like "...-p512-n1536" states the shape when no column does.
		for (const [key, value] of Object.entries(shapeIn(title))) add(`shape.${key}`, value);
		id ??= localmaxxingIds(rowText)[0];
		const output = claims.find((claim) => claim.field === 'metrics.outputTokPerS')?.value as number | undefined;
		if (output === undefined && !id && !claims.some((claim) => claim.field.startsWith('metrics.'))) continue;
		// A row named "graph partition warm" / "... cold" states its warmth.
		const warmth = /\bwarm(?:ed)?\b/i.test(title) ? 'warm' : /\bcold\b/i.test(title) ? 'cold' : undefined;
		if (warmth) add('warmth', warmth);
		for (const claim of context.shared ?? []) if (!claims.some((existing) => existing.field === claim.field)) claims.push(claim);
		const statuses: RunObservation['statuses'] = [];
		const status = statusText ? (/^approved|accepted$/i.test(plain(statusText).trim()) ? 'accepted' : statusIn(statusText)) : undefined;
		if (status) statuses.push({ status, ...(context.statusDate ? { date: context.statusDate } : {}), basis: 'stated', evidence });
		// A row is one run: the raw log or JSON it names is that run's own.
		const artifacts = runArtifacts(rowText);
		out.push({
			source: context.source,
			keys: { ...(id ? { localmaxxingId: id } : {}), ...(output !== undefined ? { outputTokPerS: output } : {}), ...(artifacts.length ? { artifacts } : {}) },
			...(title ? { title } : {}),
			...(context.track ? { track: context.track } : {}),
			claims,
			statuses,
		});
	}
	return context.keepRepeats ? out : withoutRepeatRows(out);
}

/**
 * "run 1 | 61.761434", "run 2 | 61.744262", "Mean | 61.752848": rows whose output figures average
 * to a mean row's are that run's repeats, not runs of their own. The mean row keeps them.
 */
function withoutRepeatRows(rows: RunObservation[]): RunObservation[] {
	const output = (row: RunObservation) => row.keys.outputTokPerS;
	const drop = new Set<RunObservation>();
	rows.forEach((row, index) => {
		const mean = output(row);
		if (mean === undefined || !/\b(?:mean|average|avg)\b/i.test(row.title ?? '')) return;
		for (let count = Math.min(index, 8); count >= 2; count--) {
			const repeats = rows.slice(index - count, index);
			const figures = repeats.map(output);
			if (!figures.every((value): value is number => value !== undefined)) continue;
			const average = figures.reduce((sum, value) => sum + value, 0) / figures.length;
			if (Math.abs(average - mean) > 5e-4 * mean) continue;
			for (const repeat of repeats) drop.add(repeat);
			if (!row.claims.some((claim) => claim.field === 'metrics.repeats')) {
				const evidence = repeats[0].claims.find((claim) => claim.field === 'metrics.outputTokPerS')!.evidence;
				row.claims.push({ field: 'metrics.repeats', value: figures.map((value) => ({ outputTokPerS: value })), basis: 'stated', evidence });
			}
			break;
		}
	});
	return rows.filter((row) => !drop.has(row));
}
