/**
 * A new hand-entered record. Every label must be stated: the questions come from the schema's
 * own list of required labels, so a label added to the schema is asked for automatically.
 */
import { formatRecordJson } from '../ingest/canonical-json';
import { getPath, mergeLabels, setPath } from '../importers/label-values';
import { RECORD_GUIDE, requiredLabelPaths, validateRecord, type LabRecord } from '../schema/record';
import type { Problem } from '../schema/explain';
import { scaffoldSlug } from './note';

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
	const result = validateRecord(labels, `data/records/${id}.json`);
	if (!result.ok) return { ok: false, problems: result.problems };
	return { ok: true, path: `data/records/${id}.json`, text: formatRecordJson(result.data), record: result.data };
}

export { setPath };
