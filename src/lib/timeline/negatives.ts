/**
 * The negative results: every record rejected, negative or blocked, and every note whose outcome
 * is negative or blocker. Each with what was tried, its shape, its result against its reference
 * (the one the lab names, else the best promoted comparable run up to its date: `lostTo`),
 * why it failed, and the settings to keep off.
 */
import { closestEarlierComparable, comparableKey, compare, formatPercent, metricValue, type Metric } from '../records/comparable';
import { formatRate, runContextLabel } from '../records/labels';
import { isRecorded, type LabRecord } from '../schema/record';
import type { NoteOutcome } from '../schema/note';
import { everPromoted, NEGATIVE_OUTCOMES, NEGATIVE_STATUSES, NOT_STANDING } from '../lab/status';
import { memoizeByText } from '../text/memo';


export const REASONS = ['hang', 'crash or error', 'quality failure', 'regression', 'no gain', 'blocked', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** A coarse reason, for filtering, from the words used to explain the failure. */
export function reasonCategory(text: string, blocked = false): Reason {
	const lower = text.toLowerCase();
	if (/\bhang|\bhung\b|\bstall|timed? out|timeout/.test(lower)) return 'hang';
	if (/segfault|crash|abort|device_lost|device lost|\berror\b|exception|failed to|oom\b|out of memory/.test(lower)) return 'crash or error';
	// A failed gate, not any mention of quality: "quality-safe but slower" is a regression.
	if (/quality[- ](?:fail|regress|broke|issue|problem)|fail(?:ed|s|ure)? (?:the |its |a )?(?:[\w-]+ )?(?:quality|gate|canary|canaries|hash)|not quality[- ](?:safe|valid|cleared)|hash(es)? (mismatch|differ)|nan\b|nans\b|wrong output|garbage|token 0\b|changed (?:the )?greedy output|degenerate|token diversity/.test(lower)) return 'quality failure';
	if (blocked || /\bblock/.test(lower)) return 'blocked';
	if (/slower|regress|drop|worse|below|trails|collapse/.test(lower)) return 'regression';
	if (/neutral|no gain|tied|within noise|no improvement|did not (?:beat|improve)|does not (?:beat|improve)/.test(lower)) return 'no gain';
	return 'other';
}

/** Environment flags and options a reader should leave off: CCL_P2P=0, VLLM_X=1... */
export function settingsIn(text: string): string[] {
	return [...new Set(text.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]{2,}(?:=[\w.:,/-]+)?/g) ?? [])];
}

const firstSentence = (text: string) => (text.replace(/\s+/g, ' ').trim().match(/^.{10,240}?[.!?](\s|$)/)?.[0] ?? text.replace(/\s+/g, ' ').trim().slice(0, 240)).trim();

export interface NegativeRow {
	id: string;
	kind: 'record' | 'note';
	what: string;
	date?: string;
	track?: string;
	engine: string;
	shape: string;
	result: string;
	resultValue?: number;
	reference?: { id: string; title: string };
	/** The reference the lab's own words name, when no comparable record is found ("88.7 baseline"). */
	statedReference?: string;
	delta?: number;
	deltaText: string;
	reason: string;
	reasonCategory: Reason;
	settings: string[];
	/** Where to read more: the record or note page id, and paired data paths. */
	recordId?: string;
	notePath?: string;
	dataPaths: string[];
}

type Entry = { id: string; record: LabRecord };

export function negativeRecordRows(entries: readonly Entry[]): NegativeRow[] {
	const sorted = [...entries].sort((a, b) => a.record.date.localeCompare(b.record.date) || a.id.localeCompare(b.id));
	// A doubted run (suspect, invalidated, withdrawn) is no reference either.
	const references = sorted.filter((entry) => !NOT_STANDING.has(entry.record.status));
	return sorted.filter((entry) => NEGATIVE_STATUSES.has(entry.record.status)).map((entry) => attemptRow(entry, references));
}

// Superseded runs were promoted once too, even when the source that promoted them is not in their history.
const wasPromoted = (record: LabRecord) => everPromoted(record) || record.status === 'superseded';

/**
 * The run an attempt lost to: the best promoted comparable run up to its date (the result it had
 * to beat), else the closest earlier comparable run that stands. Not simply the closest earlier
 * run: on a busy day that was often a rerun of an old baseline, which made a loss read as a gain.
 */
