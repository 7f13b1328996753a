/**
 * What one sentence of the lab states: throughput with its unit, the reference it was compared
 * with, stated deltas, shape, hardware, quality gates, warmth, repeats, LocalMaxxing ids, cited
 * files and status words. Shared by the prose readers (CURRENT.md, ledgers, notes, hub README).
 *
 * Rules read the lab's phrasing, not one file: a number counts only with its unit ("output tok/s",
 * "total tok/s") or in a reference after a comparison word; anything not stated is not claimed.
 */
import { CLAIM_FIELDS, sentenceEvidence, type Claim, type ComparedWith, type RunStatus, type StatedDelta } from '../claims';
import { plain } from './markdown';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const OUTPUT_UNIT = String.raw`(?:output\s+tok(?:ens)?\/s|tok\/s\s+(?:output|out)\b|output\s+tokens?\s+per\s+second|out\s+tok\/s)`;
const TOTAL_UNIT = String.raw`(?:total\s+tok(?:ens)?\/s|tok\/s\s+total\b|total\s+tokens?\s+per\s+second)`;
/** Words that make a number in the same clause a reference, not the candidate. */
const REFERENCE_CUE = /\b(?:versus|vs\.?|over|than|against|compared\s+(?:with|to)|relative\s+to|baseline|previous|reference|promoted|prior|from|anchor)\b/i;
/** A clause starts after these (a number's context does not reach back past them). */
const CLAUSE_BREAK = /[;,.:(]\s|\band\b|\bbut\b/gi;

export interface Throughput {
	value: number;
	metric: 'output' | 'total';
	reference: boolean;
	index: number;
}

function clauseBefore(text: string, index: number): string {
	const before = text.slice(0, index);
	let start = 0;
	for (const match of before.matchAll(CLAUSE_BREAK)) start = match.index + match[0].length;
	return before.slice(start);
}

/** Words before a "label: number" that make the number a spread or a difference, not a throughput. */
const NOT_A_RATE_LABEL = /\b(?:deviation|stddev|std|spread|min|max|delta|gain|diff(?:erence)?|change|cv|variance|range)\b/i;
/** Words after a number with a unit that make it a difference ("0.01 output tok/s above the previous"). */
const DIFFERENCE_AFTER = /^\s*(?:above|below|faster|slower|more|less|higher|lower|better|worse|over\s+the|under)\b/i;

/** Words that make the number after them rough ("~73", "about 41"). */
const ROUGH = String.raw`(?:~|≈|\b(?:about|around|roughly|approximately|approx\.?|nearly)\s+)`;
/** Words right before a number that make it rough or a bound ("~73", "about 41", "below 1", "up to 60"). */
const ROUGH_BEFORE = new RegExp(String.raw`(?:${ROUGH}|\b(?:almost|below|under|above|up\s+to|at\s+least|at\s+most)\s+)\`?$`, 'i');

/** The clause before a number, or when it directly follows "Label:", the label. */
function contextBefore(text: string, index: number): { clause: string; label: string } {
	const clause = clauseBefore(text, index);
	if (clause.trim()) return { clause, label: '' };
	const before = text.slice(0, index).trimEnd();
	if (!before.endsWith(':')) return { clause, label: '' };
	return { clause, label: clauseBefore(before, before.length - 1) };
}

// Compiled once (these run for every sentence of every note): per metric, a rate with its unit,
// "Output throughput: 39.264 tok/s" and "Output tok/s: 86.386284" (one number, not a list of repeats).
const THROUGHPUT_PATTERNS = (
	[
		[OUTPUT_UNIT, 'output'],
		[TOTAL_UNIT, 'total'],
	] as const
).map(([unit, metric]) => ({
	metric,
	withUnit: new RegExp(String.raw`(?<![\w.%+-])${NUM}\s*${unit}`, 'gi'),
	named: new RegExp(String.raw`\b${metric}\s+throughput\s*(?:[:=]|of|was|is|at|reached)?\s*${NUM}\s*tok(?:ens)?\/s`, 'gi'),
	colon: new RegExp(String.raw`(?:mean\s+)?${metric}\s+tok(?:ens)?\/s\s*(?:mean)?\s*[:=]\s*${NUM}(?!\s*,\s*\d)`, 'gi'),
}));

/** Every throughput with a unit, marked reference when its clause compares ("versus the promoted 81.7 output tok/s"). */
export function throughputs(raw: string): Throughput[] {
	// Every unit below says "tok"; most sentences of a note name no rate at all.
	if (!/tok/i.test(raw)) return [];
	const text = plain(raw);
	const found: Throughput[] = [];
	for (const { metric, withUnit, named, colon } of THROUGHPUT_PATTERNS) {
		for (const match of text.matchAll(withUnit)) {
			if (DIFFERENCE_AFTER.test(text.slice(match.index + match[0].length))) continue;
			// "~73 tok/s", "below about 1 output tok/s": a rough figure or a bound, not a run's measurement.
			if (ROUGH_BEFORE.test(text.slice(0, match.index))) continue;
			const { clause, label } = contextBefore(text, match.index);
			if (NOT_A_RATE_LABEL.test(label)) continue;
			// "from X to Y": Y is the candidate.
			const reference = (REFERENCE_CUE.test(clause) && !/\bto\s*$/i.test(clause)) || REFERENCE_CUE.test(label);
			found.push({ value: Number(match[1]), metric, reference, index: match.index });
		}
		// "Output throughput: 39.264 tok/s".
		for (const match of text.matchAll(named)) {
			const label = clauseBefore(text, match.index);
			if (NOT_A_RATE_LABEL.test(label)) continue;
			found.push({ value: Number(match[1]), metric, reference: REFERENCE_CUE.test(label), index: match.index });
		}
		// "Output tok/s: 86.386284" / "Mean output tok/s: 86.386284" (one number, not a list of repeats).
		for (const match of text.matchAll(colon)) {
			const label = clauseBefore(text, match.index) + match[0];
			if (NOT_A_RATE_LABEL.test(label)) continue;
			found.push({ value: Number(match[1]), metric, reference: REFERENCE_CUE.test(label), index: match.index });
		}
	}
	return found.sort((a, b) => a.index - b.index);
}

const ROUGH_UNIT = String.raw`\s*(?:output\s+)?tok(?:ens)?\/s(?!\s+total)`;
const ROUGH_FIGURE = new RegExp(String.raw`${ROUGH}${NUM}${ROUGH_UNIT}`, 'gi');
const ROUGH_RANGE = new RegExp(String.raw`(?<![\w.])${NUM}\s*(?:-|–|to)\s*${NUM}${ROUGH_UNIT}`, 'gi');

/**
 * Rough figures a sentence gives with a tok/s unit: "~73 tok/s" and "about 73 output tok/s" cover
 * what rounds to 73, "70-73 tok/s" runs from 70 up to what rounds down to 73. Total rates are not
 * output figures and are left out.
 */
export function roughFigures(raw: string): Array<{ low: number; high: number }> {
	if (!/tok/i.test(raw)) return [];
	const text = plain(raw);
	const out: Array<{ low: number; high: number }> = [];
	// Half a unit of the last printed digit either side: "~73" is 72.5 to 73.5, "~73.1" is 73.05 to 73.15.
	const places = (digits: string) => digits.split('.')[1]?.length ?? 0;
	const half = (digits: string) => 0.5 / 10 ** places(digits);
	const round = (value: number, digits: string) => Number(value.toFixed(places(digits) + 1));
	for (const match of text.matchAll(ROUGH_FIGURE)) {
		const value = Number(match[1]);
		out.push({ low: round(value - half(match[1]), match[1]), high: round(value + half(match[1]), match[1]) });
	}
	for (const match of text.matchAll(ROUGH_RANGE)) {
		const [low, high] = [Number(match[1]), Number(match[2])];
		if (low < high && high < low * 1.5) out.push({ low, high: match[2].includes('.') ? round(high + half(match[2]), match[2]) : high + 1 });
	}
	return out;
}

/** Words that name several runs ("the ~73 tok/s AOT family", "the 70-73 tok/s graph results"). */
const FAMILY_NOUN = /\b(?:family|families|results|runs|rows|numbers|datapoints|data\s+points|records|screens|highs|figures)\b/i;

/** Words that say a family of runs does not count: invalid, speed-only, token 0 / NUL output, corrupt. */
const FAMILY_DOUBT = /\binvalid\b|\bsuspect\b|\bwithdrawn\b|\bnot\s+(?:quality[- ])?valid\b|\bspeed[- ]only\b|\btoken(?:[- ]id)?\s+0\b|\bNUL\s+(?:output|tokens?)\b|\bcorrupt\w*\b|\bhistorical\s+speed\s+clues?\b|\bdoes\s+not\s+count\b/i;

/**
 * "The older ~73 tok/s AOT family remains speed-only diagnostic data because it produced token id 0":
 * the rough figures of a family of earlier runs the sentence doubts, and the doubt. A sentence
 * that also prints a precise figure is about that run instead.
 */
export function familyDoubtIn(raw: string): { ranges: Array<{ low: number; high: number }>; status: RunStatus } | undefined {
	const ranges = roughFigures(raw);
	// "The faster async path previously reached roughly 66 tok/s" names one run, not every run near 66.
	if (!ranges.length || !FAMILY_DOUBT.test(plain(raw)) || !FAMILY_NOUN.test(plain(raw))) return undefined;
	const stated = statusIn(raw);
	return { ranges, status: stated === 'suspect' || stated === 'withdrawn' ? stated : 'invalidated' };
}

/** "Output tok/s: 87.5, 86.8, 85.3" -> the repeats (a list of at least two numbers after the label). */
export function repeatList(raw: string): { metric: 'output' | 'total'; values: number[] } | undefined {
	const text = plain(raw);
	const match = /^(?:run\s+)?(output|total)\s+tok(?:ens)?\/s(?:\s+repeats)?\s*:\s*((?:\d+(?:\.\d+)?\s*,\s*)+\d+(?:\.\d+)?)\s*\.?$/i.exec(text.trim());
	if (!match) return undefined;
	return { metric: match[1].toLowerCase() as 'output' | 'total', values: match[2].split(',').map((value) => Number(value.trim())) };
}

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** "mean of four clean long repeats", "across four repeats", "Four benchmark repeats" -> 4. */
export function repeatCount(raw: string): number | undefined {
	const match = /\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,3}(?:repeats|runs)\b/i.exec(plain(raw));
	if (!match) return undefined;
	if (/\b(?:quality|arithmetic|greedy)\b/i.test(match[0])) return undefined;
	const word = match[1].toLowerCase();
	return WORD_NUMBERS[word] ?? Number(word);
}

