/**
 * A new hand-entered record. Every label must be stated: the questions come from the schema's
 * own list of required labels, so a label added to the schema is asked for automatically.
 */
import { formatRecordJson } from '../ingest/canonical-json';
import { schemaAt, typedLabelValue } from '../importers/label-typing';
import { getPath, mergeLabels, setPath } from '../importers/label-values';
import { describeIssues } from '../schema/explain';
import { RECORD_GUIDE, requiredLabelPaths, validateRecord, type LabRecord } from '../schema/record';
import type { Problem } from '../schema/explain';
import { scaffoldSlug } from './note';
import { recordFileOf } from '../lab/lab-paths';

export interface LabelQuestion {
	/** Dotted label path, e.g. "hardware.gpuCount". */
	label: string;
	/** What to write, from the schema's hints. */
	question: string;
}


/** Labels given so far, plus what can be defaulted for a hand-entered run. */
export function recordDefaults(given: Record<string, unknown>, today: string): Record<string, unknown> {
	return mergeLabels({ date: today, status: 'candidate', source: { kind: 'measured', from: 'entered by hand with npm run new' }, artifacts: [] }, given);
}

/** The labels still unanswered, each with the question to ask. */
export function missingLabelQuestions(labels: Record<string, unknown>): LabelQuestion[] {
	const questions = requiredLabelPaths()
		.filter((label) => getPath(labels, label) === undefined)
		.map((label) => ({ label, question: RECORD_GUIDE.hints[label] ?? label }));
	const software = labels.software as Record<string, unknown> | undefined;
	if (software?.recipe === undefined && software?.commit === undefined) {
		questions.push({ label: 'software.recipe', question: RECORD_GUIDE.hints['software.recipe'] });
	}
	if (!['outputTokPerS', 'totalTokPerS', 'prefillTokPerS', 'acceptedTokPerS'].some((metric) => getPath(labels, `metrics.${metric}`) !== undefined)) {
		questions.push({ label: 'metrics.outputTokPerS', question: 'generated tokens per second (and metrics.totalTokPerS for prompt + generated)' });
	}
	return questions;
}

export function recordFile(labels: Record<string, unknown>): { ok: true; path: string; text: string; record: LabRecord } | { ok: false; problems: Problem[] } {
	const title = typeof labels.title === 'string' ? labels.title : undefined;
	const id = `${labels.date}-${scaffoldSlug(title ?? String(getPath(labels, 'model.id') ?? 'record'))}`;
	const result = validateRecord(labels, recordFileOf(id));
	if (!result.ok) return { ok: false, problems: result.problems };
	return { ok: true, path: recordFileOf(id), text: formatRecordJson(result.data), record: result.data };
}

/**
 * What is wrong with one typed answer for a label, judged by the schema at that label's path, or
 * undefined when it is fine: `npm run new` checks each answer as it is typed, so a typo costs one
 * answer, not the whole record.
 */
export function answerProblem(label: string, answer: string): string | undefined {
	const schema = schemaAt(label);
	if (!schema) return undefined;
	const value = typedLabelValue(label, answer);
	const result = (schema as unknown as { safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } } }).safeParse(value);
	if (result.success) return undefined;
	const [problem] = describeIssues({ schema, hints: {} }, (result.error?.issues ?? []) as never, value);
	if (!problem) return 'is not valid here';
	const path = problem.field ? `${label}.${problem.field}` : label;
	const hint = RECORD_GUIDE.hints[path];
	return `${problem.field ? `${problem.field} ` : ''}${problem.message}${hint && !problem.message.includes(hint) ? ` Write ${hint}.` : ''}`;
}

export { setPath };