export function lostTo(entry: Entry, references: readonly Entry[], metric: Metric): Entry | undefined {
	const key = comparableKey(entry.record);
	if (key === undefined) return undefined;
	const promoted = references
		.filter((candidate) => candidate !== entry && wasPromoted(candidate.record) && candidate.record.date <= entry.record.date && comparableKey(candidate.record) === key && metricValue(candidate.record, metric) !== undefined)
		.sort((a, b) => metricValue(b.record, metric)! - metricValue(a.record, metric)!);
	if (promoted.length) return promoted[0];
	const candidates = [...references, entry].sort((a, b) => a.record.date.localeCompare(b.record.date));
	return closestEarlierComparable(entry, candidates, metric);
}

/** The row of one measured attempt: its result, and its delta against the reference the lab names, else the run it lost to. */
export function attemptRow(entry: Entry, references: readonly Entry[]): NegativeRow {
	const metric: Metric | undefined = (['outputTokPerS', 'totalTokPerS'] as Metric[]).find((candidate) => entry.record.metrics[candidate] !== undefined);
	// The lab's own words first: "86.39 vs 88.10 in-place path" is the reference the attempt was judged against.
	const stated = statedComparison(entry.record, metric);
	const reference = metric && !stated ? lostTo(entry, references, metric) : undefined;
	const comparison = reference && metric ? compare(entry.record, reference.record, metric) : undefined;
	// Without notes, the sentence that rejected the run says why ("Decision: reject this as a speed route...").
	const verdict = [...(entry.record.statusHistory ?? [])].reverse().find((status) => status.status !== 'valid' && NEGATIVE_STATUSES.has(status.status) && status.source.quote)?.source.quote ?? '';
	const notes = entry.record.notes?.trim() || verdict;
	return {
		id: `record:${entry.id}`,
		kind: 'record' as const,
		what: entry.record.title,
		date: entry.record.date,
		track: entry.record.track,
		engine: isRecorded(entry.record.software.engine.name) ? entry.record.software.engine.name : 'not recorded',
		// The number's labels beside it (shape, batch, warmth, speculation, quality), never a naked figure.
		shape: runContextLabel(entry.record),
		result: metric ? `${formatRate(entry.record.metrics[metric]!)} ${metric === 'outputTokPerS' ? 'output' : 'total'} tok/s` : 'not measured',
		resultValue: metric ? entry.record.metrics[metric] : undefined,
		reference: reference ? { id: reference.id, title: reference.record.title } : undefined,
		delta: comparison?.comparable ? comparison.percent : stated?.percent,
		deltaText: comparison?.comparable ? formatPercent(comparison.percent) : stated ? formatPercent(stated.percent) : 'no comparable reference',
		statedReference: stated?.text,
		reason: notes ? firstSentence(notes) : `status: ${entry.record.status}`,
		reasonCategory: reasonCategory(`${entry.record.title} ${notes}`, entry.record.status === 'blocked'),
		settings: settingsIn(`${entry.record.title} ${notes}`),
		recordId: entry.id,
		notePath: entry.record.sources?.find((path) => path.startsWith('notes/')),
		dataPaths: entry.record.artifacts.map((artifact) => artifact.path).filter((path) => path.startsWith('data/')),
	};
}

/** The gain against the reference figure the lab's words give ("86.39 vs 88.10 in-place path"). */
function statedComparison(record: LabRecord, metric: Metric | undefined): { percent: number; text: string } | undefined {
	const reference = record.comparedWith;
	if (!reference || !metric || (metric !== 'outputTokPerS' && metric !== 'totalTokPerS')) return undefined;
	const against = reference[metric];
	const value = record.metrics[metric];
	if (against === undefined || value === undefined) return undefined;
	const unit = metric === 'outputTokPerS' ? 'output' : 'total';
	return { percent: (value / against - 1) * 100, text: `${formatRate(against)} ${unit} tok/s${reference.label ? ` (${reference.label})` : ''}, as the lab states it` };
}

export interface NegativeNote {
	path: string;
	title: string;
	date?: string;
	track?: string;
	outcome?: string;
	engines: string[];
	/** What the note decided, worked out from its markdown by `explainNote` when the lab is read. */
	explanation?: NoteExplanation;
	pairedData: string[];
}

/** Why a negative note's row reads as it does: its decision, its opening sentence, the settings it names. */
export interface NoteExplanation {
	decision: string;
	/** The whole sentence the note's outcome was read from, when it says more than a word or two. */
	verdict?: string;
	summary: string;
	settings: string[];
}

/** "Model: ...", "Hardware: 4x B70": a line that states a setting, not why an attempt failed. */
const SETTING_LINE = /^(?:[-*]\s+)?(?:\*\*)?(?:date|model|models|hardware|host|gpu|gpus|engine|runtime|software|os|kernel|driver|shape|command|target|scope|weights|quantization)(?:\*\*)?\s*:/i;