const DELTA_SIGN = String.raw`([+\-−])\s?(\d+(?:\.\d+)?)\s?%`;
// Compiled once: statedDeltas runs for every sentence of every note.
const DELTA_AFTER = new RegExp(
	String.raw`${DELTA_SIGN}\s*(output|total)?(?:\s+tok\/s)?\s+(?:over|versus|vs\.?|against|relative\s+to|compared\s+(?:with|to))\s+([^;.]*?(?:\d+\.\d+[^;]*?)?)(?=;|\.\s|\.$|\s+and\s+|,\s+(?:but|and|which|so)\b|$)`,
	'gi',
);
// The phrase is bounded: unbounded, every "over" of a long paragraph without a colon scanned to its end.
const DELTA_BEFORE = new RegExp(String.raw`\b(?:versus|vs\.?|over|against)\s+([^:;]{1,240}?):\s*${DELTA_SIGN}`, 'i');

/** "+1.53% output tok/s over the previous ... result", "Versus X (88.1 output tok/s): -1.95%". */
export function statedDeltas(raw: string): StatedDelta[] {
	const text = plain(raw);
	const out: StatedDelta[] = [];
	for (const match of text.matchAll(DELTA_AFTER)) {
		out.push(delta(match[1], match[2], match[3], match[4]));
	}
	if (out.length) return out;
	// "Versus the promoted result (88.1 output tok/s): -1.95%".
	const match = DELTA_BEFORE.exec(text.trim());
	if (match) out.push(delta(match[2], match[3], undefined, match[1]));
	return out;
}

