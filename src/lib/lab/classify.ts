/**
 * Track and outcome of lab material, inferred in one place. The lab's files carry no metadata:
 * what a note is about and how it ended are only implied by its file name, title and decision.
 * Rules are ordered; the first that matches wins; "unclassified" (undefined) is a valid answer.
 * A manual override (data/classification-overrides.json) always wins over these rules.
 */
import type { NoteOutcome } from '../schema/note';

export interface Track {
	id: string;
	label: string;
}

/** The lab's lines of work, from the most specific rule to the most general. */
const TRACK_RULES: Array<{ track: Track; test: (text: string) => boolean }> = [
	{ track: { id: 'qwen-q4-gguf', label: 'Qwen3.6 27B Q4_0 GGUF, llama.cpp/SYCL' }, test: (t) => /qwen/.test(t) && /(q4[-_ ]?0|q4\b|gguf|llama[-.]?cpp|sycl)/.test(t) },
	{ track: { id: 'qwen-fp8-vllm', label: 'Qwen3.6 27B FP8, vLLM/XPU' }, test: (t) => /qwen/.test(t) && /(fp8|vllm|ngram|n-gram|mtp|tp4|tp2)/.test(t) },
	{ track: { id: 'minimax-gguf', label: 'MiniMax M2.7 GGUF, llama.cpp RPC/SYCL' }, test: (t) => /minimax/.test(t) && /(gguf|rpc|iq4|llama[-.]?cpp)/.test(t) },
	{ track: { id: 'minimax-autoround-vllm', label: 'MiniMax M2.7 AutoRound, vLLM/XPU' }, test: (t) => /minimax/.test(t) },
	{ track: { id: 'qwen-other', label: 'Qwen, other' }, test: (t) => /qwen/.test(t) },
];

export const KNOWN_TRACKS: Track[] = TRACK_RULES.map((rule) => rule.track);

export function trackLabel(id: string | undefined): string {
	return KNOWN_TRACKS.find((track) => track.id === id)?.label ?? id ?? 'Unclassified';
}

/** Words in file names and titles that say how an attempt ended. Checked in this order. */
const OUTCOME_WORDS: Array<[NoteOutcome, RegExp]> = [
	['blocker', /\b(blocker|blocked|blocks)\b/],
	['negative', /\b(negative|reject|rejected|regression|regress|regressed|slower|fail|failed|failure|hang|hung|hangs|crash|crashed|dead[- ]end|not[- ]promoted)\b/],
	['positive', /\b(win|wins|promoted|promote|record|best|speedup|improvement)\b/],
	['diagnostic', /\b(diagnostic|diagnostics|probe|audit|trace|profile|profiling|census|analysis|investigation|screen)\b/],
];

/** What a `## Decision` section says, when the name and title do not tell. */
const DECISION_WORDS: Array<[NoteOutcome, RegExp]> = [
	['blocker', /\bblock(ed|er)\b/],
	['negative', /\b(negative|reject|do not promote|not promoted|keep .{0,60}\b(unset|off|disabled|default)|regress)/],
	['positive', /\b(promote|promoted|keep (it|this|the new)|adopt|new best)\b/],
	['diagnostic', /\b(diagnostic|keep as a clue|for reference)\b/],
];

/** "2026-05-10-minimax-ccl-p2p-off-negative.md" -> "minimax ccl p2p off negative" */
function words(text: string): string {
	return text
		.toLowerCase()
		.replace(/\.(md|json)$/, '')
		.replace(/^\d{4}-\d{2}-\d{2}-?/, '')
		.replace(/[-_/.]+/g, ' ');
}

function decisionSection(body: string): string | undefined {
	const match = /^#{2,3}\s+decision\b.*$/im.exec(body);
	if (!match) return undefined;
	const rest = body.slice(match.index + match[0].length);
	const next = /^#{1,3}\s/m.exec(rest);
	return (next ? rest.slice(0, next.index) : rest).toLowerCase();
}

export interface Classification {
	track?: string;
	outcome?: NoteOutcome;
	/** Why, for the report: "filename", "title", "decision section", "override". */
	outcomeFrom?: string;
}

export function classifyNote(input: { path: string; title: string; body: string }): Classification {
	const name = words(input.path.split('/').at(-1) ?? input.path);
	const title = input.title.toLowerCase();
	const track = TRACK_RULES.find((rule) => rule.test(`${name} ${title}`))?.track.id;
	for (const [source, text] of [['filename', name], ['title', title]] as const) {
		const found = OUTCOME_WORDS.find(([, pattern]) => pattern.test(text));
		if (found) return { track, outcome: found[0], outcomeFrom: source };
	}
	const decision = decisionSection(input.body);
	const fromDecision = decision && DECISION_WORDS.find(([, pattern]) => pattern.test(decision));
	if (fromDecision) return { track, outcome: fromDecision[0], outcomeFrom: 'decision section' };
	return { track };
}

/**
 * Outcome codes in free-form data: `status: "promoted_strict_quality_pass"`,
 * `"quality_failed_raw145_n64"`, `"hung_after_warmup_stopped"`...
 */
export function outcomeFromCode(code: string): NoteOutcome | undefined {
	const text = code.toLowerCase().replace(/[_-]+/g, ' ');
	return OUTCOME_WORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

export function classifyData(input: { path: string; title: string; status?: string }): Classification {
	const name = words(input.path.split('/').at(-1) ?? input.path);
	const track = TRACK_RULES.find((rule) => rule.test(`${name} ${input.title.toLowerCase()}`))?.track.id;
	const outcome = (input.status && outcomeFromCode(input.status)) || OUTCOME_WORDS.find(([, pattern]) => pattern.test(name))?.[0];
	return { track, outcome, outcomeFrom: outcome ? (input.status && outcomeFromCode(input.status) ? 'status' : 'filename') : undefined };
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
