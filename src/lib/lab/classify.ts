/**
 * Track and outcome of lab material, inferred in one place. The lab's files carry no metadata:
 * what a note is about comes from the tracks the lab declares (data/tracks.json, matched against
 * its name, title and opening text); how it ended comes from what the note decides
 * (src/lib/notes/outcome.ts). "Unclassified" (undefined) is a valid answer. A manual override
 * (data/classification-overrides.json) always wins over inference.
 */
import { noteOutcome, outcomeFromCode, type PairedDataFacts } from '../notes/outcome';
import { templateLeftovers, withoutTemplateText } from '../notes/template';
import type { NoteOutcome } from '../schema/note';
import { trackOf, type Track } from './tracks';

export type { Track } from './tracks';
export { trackLabel } from './tracks';
export { outcomeFromCode } from '../notes/outcome';

/** "2026-05-10-minimax-ccl-p2p-off-negative.md" -> "minimax ccl p2p off negative" */
function words(text: string): string {
	return text
		.toLowerCase()
		.replace(/\.(md|json)$/, '')
		.replace(/^\d{4}-\d{2}-\d{2}-?/, '')
		.replace(/[-_/.]+/g, ' ');
}

/** The opening of a note's text, where it says what it works on (code blocks left out). */
function headOf(body: string): string {
	return body.replace(/^\s{0,3}(```|~~~)[\s\S]*?^\s{0,3}\1.*$/gm, '').slice(0, 1500);
}

export interface Classification {
	track?: string;
	outcome?: NoteOutcome;
	/** Where the outcome came from: `decision section: "..."`, `paired data status: ...`, `file name`, `override`. */
	outcomeFrom?: string;
}

export function classifyNote(input: { path: string; title: string; body: string; pairedData?: readonly PairedDataFacts[] }, tracks: readonly Track[]): Classification {
	const fileName = input.path.split('/').at(-1) ?? input.path;
	const track = trackOf({ name: words(fileName), title: input.title, head: headOf(input.body) }, tracks);
	// A Decision still holding the template's sentence has not been decided: leave it unclassified.
	if (templateLeftovers(input.body).includes('Decision')) return { track };
	const reading = noteOutcome({ name: fileName, title: input.title, body: withoutTemplateText(input.body), pairedData: input.pairedData });
	return { track, outcome: reading.outcome, outcomeFrom: reading.from };
}

export function classifyData(input: { path: string; title: string; status?: string }, tracks: readonly Track[]): Classification {
	const fileName = input.path.split('/').at(-1) ?? input.path;
	const track = trackOf({ name: words(fileName), title: input.title }, tracks);
	const fromStatus = input.status ? outcomeFromCode(input.status) : undefined;
	if (fromStatus) return { track, outcome: fromStatus, outcomeFrom: `status: ${input.status}` };
	// A data file's name may say how its run ended; "ledger" or "submissions" say nothing about that.
	const reading = noteOutcome({ name: fileName, body: '' });
	if (reading.outcome === 'neutral') return { track };
	return { track, outcome: reading.outcome, outcomeFrom: reading.from };
}

export interface ClassificationOverride {
	track?: string;
	outcome?: NoteOutcome;
}

/** Manual overrides (lab path -> track/outcome) win over inference. */
export function withOverride(inferred: Classification, override: ClassificationOverride | undefined): Classification {
	if (!override) return inferred;
	return {
		track: override.track ?? inferred.track,
		outcome: override.outcome ?? inferred.outcome,
		outcomeFrom: override.outcome ? 'override' : inferred.outcomeFrom,
	};
}