function delta(sign: string, digits: string, metric: string | undefined, phrase: string): StatedDelta {
	const percent = Number(digits) * (sign === '+' ? 1 : -1);
	const number = /(?<![\w.])(\d+\.\d{2,})(?![\d%])/.exec(phrase);
	const result: StatedDelta = { percent, against: number ? Number(number[1]) : phrase.trim().replace(/\s+/g, ' ') };
	if (metric) result.metric = metric.toLowerCase() as 'output' | 'total';
	else if (/\boutput\b/i.test(phrase) || !/\btotal\b/i.test(phrase)) result.metric = 'output';
	return result;
}

const OTHER_UNIT = /^(?:ms|s|sec|secs|seconds?|us|µs|ns|min|minutes?|gb|gib|mb|mib|kb|kib|x|w|watts?|tokens?|layers?|percent|steps?|calls?)\b/i;

/** The reference a sentence compares with: numbers after a comparison word ("versus the promoted 81.758267 / 109.011023 baseline"). */
export function comparedWith(raw: string): ComparedWith | undefined {
	const text = plain(raw);
	const refs = throughputs(text).filter((entry) => entry.reference);
	const result: ComparedWith = {};
	const output = refs.find((entry) => entry.metric === 'output');
	const total = refs.find((entry) => entry.metric === 'total');
	if (output) result.outputTokPerS = output.value;
	if (total) result.totalTokPerS = total.value;
	if (!output) {
		// Unit-less pair after a comparison word: "versus the promoted 81.758267 / 109.011023 logits-WS baseline".
		const pair = /\b(?:versus|vs\.?|than|against)\s+(?:the\s+)?([\w\s-]{0,40}?)\s*(\d+\.\d{3,})(?:\s*\/\s*(\d+\.\d{3,}))?\s*([\w\s-]{0,40})/i.exec(text);
		// "versus the earlier sample near 0.465 ms/layer": a figure in another unit is no throughput.
		if (pair && !OTHER_UNIT.test(pair[4])) {
			result.outputTokPerS = Number(pair[2]);
			if (pair[3]) result.totalTokPerS = Number(pair[3]);
			const label = `${pair[1]} ${pair[4]}`.trim().replace(/\s+/g, ' ');
			if (label) result.label = label;
		}
	}
	if (result.outputTokPerS === undefined && result.totalTokPerS === undefined) return undefined;
	if (!result.label) {
		const label = /\b(?:versus|vs\.?|over|than|against)\s+(?:the\s+)?([a-z][\w\s/-]{2,60}?)(?:\s+(?:of|at|result|baseline)\b|\s*\(|\s+\d|,|;|$)/i.exec(text);
		if (label) result.label = label[1].trim();
	}
	const id = localmaxxingIds(text).find((candidate) => text.indexOf(candidate) > (refs[0]?.index ?? Infinity));
	if (id) result.localmaxxingId = id;
	return result;
}

export interface Shape {
	promptTokens?: number;
	outputTokens?: number;
	contextLength?: number;
	batchSize?: number;
}

const TOKENS = String.raw`(\d{1,3}(?:,\d{3})+|\d{1,7})`;
/**
 * Prompt and output lengths as the lab also writes them in prose: "512 prompt / 512 output",
 * "512-token prompt, 1,536 generated tokens", "Prompt 512, output 128", "prompt=512 output=1536",
 * "--random-input-len 512 --random-output-len 1536", "Prompt/output: `512/512`". (llama-bench's
 * pp512 and tg128 are separate tests, not one request's shape.)
 */
const PROSE_SHAPES = [
	new RegExp(String.raw`\b${TOKENS}(?:[- ]tokens?)?\s+(?:prompt|input)(?:\s+tokens?)?\s*(?:[\/,;+]|and|with)?\s*${TOKENS}(?:[- ]tokens?)?\s+(?:output|generated|generation|new)(?:\s+tokens?)?\b`, 'i'),
	new RegExp(String.raw`\b(?:prompt|input)(?:[-_ ]?(?:len(?:gth)?|tokens?))?\s*[=:]?\s*${TOKENS}\s*(?:[\/,;]|and)?\s*(?:--?(?:random-)?)?(?:output|generated|generation)(?:[-_ ]?(?:len(?:gth)?|tokens?))?\s*[=:]?\s*${TOKENS}(?![\d,])`, 'i'),
	/\b(?:prompt|input)\s*\/\s*(?:output|generation)(?:\s+(?:tokens|lengths?))?\s*[:=]?\s*`?(\d{1,7})\s*\/\s*(\d{1,7})(?![\d])/i,
];

/** "p512/n1536, ctx2048, batch 1", "p512n1536", "context 2048", "batch size 1", and the prose forms above. */
export function shapeIn(raw: string): Shape {
	const text = plain(raw);
	const shape: Shape = {};
	const pn = /(?<![A-Za-z0-9])p(\d{2,6})\s*[\/-]?\s*n(\d{1,6})(?![\d])/i.exec(text);
	const prose = pn ? undefined : PROSE_SHAPES.map((pattern) => pattern.exec(text)).find(Boolean);
	const lengths = pn ?? prose;
	if (lengths) {
		shape.promptTokens = Number(lengths[1].replace(/,/g, ''));
		shape.outputTokens = Number(lengths[2].replace(/,/g, ''));
	}
	const ctx = /\b(?:ctx|context(?:\s+length|\s+window)?)\s*[=:]?\s*(\d{3,7})\b/i.exec(text);
	if (ctx) shape.contextLength = Number(ctx[1]);
	const batch = /\bbatch(?:\s+size)?\s*[=:]?\s*(\d{1,4})\b/i.exec(text);
	if (batch) shape.batchSize = Number(batch[1]);
	return shape;
}

export interface Hardware {
	gpu: string;
	gpuCount: number;
	vramGbPerGpu?: number;
}

/** "4x Intel Arc Pro B70 32GB" -> gpu (as LocalMaxxing names it, with the VRAM), count, VRAM. */
export function hardwareIn(raw: string): Hardware | undefined {
	const match = /\b(\d{1,2})\s*[x×]\s*((?:Intel\s+)?Arc\s+(?:Pro\s+)?[AB]\d{2,3}\w*|(?:NVIDIA\s+)?(?:GeForce\s+)?RTX\s*\w+(?:\s+Ti)?|(?:AMD\s+)?Radeon\s+\w+(?:\s+\w+)?)(?:\s+(\d{1,3})\s*GB)?/i.exec(plain(raw));
	if (!match) return undefined;
	const vram = match[3] ? Number(match[3]) : undefined;
	return { gpu: vram ? `${match[2]} ${vram}GB` : match[2], gpuCount: Number(match[1]), ...(vram ? { vramGbPerGpu: vram } : {}) };
}

export const LOCALMAXXING_ID_PATTERN = /\bcm[a-z0-9]{23}\b/g;

export const localmaxxingIds = (text: string): string[] => [...new Set(text.match(LOCALMAXXING_ID_PATTERN) ?? [])];

/** Words before an id that make it the run compared with ("no improvement over the existing accepted result cmpa..."). */
const REFERENCE_ID_CUE = /\b(?:over|versus|vs\.?|than|against|compared\s+(?:with|to)|relative\s+to|baseline|previous|prior|existing|reference)\b/i;

/** The ids a sentence gives as its own run's, not those it names as the reference it compares with. */
export function ownLocalmaxxingIds(raw: string): string[] {
	const text = plain(raw);
	return localmaxxingIds(text).filter((id) => !REFERENCE_ID_CUE.test(clauseBefore(text, text.indexOf(id))));
}

/** Repository paths a sentence cites (`notes/x.md`, `data/y.json`, also absolute paths that alias the repository). */
export function labFiles(raw: string): string[] {
	const out = new Set<string>();
	for (const match of raw.matchAll(/(?:^|[\s`(\[])(?:\/home\/[^/\s`]+\/llm-optimizations(?:-publish)?\/)?((?:notes|data|results|patches|repro|plans|benchmarks|experiments)\/[\w./@+-]+\.(?:md|json|jsonl|txt|patch|log|csv))/g)) {
		out.add(match[1].replace(/[.,;:]+$/, ''));
	}
	return [...out];
}

/** An absolute path to a raw result whose name carries a timestamp ("...-20260510T034709Z.log"). */
const RUN_ARTIFACT = /(?:^|[\s`'"(\[])(\/(?:[\w.@+-]+\/)+[\w.@+-]*\d{8}T\d{4,6}Z?[\w.@+-]*\.(?:log|json|jsonl|txt|csv))(?=$|[\s`'")\],;])/g;

/** The timestamped raw result files a text names: one benchmark's own log or JSON. */
export const runArtifacts = (raw: string): string[] => [...new Set([...raw.matchAll(RUN_ARTIFACT)].map((match) => match[1]))];

export interface QualityStatement {
	method: 'exact-token-hashes' | 'semantic-suite' | 'benchmark-score' | 'gates-not-named';
	detail: string;
	passed: boolean;
}

const GATE = /\b(?:raw\d+|exact\b|hash(?:es)?\b|semantic\b|arithmetic|sixpack|quality(?:\s+gates?|\s+screen|\s+check|\s+canar(?:y|ies))?|canar(?:y|ies)|token[- ]hash)/i;
const FAILED = /\b(?:fail(?:ed|s|ure)?|corrupt(?:ion|ed)?|nondetermin\w*|mismatch(?:ed)?|diverge[sd]?)\b/i;
/** A verdict that is a failure whatever sits around it: "not quality-safe", "no longer quality-cleared", "passed: false". */
const NOT_QUALITY = /\b(?:not|no\s+longer)\s+quality[- ](?:valid|clean|cleared|safe)\b|\bpass(?:ed)?\s*[:=]\s*false\b/i;
const PASSED = /\b(?:pass(?:ed|es)?|PASS|quality[- ](?:clean|cleared|safe|valid|passed))\b/;
/** Pass words in any case, for telling a two-sided sentence apart ("Quality-safe rerun after ... corruption"). */
const QUALITY_PASS_WORDS = /\b(?:passed|quality[- ](?:clean|cleared|safe|valid|passed))\b/i;
/** Conditions, plans and questions are not statements of fact. */
const CONDITIONAL = /\b(?:unless|whether|must\s+pass|should\s+pass|if\s+(?:it|they)\s+pass|needs?\s+to\s+pass|before\s+promot|would\s+need|only\s+after)\b/i;

/**
 * A failure word that is about quality: a gate word within a few words of it ("failed the
 * long-context quality canary", "raw145 mismatch"). "Failed startup", "fails in FlashAttention
 * metadata" and "failed compile" beside a gate named elsewhere in the sentence are crashes.
 */
function failureNearGate(text: string): boolean {
	const tokens = text.split(/\s+/);
	const failures = tokens.flatMap((token, index) => (FAILED.test(token) ? [index] : []));
	const gates = tokens.flatMap((token, index) => (GATE.test(token) ? [index] : []));
	return failures.some((at) => gates.some((gate) => Math.abs(gate - at) <= 4));
}

/** A sentence that tells someone what to do next ("Continue work on quality-safe fusion") states no pass. */
const IMPERATIVE = /^\s*(?:[-*]\s+)?(?:continue|run|keep|try|add|investigate|compare|use|avoid|fix|make|retry|re-?run|check|measure|look|consider|explore|revisit|do|treat|prefer|promote|submit|move|write|build)\b/i;

/** The gates a verdict names: exact token hashes, else the semantic suite, else none by name. */
export const methodIn = (text: string): QualityStatement['method'] =>
	/\b(?:exact|hash(?:es)?)\b/i.test(text) ? 'exact-token-hashes' : /\bsemantic\b/i.test(text) ? 'semantic-suite' : 'gates-not-named';

/** "raw145 exact n64/n256 hashes, semantic suite ... all passed" -> { method, detail, passed }. */
export function qualityIn(raw: string): QualityStatement | undefined {
	const text = plain(raw);
	if (!GATE.test(text) || CONDITIONAL.test(text)) return undefined;
	// "The previous attempt failed ...": about another run. Only the clause that gives the verdict
	// counts: "passed the strict quality gate, but did not beat the promoted baseline" is this run's.
	const verdictClause = text.split(/,\s*(?=but\b)|;\s*|\s+but\s+/i).find((clause) => GATE.test(clause) && (PASSED.test(clause) || FAILED.test(clause) || NOT_QUALITY.test(clause))) ?? text;
	if (/\b(?:previous|earlier|prior|older|baseline|original)\b/i.test(verdictClause)) return undefined;
	// "0 NUL tokens, no mismatches" and "designed to catch the corruption" are not failures.
	const failed =
		NOT_QUALITY.test(text) ||
		(failureNearGate(text) && !/\b(?:0|zero|no|without)\s+(?:\w+\s+){0,2}(?:corrupt|mismatch|fail)/i.test(text) && !/\b(?:catch|catches|detect|detects|guard|guards|prevent|avoid|against)\b(?:\s+\S+){0,6}\s+(?:corrupt|fail|mismatch|drift)/i.test(text));
	const passed = PASSED.test(text);
	if (!failed && !passed) return undefined;
	const method = methodIn(text);
	// A sentence that names no gate, passes, and tells a failure in a clause of its own ("a
	// quality-safe rerun after the canary found corruption in the old path") speaks of two runs
	// without saying which verdict is whose. "Passed early gates but failed the sixpack" is one run's.
	if (failed && (passed || QUALITY_PASS_WORDS.test(text)) && method === 'gates-not-named' && !NOT_QUALITY.test(text)) {
		const mainClause = text.replace(/\b(?:after|because|since|once|when)\b[^;]*$/i, '');
		if (!failureNearGate(mainClause)) return undefined;
	}
	// "Continue work on quality-safe fusion" is a plan; "Keep the eager path; the candidate failed ..." still reports a failure.
	if (!failed && IMPERATIVE.test(text)) return undefined;
	return { method, detail: text.trim().replace(/^[-*]\s+/, '').replace(/\s+/g, ' ').slice(0, 200), passed: !failed };
}

/**
 * What a note says its change kept fixed so the output would not move, when it gives no gate
 * verdict: "Quality guardrail: this did not change the model, quantization ...", "The quality
 * path is unchanged: no speculative decode, no expert dropping", "This is not a lower-quality
 * path". Plans and rules ("do not skip ...", "must keep ...") are not statements about a run.
 */
export function guardrailIn(raw: string): string | undefined {
	const text = plain(raw).trim().replace(/^[-*]\s+/, '').replace(/\s+/g, ' ');
	if (CONDITIONAL.test(text) || /\b(?:do\s+not|don't|must|should|never)\b/i.test(text)) return undefined;
	const cue = /^quality\s+guardrails?\s*:/i.test(text) || /\bquality\s+path\s+(?:is|was|stays|remains)\s+unchanged\b/i.test(text) || /\bnot\s+a\s+lower[- ]quality\s+(?:path|run|result|recipe)\b/i.test(text);
	return cue ? text.slice(0, 200) : undefined;
}

/** Warmth only when the sentence says so: "after warm-up", "warm repeats", "cold start". */
export function warmthIn(raw: string): 'warm' | 'cold' | undefined {
	const text = plain(raw);
	if (/\b(?:after\s+(?:a\s+|the\s+|one\s+|\w+\s+)?warm[- ]?ups?|warm(?:ed)?[- ](?:runs?|repeats?|refresh|engine|server)|warmup\s+runs?\s+before|warmed[- ]up)\b/i.test(text)) return 'warm';
	if (/\bcold[- ](?:start|run|boot)s?\b|\bmeasured\s+cold\b/i.test(text)) return 'cold';
	return undefined;
}

const NEGATED_PROMOTE = /\b(?:do\s+not|don't|not|never|no|without|before)\s+(?:\w+\s+){0,2}promot/i;

/**
 * A service refusing a submission's field is not the lab rejecting the run: "the API backend enum
 * rejected that value", "LocalMaxxing rejects backend=xpu", "Rejected hfId: ...".
 */
const SERVICE_REJECTION = /\b(?:api|enum|server|endpoint|validator|validation|schema|localmaxxing|cloudflare)\b[^.;]{0,40}?\breject(?:ed|s|ing)?\b|\breject(?:ed|s|ing)?\s+(?:that\s+|the\s+|this\s+)?(?:value|field|payload|request|key)s?\b/gi;
// Case matters here: a camelCase word is a field name (hfId, engineFlags).
const REJECTED_FIELD = /\b[Rr]eject(?:ed|s)?\s+[a-z]+[A-Z]\w*\s*[:=]/g;

/**
 * The status a sentence gives its run, in the lab's words. Order matters: an invalidation or a
 * quality failure outranks the speed verdict in the same sentence.
 */
export function statusIn(raw: string): RunStatus | undefined {
	const text = plain(raw).replace(SERVICE_REJECTION, ' ').replace(REJECTED_FIELD, ' ');
	if (/\b(?:withdrawn|retracted)\b/i.test(text)) return 'withdrawn';
	if (/\breclassified\s+(?:\S+\s+){0,4}?as\s+(?:likely\s+)?(?:quality[- ])?(?:valid|cleared)\b|\b(?:is|was)\s+(?:again|now)\s+(?:quality[- ])?(?:valid|cleared)\b|\bquality[- ]cleared\s+again\b/i.test(text)) return 'valid';
	if (/\bnot\s+quality[- ]valid\b|\b(?:is|was|are|were|remains?|marked|now|still)\s+(?:\w+\s+)?invalid\b|\binvalidated\b|\binvalid\s+(?:result|run|benchmark|number|score|datapoint|measurement|speed)s?\b|\bemit(?:s|ted)?\s+only\s+token\s+0\b|\bhistorical\s+speed\s+clues?\b|\berratum\b/i.test(text)) return 'invalidated';
	if (/\b(?:rather\s+than|no\s+longer|instead\s+of)\s+(?:an?\s+)?suspect/i.test(text)) return /\bagain\b/i.test(text) ? 'valid' : undefined;
	if (/\bsuspect\b/i.test(text)) return 'suspect';
	if (/\b(?:blocked|hung|stalled|could\s+not\s+(?:run|load|start)|failed\s+before)\b/i.test(text)) return 'blocked';
	const quality = qualityIn(text);
	if (quality && !quality.passed) return 'negative';
	if (/\b(?:is|was|remains)\s+(?:currently\s+|still\s+|now\s+)?an?\s+(?:[\w-]+\s+){0,2}negative\b/i.test(text)) return 'negative';
	if (/\b(?:promote|promoted)\s+(?:it\s+|this\s+)?(?:as|to)\s+(?:the\s+)?(?:new\s+|current\s+)/i.test(text) && !NEGATED_PROMOTE.test(text)) return 'promoted';
	if (/\b(?:is|was)\s+(?:the\s+)?(?:then-)?current\s+(?:[\w-]+\s+){0,4}(?:best|high|reference|baseline|promoted)\b/i.test(text) && !NEGATED_PROMOTE.test(text)) return 'promoted';
	if (/\bsupersede[sd]\b|\bprevious\s+(?:[\w-]+\s+){0,3}(?:reference|baseline)\b/i.test(text) && /\b(?:is|was)\s+(?:now\s+)?(?:the\s+)?previous\b|\bsuperseded\b/i.test(text)) return 'superseded';
	if (/\breject(?:ed|s)?\b|\bdo\s+not\s+(?:submit\s+\w+\s+\w+\s+or\s+)?promote\b|\bnot\s+promoted\b|\bdon't\s+promote\b|\bno\s+(?:material\s+|measurable\s+|speed\s+)?(?:gain|uplift|improvement|win)\b|\bdid\s+not\s+(?:improve|help|beat)\b|\bdo\s+not\s+(?:submit|use)\b|\bnot\s+a\s+(?:useful|material|real)\b|\b(?:is|was|looks|remains)\s+(?:\w+\s+)?neutral\b/i.test(text)) return 'rejected';
	if (/^\s*promote\b/i.test(text) && !NEGATED_PROMOTE.test(text)) return 'promoted';
	return undefined;
}

/** Every label and measured value one sentence states, as claims citing that line. */
export function sentenceClaims(file: string, line: number, raw: string): Claim[] {
	const evidence = sentenceEvidence(file, line, plain(raw));
	const claims: Claim[] = [];
	const add = (field: string, value: unknown) => claims.push({ field, value, basis: 'stated', evidence });
	const values = throughputs(raw);
	const output = values.find((entry) => entry.metric === 'output' && !entry.reference);
	const total = values.find((entry) => entry.metric === 'total' && !entry.reference);
	if (output) add('metrics.outputTokPerS', output.value);
	if (total) add('metrics.totalTokPerS', total.value);
	const repeats = repeatList(raw);
	if (repeats) add('metrics.repeats', repeats.values.map((value) => ({ [repeats.metric === 'output' ? 'outputTokPerS' : 'totalTokPerS']: value })));
	const count = repeatCount(raw);
	if (count !== undefined && (output || total || /\bmean\b|\baverage/i.test(raw))) add(CLAIM_FIELDS.repeatCount, count);
	const shape = shapeIn(raw);
	for (const [key, value] of Object.entries(shape)) add(`shape.${key}`, value);
	const hardware = hardwareIn(raw);
	if (hardware) {
		add('hardware.gpu', hardware.gpu);
		add('hardware.gpuCount', hardware.gpuCount);
		if (hardware.vramGbPerGpu) add('hardware.vramGbPerGpu', hardware.vramGbPerGpu);
	}
	const quality = qualityIn(raw);
	const guardrails = quality ? undefined : guardrailIn(raw);
	if (quality) add('quality', quality);
	else if (guardrails) add('quality', { method: 'guardrails', detail: guardrails });
	const warmth = warmthIn(raw);
	if (warmth) add('warmth', warmth);
	for (const stated of statedDeltas(raw)) add(CLAIM_FIELDS.statedDelta, stated);
	const reference = comparedWith(raw);
	if (reference) add(CLAIM_FIELDS.comparedWith, reference);
	if (/\b(?:no|without)\s+speculative\s+decod/i.test(plain(raw))) add('speculation', { enabled: false });
	return claims;
}