/** The first prose paragraph of a markdown text (no headings, tables, code, or lines of settings). */
function firstParagraph(markdown: string): string {
	const paragraph = markdown
		.split(/\n\s*\n/)
		.map((part) => part.trim())
		.find((part) => part && !part.startsWith('#') && !part.startsWith('|') && !part.startsWith('```') && !SETTING_LINE.test(part));
	return paragraph ? paragraph.replace(/`/g, '') : '';
}

/** The decision, summary and settings of a note's markdown, kept while its text is the same. */
const explainBody = memoizeByText((body: string) => {
	const decision = /^#{2,3}\s+decision\b.*$/im.exec(body);
	const summary = firstParagraph(body.replace(/^#\s.*$/m, ''));
	return { decision: decision ? firstSentence(firstParagraph(body.slice(decision.index + decision[0].length))) : '', summary: firstSentence(summary), settings: settingsIn(body) };
});

/**
 * Where a note's outcome was read from (`decision line: "keep code unset for real..."`), as the
 * whole sentence of the note: not a title or file name, and not a verdict of a word or two
 * ("Negative.") that the note's opening explains better.
 */
function verdictSentence(body: string, outcomeFrom: string | undefined): string | undefined {
	const match = /^([^:"]*): "(.+)"$/.exec(outcomeFrom ?? '');
	if (!match || /^(?:title|file name)$/.test(match[1])) return undefined;
	const quoted = match[2].replace(/\.\.\.$/, '');
	const text = body.replace(/`([^`\n]*)`/g, '$1').replace(/\s+/g, ' ');
	// The outcome reader quotes prose with inline code as "code"; the quote's start finds the sentence.
	const head = quoted.split(/\bcode\b/)[0].trim();
	const at = head.length >= 12 ? text.toLowerCase().indexOf(head.toLowerCase()) : -1;
	const sentence = at >= 0 ? firstSentence(text.slice(at)) : quoted;
	return sentence.split(/\s+/).length >= 5 ? sentence : undefined;
}

/**
 * A negative note's `## Decision` section's first sentence, the sentence its outcome was read
 * from, its first sentence, and the settings it names (title first). Worked out when the lab is
 * read, so pages need not carry every note's markdown.
 */
export function explainNote(title: string, body: string, outcomeFrom?: string): NoteExplanation {
	const { decision, summary, settings } = explainBody(body);
	const verdict = verdictSentence(body, outcomeFrom);
	return { decision, ...(verdict ? { verdict } : {}), summary, settings: [...new Set([...settingsIn(title), ...settings])].slice(0, 6) };
}

/** Whether a note's outcome puts it in the negative-results table. */
export const isNegativeOutcome = (outcome: string | undefined): boolean => outcome !== undefined && NEGATIVE_OUTCOMES.has(outcome as NoteOutcome);

/**
 * Negative notes. A note whose run became a negative record is listed once, as that record; a
 * note with a measured run that is not itself negative shows that run's number and reference.
 */
export function negativeNoteRows(
	notes: readonly NegativeNote[],
	runOf: (notePath: string) => NegativeRow | undefined = () => undefined,
	negativeRecordOf: (notePath: string) => boolean = () => false,
): NegativeRow[] {
	return notes
		.filter((note) => isNegativeOutcome(note.outcome) && !negativeRecordOf(note.path))
		.map((note) => {
			const { decision, summary, settings } = note.explanation ?? { decision: '', summary: '', settings: [] };
			// The sentence the note's outcome was read from says why better than its opening does.
			const reason = decision || note.explanation?.verdict || summary;
			const run = runOf(note.path);
			if (run) return { ...run, id: `note:${note.path}`, kind: 'note' as const, what: note.title, notePath: note.path, reason: reason || run.reason, reasonCategory: reasonCategory(`${note.title} ${summary} ${decision}`, note.outcome === 'blocker'), dataPaths: note.pairedData };
			return {
				id: `note:${note.path}`,
				kind: 'note' as const,
				what: note.title,
				date: note.date,
				track: note.track,
				engine: note.engines[0] ?? 'not recorded',
				shape: 'see the note',
				result: 'see the note',
				deltaText: 'not measured',
				reason: reason || `outcome: ${note.outcome}`,
				reasonCategory: reasonCategory(`${note.title} ${summary} ${decision}`, note.outcome === 'blocker'),
				settings,
				notePath: note.path,
				dataPaths: note.pairedData,
			};
		});
}
