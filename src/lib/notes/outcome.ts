/**
 * How an attempt ended, read from what the note decides: its Decision / Conclusion / Verdict /
 * Status sections and "Decision:" lines first, then its Result-like sections, its first and last
 * paragraphs, its tables, the status code of its paired data, and only as a last resort the words
 * of its file name (which mislead: a "current-best" or "beat-best" note is often a failed attempt
 * at one). Pure: text in, an outcome and where it came from (with a short quote) out.
 *
 * What the outcomes mean (the definitions a careful reader applies; the hand-read samples use them):
 * - positive: the change was kept, adopted or promoted, or is a new best, or a fix that unblocks a
 *   path (the path now loads, runs or passes quality where it did not);
 * - negative: tried and not kept: slower, no gain (within noise), reverted, failed a quality gate,
 *   "do not promote";
 * - blocker: could not be measured or run because something broke (hang, crash, out of memory,
 *   missing weights or support), waiting on a fix;
 * - diagnostic: a measurement, analysis, probe, census, survey or plan with no keep-or-reject
 *   decision about a change;
 * - neutral: housekeeping, or a change decided to have no effect either way.
 */
import type { NoteOutcome } from '../schema/note';

export interface OutcomeReading {
	outcome?: NoteOutcome;
	/** Where it came from: `decision section: "Do not promote..."`, `paired data status: ...`, `file name`. */
	from?: string;
}

type Rule = [NoteOutcome, RegExp];
/** An outcome and the short quote it was read from. */
export type Verdict = { outcome: NoteOutcome; quote: string };

