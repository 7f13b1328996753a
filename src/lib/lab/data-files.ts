/**
 * What the lab's data/ files are and what they say about themselves. The free-form experiment
 * JSONs have hundreds of key sets (camelCase or snake_case, dates under four names, outcomes
 * under status/decision/conclusion), so only a few well-known keys are read, and only at the top.
 */
export const DATA_KINDS = [
	'localmaxxing-payload',
	'localmaxxing-response',
	'localmaxxing-queue',
	'localmaxxing-other',
	'experiment',
	'invalid-json',
	'other-file',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export const DATA_KIND_LABELS: Record<DataKind, string> = {
	'localmaxxing-payload': 'LocalMaxxing payloads',
	'localmaxxing-response': 'LocalMaxxing responses',
	'localmaxxing-queue': 'LocalMaxxing queues',
	'localmaxxing-other': 'Other LocalMaxxing files (ledger, submissions, blobs)',
	experiment: 'Experiment data',
	'invalid-json': 'JSON files that do not parse',
	'other-file': 'Logs, text and other files',
};

export function dataKind(path: string, parsed: { ok: boolean } | undefined): DataKind {
	const name = path.split('/').at(-1) ?? path;
	if (!name.endsWith('.json')) return 'other-file';
	if (parsed && !parsed.ok) return 'invalid-json';
	if (name.endsWith('.payload.json')) return 'localmaxxing-payload';
	if (name.endsWith('.response.json') || path.includes('localmaxxing-responses/')) return 'localmaxxing-response';
	if (name.endsWith('.queue.json')) return 'localmaxxing-queue';
	if (/localmaxxing/i.test(name)) return 'localmaxxing-other';
	return 'experiment';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const firstString = (object: Record<string, unknown>, keys: string[]) => {
	for (const key of keys) {
		const value = object[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
	}
	return undefined;
};

/** A date as YYYY-MM-DD from "2026-05-18", "20260518T200646Z", "2026-05-18T05:51:39Z"... */
export function normalizeDate(text: string | undefined): string | undefined {
	if (!text) return undefined;
	const match = /(\d{4})-?(\d{2})-?(\d{2})/.exec(text);
	if (!match) return undefined;
	const date = `${match[1]}-${match[2]}-${match[3]}`;
	const parsed = new Date(`${date}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}

export interface DataFacts {
	title?: string;
	date?: string;
	/** The raw outcome text: a status code, or the first words of a decision or conclusion. */
	status?: string;
	summary?: string;
}

/** Title, date and outcome a JSON file states at its top level. */
export function dataFacts(value: unknown): DataFacts {
	if (!isObject(value)) return {};
	const title = firstString(value, ['title', 'label', 'experiment', 'name']);
	const date = normalizeDate(firstString(value, ['date', 'date_utc', 'dateUtc', 'timestamp_utc', 'timestampUtc', 'createdAt']));
	const status = firstString(value, ['status', 'outcome', 'result_status']);
	const summary = firstString(value, ['decision', 'conclusion', 'interpretation', 'summary']);
	return { title, date, status: status ?? summary?.slice(0, 120), summary };
}

/** The date in a file name: "...-20260518.json", "...20260503T200646Z..." */
export function dateInName(path: string): string | undefined {
	const name = path.split('/').at(-1) ?? path;
	const match = /(?:^|[-_.])(\d{4}-?\d{2}-?\d{2})(?:T\d{6}Z)?(?=[-_.]|$)/.exec(name);
	return normalizeDate(match?.[1]);
}