// Decisions: the note says what it does with the attempt. In one passage the earliest decision wins
// ("Do not promote" starts before the "promote" inside it).
const NOT = String.raw`(?:do not|don't|did not|will not|won't|not to|no need to|should not|never|stop)`;
const DECISIONS: Rule[] = [
	['blocker', /(?:^|[.:;!]\s+|\n)blocker\b|\bblocker (?:is|remains|was)\b|\b(?:is|are|remains?|was|were|still) (?:a |the )?(?:[\w-]+ ){0,2}blocker\b|\b(?:is|are|remains?|was|were|still|stays?|currently) (?:still )?blocked\b|\bblocked (?:by|on|at|until|before|in)\b/],
	// "There is still no valid MiniMax throughput score", "No useful throughput result has completed".
	['blocker', /\bstill no (?:valid |useful |real )?(?:[\w-]+ ){0,3}(?:score|result|benchmark|measurement)\b|\bno (?:useful |valid |real )(?:[\w-]+ ){0,2}(?:result|score|run|benchmark)s? (?:has|have) (?:yet )?(?:completed|finished)\b/],
	['blocker', /\b(?:did not|never) (?:complete|finish|load|start)\b|\b(?:could not|cannot|can't|unable to|fails? to|failed to) (?:run|load|start|complete|finish|produce|build|compile|initiali[sz]e|launch|allocate|reach)\b/],
	// "Do not submit this as a new row because it is a lower repeat of an already submitted recipe":
	// a rerun of a known result tried no change, so there is nothing to reject.
	['diagnostic', new RegExp(String.raw`\b${NOT} (?:promote|submit)\b[^.;\n]{0,80}?\b(?:(?:is|was) (?:a |an |the )?(?:[\w-]+ )?|the )(?:repeat|rerun|re-run|reproduction|confirmation)\b`)],
	// "Record it as a candidate patch to test only when returning to that model": nothing was tried yet.
	['diagnostic', /\b(?:record|keep|park|shelve|save) (?:it|this|them|these) as (?:an? )?(?:[\w-]+ )?candidates?\b|\btest (?:it |this |them )?only (?:when|once|after|if)\b/],
	// "Closed for now on 32GB cards; revisit only if X lands": waiting on something outside the lab.
	['blocker', /\bclosed for now\b[^.\n]*(?:\.\s+)?revisit (?:only )?(?:if|when|once|after)\b/],
	// "Do not submit the diagnostic runs": there was no candidate to reject.
	['diagnostic', new RegExp(String.raw`\b${NOT} (?:promote|submit)\b[^.;\n]{0,40}?\bdiagnostics?\b(?! (?:gate|harness|patch|hook|flag))`)],
	// "Do not wire this into llama.cpp yet", "do not submit until a full run completes" defer; they do not reject.
	['negative', new RegExp(String.raw`\b${NOT} (?:promote|submit|pursue|adopt|keep|use|enable|wire|ship|recommend|spend|merge|replace|retest|revisit|integrate|combine|treat|add)\b(?!(?:[^.;\n]|\.(?=\S))*\b(?:yet|until)\b)`)],
	['negative', /\bnot (?:currently |yet )?(?:quality[- ](?:cleared|valid|safe)|promotion[- ]safe)\b|\bhistorical (?:performance )?(?:data|datapoints?|results?)\b/],
	['negative', /\b(?:none|neither) (?:of (?:them|these|the \w+) )?(?:produced|gave|improved|beat|helped|found)\b/],
	['negative', /\b(?:did|does|do) not (?:produce|give|find|yield|open) (?:a |an |any )?(?:usable|useful|meaningful|new|faster|better|real)\b/],
	// "The previously rejected path" is about earlier work, not a rejection now.
	['negative', /(?<!\b(?:api|enum|server|endpoint|validator|validation|schema|registry|parser|previously|earlier|formerly|originally) )\breject(?:ed|s|ing)?\b|\bnot (?:be )?promoted\b|\bnot (?:an? )?(?:fully |yet )?quality[- ]promoted\b|\bdemoted\b|\bclosed? (?:this|the) (?:path|lead)\b|\b(?:is|are|remains?|stays?) closed\b(?! for now)/],
	['negative', /\bkeep\b[^.\n]{0,80}?\b(?:unset|off|disabled|default-off|defaults?|closed|reverted)\b/],
	['negative', /\bquality[- ](?:fail(?:ed|ure|s)?|regression)\b|\bfailed (?:the )?(?:first )?(?:[\w-]+ ){0,2}(?:quality|exact|strict|repeatability|canary|gate)\b/],
	['negative', /(?:^|[.:;!]\s+|\n)negative\b|\b(?:is|are|was|were|remains?|stays?|as|a|an|clearly|still|very|also) (?:a |an )?(?:clear |useful |quality-[\w-]+ |documented |diagnostic |mixed\/|neutral\/)?negative\b|\bnegative (?:result|datapoint|screen|finding|path|for)\b/],
	// A fix that unblocks: "the model now loads and generates", "a real DP/EP initialization fix".
	['positive', /\b(?:is|are|was|were|now) (?:now )?unblocked\b|\bno longer blocked\b|\bnow (?:loads|runs|generates|completes|starts|works|supports)\b|\b(?:is|are) now (?:runnable|usable|functional)\b|\b(?:is|was) a (?:real|working|genuine|valid) (?:[\w/-]+ ){0,4}fix\b/],
	['positive', /(?:^|[.!;:]\s+|\n\s*(?:[-*]\s+)?)(?:promote|accept|adopt)(?:ed)?\s+(?:as|this|it|these|the|code|for|and|to)\b/],
	// "The first change of this pass that looks strong enough to carry forward": kept for the next step.
	['positive', /\b(?:strong|good|solid|promising) enough to (?:carry forward|keep|build on|pursue)\b|\bworth carrying forward\b/],
	// "Use async scheduling disabled for quality-sensitive runs": the lab adopts the setting.
	['positive', /(?:^|[.!;:]\s+|\n\s*(?:[-*]\s+)?)use (?:[\w/=.-]+ ){1,5}for (?:all |the |every )?(?:[\w.-]+ ){0,6}(?:runs|benchmarks|submissions)\b/],
	// "This is the first repaired piecewise/AOT result promoted after the NUL-token failure".
	['positive', /\b(?:this|it) is (?:the |a |an )?(?:first |new )?(?:[\w/-]+ ){0,4}(?:result|run|recipe|baseline) (?:to be )?promoted\b/],
	['positive', /(?<!\b(?:not|no|never|nor) (?:a |the |any )?)\bnew (?:best|record|current best|strict baseline|promoted|headline|high)\b/],
	['positive', /\b(?:is|becomes|as) (?:now )?the new (?:current )?(?:best|baseline|record|reference)\b/],
	// "Decision: this is the current validated FP8 best", "crossed the 60 tok/s target", "turns a crash into a valid path".
	['positive', /\b(?:this|it) is (?:now )?the (?:current|new) (?:[\w-]+ ){0,3}best\b/],
	['positive', /\b(?:crossed|cleared|reached|exceeded|broke|beat|passed) the (?:[\w>.+/-]+ ){0,4}(?:target|goal|milestone|barrier)\b/],
	['positive', /\b(?:turns?|turned|converts?|converted) (?:a|the|an) (?:[\w/-]+ ){0,6}?(?:crash|hang|failure|error|abort|path|run|recipe)\b[^.\n]{0,40}?\binto (?:a |an )?(?:valid|working|usable)\b/],
	// "Repeatable enough to use as the current strict baseline": the lab adopts it.
	['positive', /(?<!\btoo [\w-]+ to )\b(?:use|used|using|treat|treating)\b[^.;\n]{0,60}?\bas the (?:current|new) (?:[\w-]+ ){0,8}?(?:baseline|best|reference)\b/],
	['positive', /\b(?:is|was) a (?:large|big|clear|real|solid|major|measurable|repeatable) (?:[\w-]+ ){0,2}win\b|\bthe first (?:run|result|path|recipe|configuration) to (?:clear|beat|reach|exceed|pass|break)\b/],
	['positive', /\b(?:best|baseline|reference|record|result) (?:is|becomes) now\b(?! (?:demoted|withdrawn|invalid|invalidated|retracted|rejected|superseded|suspect|historical|only|limited|a (?:limited|historical)))|\bis now the (?:[\w-]+ ){0,3}(?:best|baseline|reference|record)\b/],
	['positive', /\b(?:is|are) now (?:a |an |the )?(?:new |valid |validated |quality-cleared |quality-preserving |working |usable )+(?:[\w-]+ ){0,3}(?:path|configuration|recipe|result|baseline|best)\b|\bnow has (?:a |an )?(?:new |valid |validated |quality-cleared |working |fast |faster )+(?:[\w-]+ ){0,2}(?:path|configuration|recipe|baseline)\b/],
	['positive', /(?:^|[.!;:]\s+|\n\s*(?:[-*]\s+)?)keep\b[^.\n]{0,80}?\bas (?:a|an|the) (?:(?:quality-cleared|quality-valid|validated|valid|working|current|new|default|promoted|fast|faster|usable)[ ,]+)+(?:and )?(?:[\w-]+ ){0,3}(?:branch|path|baseline|option|recipe|default|configuration|reference|result|candidate)\b/],
	['positive', /\b(?:this|it) is (?:the |a |an )?(?:first )?(?:(?:valid|useful|usable|quality-preserving|quality-cleared|quality-valid|working)[ ,]+)+(?:[\w-]+ ){0,4}(?:result|baseline)\b/],
	['positive', /\bkeep (?:this|it) as the (?:current|new)\b|\bkeep\b[^.\n]{0,80}?\bin the (?:current|promoted|best|default|production)\b(?:[\w -]{0,40})\b(?:recipe|path|command|setup)\b/],
	['diagnostic', /\b(?:diagnostic|liveness|instrumentation) (?:only|result|path|data|run|screen)\b|\bnot (?:a |valid )?(?:speed |throughput )?benchmarks?\b|\ban? (?:[\w-]+ ){0,3}diagnostic (?:gate|mode|experiment|measurement|pass|tool)\b|\bnot a (?:leaderboard|benchmark|speed|performance|throughput) (?:run|result|benchmark|score|candidate)\b|\b(?:useful|kept|recorded) as an? (?:[\w-]+ ){0,3}(?:datapoint|data point)\b/],
	['diagnostic', /\b(?:this|it) (?:is|was) (?:only |just )?(?:a |an )?(?:[\w-]+ ){0,2}diagnostic (?:[\w-]+ ){0,2}(?:screen|sweep|study|check|run|probe|result|note|experiment|measurement|census)\b/],
	['diagnostic', /\b(?:stays?|remains?|kept|keep it|keep this) (?:as )?(?:a )?diagnostic(?:-only| only)?\b|\bgoal:? (?:is |was )?(?:to )?(?:isolate|bound|locate|explain|diagnose|understand|find out)\b/],
	['diagnostic', /\b(?:is|was|are|were) (?:now )?confirmed\b|\bthis confirms\b/],
	// "The validated command remains reproducible after the reboot": a platform change without effect.
	['neutral', /\b(?:remains?|is still|stays?) reproducible\b/],
	['neutral', /\bnot (?:be )?counted as (?:a |an )?(?:[\w-]+ )?(?:benchmark|improvement|result)\b|\bhousekeeping\b/],
];

// Evidence: what the measurements showed, read when a passage decides nothing in so many words.
// Tiers: a passage that says "slower" or "faster" is about speed even if it mentions a hang first.
const EVIDENCE_TIERS: Rule[][] = [[
	['negative', /(?<!\bonly (?:about |around |roughly |~)?[\d.]+\s?% )\bslower\b|\bworse\b|\btoo slow\b|(?<!\b(?:not|no|did not|does not|didn't|without) (?:\w+ )?)\bregress(?:ed|es|ion|ions)?\b/],
	['negative', /\bno (?:\w+ )?(?:improvement|uplift|gain|speedup|win|benefit)\b|\bnot (?:a |an )?(?:\w+ )?(?:improvement|faster|speedup|win|speed path|performance path|shortcut|speed record)\b/],
	['negative', /\b(?:did|does|do) not (?:remove|reduce|eliminate|close|recover) (?:that|the|this) (?:[\w-]+ ){0,2}(?:cost|overhead|gap|bottleneck|loss)\b/],
	['negative', /\b(?:did|does|do) not (?:help|improve|beat|speed up|pay off)\b|\bbelow the (?:current|promoted|accepted|validated|previous|existing|reference|baseline|clean|same)\b/],
	['negative', /\bdead[- ]end\b|\bnot worth\b|\bnot (?:[\w-]+-)?useful\b|\bnot applicable\b|\bnot competitive\b|\bwithin (?:\w+ ){0,3}(?:variance|noise)\b|\bnoise[- ]level\b|\b(?:a|the) tie\b|\bneutral\b/],
	['positive', /\bnew (?:[\w-]+ ){0,3}(?:high|best|record)\b|(?<![-\w])\+\d+(?:\.\d+)?\s?%|\b(?:small|slight|modest|measurable|reproducible|repeatable|clear|large|quality-preserving) (?:[\w-]+ )?(?:gain|improvement|win)\b|\bhelps every\b|\bcorrected (?:best|baseline)\b/],
	['positive', /\bimprov(?:ed|es|e)\b[^.\n]{0,80}?\bfrom (?:code|\d)|\b\d+(?:\.\d+)?\s?% (?:[\w-]+ )?(?:gain|improvement|speedup|uplift)\b/],
	['positive', /\bimprov(?:es|ed) (?:every|all|each) (?:tested |measured )?(?:shape|size|case|config)/],
	['positive', /\bproduced the (?:[\w-]+ ){0,3}best\b|\bthe best (?:[\w-]+ ){0,4}(?:result|score|run|number) (?:so far|yet|to date)\b/],
	['positive', /\bfaster than\b|\bimprov(?:ed|es|ement) (?:from|to|by|over)\b|\bbeats? (?:the|every|all)\b|\bspeedup\b|(?<!\b(?:not|no|small|tiny) (?:a )?)\bwin\b|\bnew best\b|\bis the best\b/],
], [
	// "The reboot and firmware update did not regress the validated result": no effect either way.
	['neutral', /\bdid not regress\b|\bno regression\b/],
], [
	['blocker', /\b(?:hangs?|hung|stall(?:s|ed)?|deadlock(?:s|ed)?|timed out|timeout|segfaults?|aborts?|crash(?:es|ed)?|out of memory)\b/],
], [
	['diagnostic', /\bdiagnostics?\b|\bprob(?:e|es|ed|ing)\b|\btrac(?:e|es|ed|ing)\b|\bcensus\b|\baudit\b|\bprofil(?:e|ed|ing|er)\b|\banaly[sz](?:is|er|ed)\b|\bhypothes[ie]s\b|\binspection\b|\binvestigat(?:e|ion|ed)\b|\btriage\b|\bdata ?points?\b|\brepeatability\b/],
]];

/** Why a run that was "not promoted" could not have been: it never produced anything to measure. */
const NOTHING_MEASURED = /\bno (?:run|attempt|candidate|configuration) (?:reached|completed|produced|finished)\b|\b(?:stall(?:s|ed)?|hang(?:s)?|hung|fail(?:s|ed)?|crash(?:es|ed)?) before (?:producing|generating|quality generation)\b|\bproduced no (?:valid )?(?:throughput|benchmark|speed) (?:metric|result|number)\b|\bbefore (?:any|a single) (?:quality |valid |useful |output )?(?:token|benchmark|measurement|result)s? (?:could|can|was|were)\b/;

/** "Not promoted as a new decode optimization", "not a new speed result": what the note is not. */
const NOT_AN_OPTIMIZATION = /\bnot (?:be )?promoted as (?:a |an )?(?:new )?(?:[\w-]+ ){0,2}(?:optimization|improvement|speed (?:path|result|record)|result)\b/;
/** "It is a useful prefill baseline", "a useful reference for serving": a measurement kept for what it is (not a negative datapoint). */
const USEFUL_MEASUREMENT = /\b(?:it|this) is (?:still )?(?:a |an )?useful (?!negative)(?:[\w/-]+ ){0,3}(?:baseline|reference|datapoint|data point|measurement|diagnostic|control|map)\b/;

/** A note that tidies the runtime and says so. */
const HOUSEKEEPING = /\b(?:this|it) is (?:a |an )?(?:[\w-]+ )?(?:cleanup|hygiene|housekeeping)\b[^.\n]*?\bnot a (?:speed|performance|throughput) (?:record|result)\b/;

/** The sentence around a match, short enough for a tooltip. */
function quoteAt(text: string, index: number): string {
	const sentenceStart = text.lastIndexOf('. ', index);
	const start = Math.max(sentenceStart < 0 ? 0 : sentenceStart + 2, text.lastIndexOf('\n', index) + 1);
	const ends = [text.indexOf('. ', index), text.indexOf('\n', index)].filter((end) => end >= 0);
	const end = ends.length ? Math.min(...ends) + 1 : text.length;
	const sentence = text.slice(start, end).replace(/\s+/g, ' ').replace(/^[-*]\s+/, '').trim();
	return sentence.length > 90 ? `${sentence.slice(0, 87).trimEnd()}...` : sentence;
}

/**
 * "None produced a new record", "whether it beats the baseline", "less likely to deliver the 25%
 * uplift": a claim of success under a negation, a question or a forecast earlier in its clause is
 * not one.
 */
const UNSAID = /\b(?:not|no|never|none|nor|neither|without|whether|if|cannot|unless|until|would|could|might|needs?|should|remaining|next|future|potential|possible|target|likely|unlikely|expected)\b|n't\b/;
function unsaid(text: string, index: number): boolean {
	const clauseStart = Math.max(text.lastIndexOf('. ', index), text.lastIndexOf(';', index), text.lastIndexOf(',', index), text.lastIndexOf('\n', index), index - 50);
	return UNSAID.test(text.slice(clauseStart + 1, index));
}

// Each rule's global twin, compiled once: compiling it per passage cost more than matching.
const globals = new WeakMap<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
	let global = globals.get(pattern);
	if (!global) {
		global = new RegExp(pattern.source, `${pattern.flags}g`);
		globals.set(pattern, global);
	}
	return global;
}

/**
 * "The earlier graph experiments were useful, but their path was not quality-safe": a sentence that
 * recounts earlier work says why this note exists; it does not reject or block what the note tried.
 * One that decides about it now ("the older result should remain a historical high, not promoted")
 * is still a decision.
 */
const EARLIER_WORK = /^(?:the |an? |these |those )?(?:earlier|previous|prior|older|old)\b/;
const DECIDES_NOW = /\b(?:should|must|will|remains?|stays?|keep|do not|don't)\b/;
function aboutEarlierWork(text: string, index: number): boolean {
	const previousEnd = text.lastIndexOf('. ', index);
	const start = Math.max(previousEnd < 0 ? 0 : previousEnd + 2, text.lastIndexOf('\n', index) + 1);
	const ends = [text.indexOf('. ', index), text.indexOf('\n', index)].filter((end) => end >= 0);
	const sentence = text.slice(start, ends.length ? Math.min(...ends) : text.length).trimStart();
	return EARLIER_WORK.test(sentence) && !DECIDES_NOW.test(sentence);
}

/** The earliest match of the rules in a passage (lower case), quoted from `display` (as written). */
function earliest(text: string, rules: Rule[], display = text): Verdict | undefined {
	let best: { outcome: NoteOutcome; index: number } | undefined;
	for (const [outcome, pattern] of rules) {
		for (const match of text.matchAll(globalOf(pattern))) {
			const index = match.index + (match[0].length - match[0].trimStart().length);
			if (best && index >= best.index) break;
			if (outcome === 'positive' && unsaid(text, index)) continue;
			if ((outcome === 'negative' || outcome === 'blocker') && aboutEarlierWork(text, index)) continue;
			best = { outcome, index };
			break;
		}
	}
	return best && { outcome: best.outcome, quote: quoteAt(display.length === text.length ? display : text, best.index) };
}

const DELIMITER = /[.;\n]/;

/**
 * The text without each clause that a "but" overrules: "X is quality-safe, but it is not faster"
 * -> " it is not faster". A clause runs back from its "but" to the last ".", ";" or line break
 * (a ";" or "," just before the "but" goes with it). Written as one pass over the text: the
 * pattern it replaces (`[^.;\n]*?[,;]?\s+but\s+`) took seconds on one line of padding.
 */
export function butless(value: string): string {
	let out = '';
	let from = 0;
	// The last delimiter seen before the current position (-1: none), advanced as buts are met.
	let lastDelimiter = -1;
	let scanned = 0;
	for (const but of value.matchAll(/\sbut(?=\s)/gi)) {
		const word = but.index + 1;
		let start = word;
		while (start > 0 && /\s/.test(value[start - 1])) start--;
		if (start > 0 && /[,;]/.test(value[start - 1])) start--;
		if (start < from) continue;
		for (; scanned < start; scanned++) if (DELIMITER.test(value[scanned])) lastDelimiter = scanned;
		let end = word + 3;
		while (end < value.length && /\s/.test(value[end])) end++;
		const clause = Math.max(from, lastDelimiter + 1);
		out += `${value.slice(from, clause)} `;
		from = end;
	}
	return out + value.slice(from);
}

/** A decision, else the evidence, in one passage of prose. */
export function verdictIn(text: string, { evidence = true, tier }: { evidence?: boolean; tier?: number } = {}): Verdict | undefined {
	// Wrapped lines are one sentence; tables are read as tables (tableVerdicts), not as prose.
	const written = text
		.split('\n')
		.filter((line) => !isTableLine(line))
		.map((line) => line.trimEnd())
		.join('\n')
		.replace(/\n(?![ \t]*(?:\n|[-*+] |\d+[.)] ))[ \t]*/g, ' ')
		.trim();
	const prose = written.toLowerCase();
	const decided = earliest(prose, DECISIONS, written);
	// "Do not promote SP: it ends in a compiler ICE before any token": nothing was measured to reject.
	const unmeasured = decided?.outcome === 'negative' ? NOTHING_MEASURED.exec(prose) : null;
	if (unmeasured) return { outcome: 'blocker', quote: quoteAt(written, unmeasured.index) };
	// "This should not be promoted as a new decode optimization. It is a useful serving baseline":
	// the note measured something; it had no candidate to reject.
	const measured = decided?.outcome === 'negative' && NOT_AN_OPTIMIZATION.test(prose) ? USEFUL_MEASUREMENT.exec(prose) : null;
	if (measured) return { outcome: 'diagnostic', quote: quoteAt(written, measured.index) };
	// "This is a cleanup and AOT-shape check, not a speed record": what it removed was not a candidate.
	const tidied = !decided || decided.outcome === 'negative' ? HOUSEKEEPING.exec(prose) : null;
	if (tidied) return { outcome: 'neutral', quote: quoteAt(written, tidied.index) };
	if (decided || !evidence) return decided;
	for (const rules of tier === undefined ? EVIDENCE_TIERS : [EVIDENCE_TIERS[tier]]) {
		const found = earliest(butless(prose), rules, butless(written)) ?? earliest(prose, rules, written);
		if (found) return found;
	}
	return undefined;
}

/**
 * Outcome codes in free-form data: `status: "promoted_strict_quality_pass"`,
 * `"quality_screen_passed_no_improvement"`, `"stalled_after_compile"`. Codes that only say a run
 * finished ("passed", "completed", "APPROVED") decide nothing.
 */
export function outcomeFromCode(code: string): NoteOutcome | undefined {
	const text = ` ${code.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
	if (/ (no improvement|no uplift|not promoted|rejected|reject|negative|too slow|slow|below|regress\w*|worse|performance rejected) /.test(text)) return 'negative';
	if (/ quality (failed|fail|failure) | failed (quality|exact|semantic|gate) /.test(text)) return 'negative';
	if (/ (blocked|blocker|timeout|timed out|stall\w*|hung|hang|abort\w*|oom|no kv memory|failed startup|disabled by \w+|terminated\w*|error) /.test(text)) return 'blocker';
	if (/ (promoted|promote|win|new best|best) /.test(text)) return 'positive';
	if (/ (diagnostic|probe|trace|census|audit) /.test(text)) return 'diagnostic';
	if (/ (neutral|tie) /.test(text)) return 'negative';
	return undefined;
}

/** Words of a file name that may still say something when nothing else does. */
const NAME_WORDS: Rule[] = [
	['blocker', /\b(blocker|blocked)\b/],
	['negative', /\b(negative|reject|rejected|regression|slower|no improvement|no uplift|quality fail|dead end|neutral|not applicable)\b/],
	// Not "promoted": a "current-promoted-repeatability" note reruns the promoted result, it is not one.
	['positive', /\b(win|improvement|speedup|fix|recovered|repair)\b/],
	['diagnostic', /\b(diagnostic|diagnostics|probe|audit|trace|census|analyzer|analysis|timing|inspection|classifier|plan|triage|references|baseline|repeatability)\b/],
	['neutral', /\b(cleanup|policy|retention|housekeeping|submissions|notes|index|readme)\b/],
];

/** Words of a title, the author's own, read after the note's decisions. Not "best": "beat best" is an attempt. */
const TITLE_WORDS: Rule[] = [
	['blocker', /\b(blocker|blocked)\b/],
	['negative', /\b(negative|rejected|reject|regression|no improvement|no uplift|quality fail(?:ure)?|dead end)\b/],
	['positive', /\b(win|promoted)\b/],
	['diagnostic', /\b(diagnostics?|probe|audit|census|erratum|hypothesis|plan|inspection|analysis|analyzer|references|harness|repeatability)\b/],
];

const SURVEY_TITLE = /\b(?:references|source mining|survey|leads|census|audit|inventory|plan|hypothes[ie]s|triage|suggestions)\b/;

interface Section {
	heading: string;
	text: string;
}

/** Prose only: code blocks, inline code and links' targets hold paths and flags, not decisions. */
function prose(body: string): string {
	return body
		.replace(/^\s{0,3}(```|~~~)[\s\S]*?^\s{0,3}\1.*$/gm, '')
		// Inline code holds flags and paths; a figure in backticks (`+0.37%`) still reads as one.
		.replace(/`([^`\n]*)`/g, (_, inner: string) => (/^[+-]?\d[\d.,]*\s?%?$/.test(inner.trim()) ? inner.trim() : 'code'))
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/(?:https?:\/\/|\/home\/|\/mnt\/|\/tmp\/)\S+/g, 'path');
}

function sectionsOf(text: string): Section[] {
	const sections: Section[] = [];
	let current: Section = { heading: '', text: '' };
	for (const line of text.split('\n')) {
		const heading = /^#{1,6}\s+(.*)$/.exec(line);
		if (heading) {
			sections.push(current);
			current = { heading: heading[1].trim().toLowerCase(), text: '' };
		} else current.text += `${line}\n`;
	}
	sections.push(current);
	return sections;
}

const isTableLine = (line: string) => /^\s*\|/.test(line);

/** Paragraphs of prose (no headings, tables or Date: lines). */
function paragraphs(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((block) => block.split('\n').filter((line) => !/^#{1,6}\s/.test(line) && !isTableLine(line) && !/^\s*(?:[-*]\s+)?(?:\*\*)?date(?:\*\*)?\s*:/i.test(line)).join('\n').trim())
		.filter((block) => block.length > 0);
}

// A later "Update" or "Correction" section is the author's latest word on the note's result.
const DECISION_HEADING = /^(?:\d+[.)]\s*)?(?:final |current |overall )?(?:decision|decisions|conclusion|conclusions|verdict|outcome|status|recommendation|bottom line|takeaways?)\b|\b(?:updated?|correction|corrections|erratum|errata)\b/;
const RESULT_HEADING = /^(?:\d+[.)]\s*)?(?:[\w-]+ ){0,2}(?:results?|interpretation|summary|findings|lessons?|observations|answer|validation)\b/;
/** Sections of side results: "Negative / Neutral Screens", "Failed attempts", "Other results". */
const SIDE_HEADING = /^(?:negative|failed|side|other|earlier|previous|older)\b/;
/** Sections about the lab's tools ("Updated AOT census tooling"), not about the result. */
const TOOL_HEADING = /\b(?:tool|tooling|tools|script|scripts|census|classifier|analyzer|harness)\b/;
/** Sections that list files and commands, or plan future work: not the note's conclusions. */
const LISTING_HEADING = /\b(?:artifacts?|files?|logs?|links?|repro(?:duction)?|commands?|command shape|patch(?:es)?|references?|sources?|data|next|todo|plan|follow-ups?)\b/;
/** "Decision: do not promote", "**Verdict:** ..." at the start of a paragraph. */
const DECISION_ALONE = /^\s*(?:\*\*|__)?(?:decision|conclusion|verdict)s?(?:\*\*|__)?\s*:?(?:\*\*|__)?$/i;
const DECISION_LINE = /^\s*(?:\*\*|__)?(?:decision|conclusion|verdict|outcome|status|recommendation|result)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(\S[\s\S]*)$/i;

/** The verdicts of the note's "Decision:" lines, in order. */
function decisionLines(sections: Section[]): Verdict[] {
	const found: Verdict[] = [];
	for (const section of sections) {
		const blocks = paragraphs(section.text);
		for (const [index, paragraph] of blocks.entries()) {
			const line = DECISION_LINE.exec(paragraph) ?? (DECISION_ALONE.test(paragraph.trimEnd()) && blocks[index + 1] ? [paragraph, blocks[index + 1]] : null);
			const verdict = line && /^\s*(?:\*\*|__)?decision/i.test(paragraph) ? verdictIn(line[1]) : undefined;
			if (verdict) found.push(verdict);
		}
	}
	return found;
}

/** A decision that names a new or current best. */
const NEW_BEST_DECISION = /\b(?:new|current) (?:[\w-]+ ){0,3}best\b/;

/**
 * The verdict most "Decision:" lines of the note agree on, when there are at least two and a
 * strict majority agrees: one side experiment's decision is not the note's, most of them are.
 */
function screenDecisions(found: Verdict[]): Verdict | undefined {
	const top = mostCommon(found.map((entry) => entry.outcome));
	const agreeing = found.filter((entry) => entry.outcome === top);
	return found.length >= 2 && agreeing.length * 2 > found.length ? agreeing[0] : undefined;
}

/** Cells of table columns named status, decision, verdict, outcome or result. */
function verdictCells(text: string): string[] {
	const found: string[] = [];
	const lines = text.split('\n');
	for (let index = 0; index < lines.length - 1; index++) {
		if (!isTableLine(lines[index]) || !/^\|[\s:|-]+$/.test(lines[index + 1].trim()) || (index > 0 && isTableLine(lines[index - 1]))) continue;
		const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
		const columns = cells(lines[index]).map((cell, column) => (/^(?:status|decision|verdict|outcome|result|promoted\??)$/i.test(cell) ? column : -1)).filter((column) => column >= 0);
		if (!columns.length) continue;
		for (let row = index + 2; row < lines.length && isTableLine(lines[row]); row++) {
			for (const column of columns) {
				const cell = cells(lines[row])[column] ?? '';
				if (cell) found.push(cell);
			}
		}
	}
	return found;
}

function tableVerdicts(text: string): NoteOutcome[] {
	return verdictCells(text).flatMap((cell) => outcomeFromCode(cell) ?? verdictIn(cell, { evidence: false })?.outcome ?? []);
}

/** A row whose verdict is "new accepted best": the note's headline, whatever else it screened. */
const NEW_BEST_CELL = /^(?:(?:a|the) )?new (?:accepted |validated |strict |promoted |current )?(?:best|record|high)\b/i;

const mostCommon = (values: NoteOutcome[]): NoteOutcome | undefined => {
	const counts = new Map<NoteOutcome, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};

const said = (where: string, found: Verdict): OutcomeReading => ({ outcome: found.outcome, from: `${where}: "${found.quote}"` });

/**
 * A note's outcome. `name` is the file name; `dataStatus` the status codes of its paired data
 * files. Template text must be removed from `body` before (src/lib/notes/template.ts).
 */
export interface PairedDataFacts {
	/** A status code the data file states (`status`, `outcome`): "quality_passed_not_promoted". */
	status?: string;
	/** Its decision or conclusion text, when it has one. */
	decision?: string;
}

/**
 * A note's outcome. `name` is the file name; `pairedData` what its paired data files state.
 * Template text must be removed from `body` before (src/lib/notes/template.ts).
 */
export function noteOutcome(input: { name: string; title?: string; body: string; pairedData?: readonly PairedDataFacts[] }): OutcomeReading {
	const text = prose(input.body);
	const sections = sectionsOf(text);
	// "Negative findings" or "Failed attempts" in a note are side results, not the note's own.
	// "Updated AOT census tooling" is news about a script: its last paragraph is not the note's conclusion.
	const prosy = sections.filter((section) => !LISTING_HEADING.test(section.heading) && !SIDE_HEADING.test(section.heading) && !TOOL_HEADING.test(section.heading) && paragraphs(section.text).length > 0);
	const title = (input.title ?? '').toLowerCase().replace(/[-_]+/g, ' ');

	const all = paragraphs(text);
	// The opening states the purpose ("a diagnostic gate, not a leaderboard run"); its other
	// decisions are usually about earlier work it builds on.
	const opening = all[0] ? verdictIn(all[0], { evidence: false }) : undefined;

	// 1. What the note decides, where it says so.
	// A decision in any of them before what their evidence suggests.
	// "Updated AOT census tooling", "Tool update": news about a script, not about the result.
	const deciding = sections.filter((candidate) => DECISION_HEADING.test(candidate.heading) && !TOOL_HEADING.test(candidate.heading));
	for (const evidence of [false, true]) {
		// A title that names a survey ("External References", "Source Mining", "Upstream Leads")
		// says what kind of note it is; the speeds and hangs it cites are other work's, not its result.
		if (evidence && SURVEY_TITLE.test(title)) return opening?.outcome === 'diagnostic' ? said('first paragraph', opening) : { outcome: 'diagnostic', from: `title: "${input.title}"` };
		for (const section of deciding) {
			const found = verdictIn(section.text, { evidence });
			if (found) return said(`${section.heading} section`, found);
		}
	}
	// "Decision: ..." lines count in the opening, result-like sections and the last section; a
	// decision line in the middle of a note is usually about one side experiment.
	// A title that names its verdict ("... Win", "... Negative", "... Blocked") is the author's summary
	// of the note; "Decision:" lines further down are often about follow-up screens of the winner.
	const titled = TITLE_WORDS.find(([outcome, pattern]) => outcome !== 'diagnostic' && pattern.test(title));
	if (titled) return { outcome: titled[0], from: `title: "${input.title}"` };
	let lineEvidence: Verdict | undefined;
	// The opening is the first section with prose: the text under the H1, not what precedes it.
	const openingSection = sections.find((section) => paragraphs(section.text).length > 0);
	const framing = sections.filter((section) => section === openingSection || RESULT_HEADING.test(section.heading) || section === prosy.at(-1));
	for (const section of framing) {
		const blocks = paragraphs(section.text);
		for (const [index, paragraph] of blocks.entries()) {
			const line = DECISION_LINE.exec(paragraph) ?? (DECISION_ALONE.test(paragraph.trimEnd()) && blocks[index + 1] ? [paragraph, blocks[index + 1]] : null);
			const found = line && verdictIn(line[1]);
			// "Result: the process aborted" states a fact about one run; a decision elsewhere in the
			// results ("did not find a better path") still outranks it.
			if (found && verdictIn(line[1], { evidence: false })) return said('decision line', found);
			if (found) lineEvidence ??= found;
		}
	}
	if (opening && (opening.outcome === 'diagnostic' || opening.outcome === 'neutral')) return said('first paragraph', opening);

	const newBest = verdictCells(text).find((cell) => NEW_BEST_CELL.test(cell));
	if (newBest) return { outcome: 'positive', from: `table: "${newBest}"` };

	// 2. What the results showed.
	// "- Result: failed" bullets in a results section are facts about one run, not the note's verdict.
	const results = sections
		.filter((candidate) => RESULT_HEADING.test(candidate.heading) && !SIDE_HEADING.test(candidate.heading))
		.map((section) => ({ ...section, text: section.text.replace(/^\s*[-*+]\s+(?:\*\*)?(?:result|decision|status|outcome|verdict)(?:\*\*)?:.*$/gim, '') }));
	for (const section of results) {
		const found = verdictIn(section.text, { evidence: false });
		if (found) return said(`${section.heading} section`, found);
	}
	// "X crossed the 60 tok/s target": an opening that claims the result is the note's headline,
	// before any hang or slowdown its findings mention on the way.
	if (opening?.outcome === 'positive') return said('first paragraph', opening);
	if (lineEvidence) return said('decision line', lineEvidence);
	// A note of several screens, each with its own "Decision:", decides what most of them decide.
	const decided = decisionLines(sections);
	const screens = screenDecisions(decided);
	if (screens) return said('decision lines', screens);
	// Screens that disagree, one of which is the new best: the best is the note's headline.
	const headline = decided.find((entry) => entry.outcome === 'positive' && NEW_BEST_DECISION.test(entry.quote.toLowerCase()));
	if (headline) return said('decision line', headline);
	// Evidence tier by tier across the result sections: "not faster" in the interpretation says more
	// about the note than a hang in one run of the results list above it.
	for (const tier of EVIDENCE_TIERS.keys()) {
		for (const section of results) {
			const found = verdictIn(section.text, { tier });
			if (found) return said(`${section.heading} section`, found);
		}
	}
	const first = all[0] && verdictIn(all[0]);
	if (first) return said('first paragraph', first);
	const closing = paragraphs(prosy.map((section) => section.text).join('\n\n'));
	const last = closing.length > 1 && verdictIn(closing[closing.length - 1]);
	if (last) return said('last paragraph', last);
	for (const data of input.pairedData ?? []) {
		const found = data.decision && verdictIn(data.decision, { evidence: false });
		if (found) return said('paired data decision', found);
	}
	const diagnosticTitle = TITLE_WORDS.find(([outcome, pattern]) => outcome === 'diagnostic' && pattern.test(title));
	if (diagnosticTitle) return { outcome: 'diagnostic', from: `title: "${input.title}"` };
	const fromTables = mostCommon(tableVerdicts(text));
	if (fromTables) return { outcome: fromTables, from: 'table' };
	// The data's status code says how the run ended; the note's own words above say what it decided.
	for (const data of input.pairedData ?? []) {
		const outcome = data.status && outcomeFromCode(data.status);
		if (outcome) return { outcome, from: `paired data status: ${data.status!.length > 80 ? `${data.status!.slice(0, 77)}...` : data.status}` };
	}

	// 3. Anything at all, then the file name, last.
	const anywhere = verdictIn(all.join('\n\n'), { evidence: false });
	if (anywhere) return said('text', anywhere);
	const name = input.name.toLowerCase().replace(/\.(md|json)$/, '').replace(/^\d{4}-\d{2}-\d{2}-?/, '').replace(/[-_/.]+/g, ' ');
	const fromName = NAME_WORDS.find(([, pattern]) => pattern.test(name));
	if (fromName) return { outcome: fromName[0], from: 'file name' };
	const evidence = verdictIn(all.join('\n\n'));
	if (evidence) return said('text', evidence);
	return {};
}
