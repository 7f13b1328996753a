/**
 * Where a data file states a run's quality, in the lab's many spellings: a verdict (an object, a
 * flag, a word, a list of gate results, a status code) or, where no verdict is written, the
 * guardrails the experiment kept (what it did not change).
 */
import { fieldEvidence, type Claim } from '../claims';
import { isObject, isText, type Json } from './json-values';
import { methodIn, qualityIn } from './statements';

/** Status codes that say the gates passed ("quality_passed_no_uplift"); the lab promotes only after them. */
const QUALITY_PASSED_CODE = /quality[_ -]?(?:passed|screen[_ -]passed|safe|pass)|strict[_ -]quality[_ -]pass|promoted/i;

const GATE_KEY = /raw\d*|hash|exact|semantic|arithmetic|sixpack|canary|gate/i;

/** Where a run's quality verdict is kept (an object, a flag or a word), in the lab's spellings. */
const QUALITY_KEYS = ['quality', 'correctness', 'quality_gate', 'qualityGate', 'quality_result', 'qualityResult', 'quality_check', 'qualityCheck'];
/** Free-text verdicts beside the run ("passed raw-prompt NUL/control/degeneracy canaries"). */
const QUALITY_TEXT_KEYS = ['quality_status', 'qualityStatus', 'quality_verdict', 'qualityVerdict'];
/** Lists of gate results beside the run. */
const QUALITY_LISTS = ['quality_results', 'qualityResults', 'quality_checks', 'qualityChecks'];
/** A run's decision or result, which speaks of quality now and then. */
const DECISION_KEYS = ['decision', 'result', 'outcome', 'verdict'];
/** Decision codes that name the quality verdict itself (not "promoted", which says nothing of how). */
const QUALITY_FAILED_CODE = /quality[_ -]?fail|fail(?:ed|ure)?[_ -](?:\w+[_ -])?quality|(?:rejected|reject)[_ -]for[_ -]quality/i;
const QUALITY_SAFE_CODE = /quality[_ -]?(?:passed|pass|safe|clean|cleared|valid)(?:$|[_ -])/i;
/** "passed", "PASS", "ok", "strict_passed", "passed raw-prompt canaries". */
const PASSED_WORD = /^(?:[a-z]+[_ -])?(?:pass(?:ed)?|ok)(?:$|[_\s:;,.-])/i;

/** `[{ name, passed: true }]`, `[{ name, result: "pass" }]` -> [json path, passed] per element that says. */
function listVerdicts(list: unknown[], jsonPath: string): Array<[string, boolean]> {
	const out: Array<[string, boolean]> = [];
	list.forEach((entry, index) => {
		if (!isObject(entry)) return;
		if (typeof entry.passed === 'boolean') out.push([`${jsonPath}[${index}].passed`, entry.passed]);
		else {
			const result = entry.result ?? entry.status;
			if (typeof result === 'string' && /^(?:pass(?:ed)?|ok)$/i.test(result.trim())) out.push([`${jsonPath}[${index}].${entry.result !== undefined ? 'result' : 'status'}`, true]);
			else if (typeof result === 'string' && /^fail(?:ed|ure)?$/i.test(result.trim())) out.push([`${jsonPath}[${index}].${entry.result !== undefined ? 'result' : 'status'}`, false]);
		}
	});
	return out;
}

/** `quality: { passed: true, raw145_n64: ... }`, `quality: "PASS"`, `quality_policy` + a status that says quality passed. */
export function readQuality(object: Json, prefix: string, add: (field: string, value: unknown, jsonPath: string, basis?: Claim['basis']) => void, hasThroughput: boolean): void {
	const key = QUALITY_KEYS.find((name) => object[name] !== undefined && !Array.isArray(object[name])) ?? 'quality';
	const quality = object[key];
	const policy = isObject(object.quality_policy) ? object.quality_policy : isObject(object.quality_gates) ? object.quality_gates : undefined;
	// Gate names: the quality object's keys, the policy's, and the names in lists of checks.
	const lists = [...(isObject(quality) ? Object.entries(quality).filter(([name]) => /^(?:checks|gates|results)$/i.test(name)).map(([, list]) => list) : []), ...QUALITY_LISTS.map((name) => object[name])];
	const listed = lists.filter(Array.isArray).flatMap((list) => (list as unknown[]).map((entry) => (isObject(entry) ? entry.name : undefined)).filter(isText));
	// `quality_artifacts: ["raw145-n64-exact", ...]`: lists of gate names inside the quality object.
	const named = isObject(quality) ? Object.values(quality).filter(Array.isArray).flatMap((list) => (list as unknown[]).filter(isText)) : [];
	const gates = [...(isObject(quality) ? Object.keys(quality) : []), ...(policy ? Object.keys(policy) : []), ...listed, ...named].filter((name) => GATE_KEY.test(name) && name.length <= 60);
	const method = gates.some((name) => /raw|hash|exact/i.test(name)) ? 'exact-token-hashes' : gates.some((name) => /semantic/i.test(name)) ? 'semantic-suite' : undefined;
	const detail = gates.length ? `gates: ${[...new Set(gates)].join(', ')}` : undefined;
	// A verdict without gate names in the keys may name them in its words ("passed raw145 ... exact token hashes").
	const value = (passed: boolean, text?: string) => ({ method: method ?? methodIn(text ?? ''), detail: detail ?? text ?? (passed ? 'passed' : 'failed'), passed });
	if (isObject(quality)) {
		const passed = quality.passed ?? quality.pass ?? quality.ok;
		if (typeof passed === 'boolean') return add('quality', value(passed), `${prefix}${key}.${quality.passed !== undefined ? 'passed' : quality.pass !== undefined ? 'pass' : 'ok'}`);
		const verdictKey = quality.status !== undefined ? 'status' : 'result';
		const status = quality[verdictKey];
		if (typeof status === 'string' && /^(?:pass(?:ed)?|ok)$/i.test(status)) return add('quality', value(true), `${prefix}${key}.${verdictKey}`);
		if (typeof status === 'string' && /fail/i.test(status)) return add('quality', value(false), `${prefix}${key}.${verdictKey}`);
		// Per-gate verdicts: `raw145_n64_exact_passed: true` or `raw145_n64_exact: { passed: true }`.
		const verdicts: Array<[string, boolean]> = [];
		for (const [name, gate] of Object.entries(quality)) {
			if (typeof gate === 'boolean' && /passed$/i.test(name)) verdicts.push([`${prefix}${key}.${name}`, gate]);
			else if (isObject(gate) && typeof gate.passed === 'boolean') verdicts.push([`${prefix}${key}.${name}.passed`, gate.passed]);
			// `checks: [{ name, passed }]`: the gates this run went through, each with its verdict.
			else if (Array.isArray(gate) && /^(?:checks|gates|results)$/i.test(name)) verdicts.push(...listVerdicts(gate, `${prefix}${key}.${name}`));
		}
		if (verdicts.length) {
			const failed = verdicts.find(([, passed]) => !passed);
			return add('quality', value(!failed), failed ? failed[0] : verdicts[0][0]);
		}
	}
	for (const flag of ['quality_valid', 'validQuality', 'qualityValid', 'validForQuality', 'valid_for_quality', 'quality_passed', 'qualityPassed']) {
		if (typeof object[flag] === 'boolean') return add('quality', value(object[flag] as boolean), `${prefix}${flag}`);
	}
	if (typeof quality === 'boolean') return add('quality', value(quality), `${prefix}${key}`);
	// `quality: "strict_passed"`, `quality_status: "passed raw-prompt NUL/control/degeneracy canaries"`.
	for (const [name, text] of [[key, quality], ...QUALITY_TEXT_KEYS.map((name) => [name, object[name]])] as Array<[string, unknown]>) {
		if (typeof text !== 'string') continue;
		if (PASSED_WORD.test(text.trim()) && !/fail|not[_ -]|invalid/i.test(text)) return add('quality', value(true, text), `${prefix}${name}`);
		const statement = qualityIn(text);
		if (statement) return add('quality', statement, `${prefix}${name}`, 'stated');
	}
	// The run's own decision in the lab's words, where it speaks of quality: a code
	// ("rejected_quality_failure", "quality_safe_but_slower_than_baseline") or a sentence whose clause
	// states the verdict ("current quality-cleared non-spec floor; above earlier ... reference").
	// Only a nested run's: a file's own decision often speaks of several of its runs at once.
	for (const name of prefix === '' ? [] : DECISION_KEYS) {
		const text = object[name];
		if (typeof text !== 'string') continue;
		if (/^[\w-]+$/.test(text.trim())) {
			if (QUALITY_FAILED_CODE.test(text)) return add('quality', value(false, text), `${prefix}${name}`);
			if (QUALITY_SAFE_CODE.test(text)) return add('quality', value(true, text), `${prefix}${name}`);
			continue;
		}
		for (const clause of text.split(/;\s*|\.\s+/)) {
			const statement = qualityIn(clause);
			if (statement) return add('quality', statement, `${prefix}${name}`, 'stated');
		}
	}
	// `quality_results: [{ name, result: "pass" }]` beside the run: only when every listed gate passed,
	// since such a list may hold variants the run is not (a failing one says nothing about this run).
	for (const name of QUALITY_LISTS) {
		const verdicts = Array.isArray(object[name]) ? listVerdicts(object[name] as unknown[], `${prefix}${name}`) : [];
		if (verdicts.length && verdicts.length === (object[name] as unknown[]).length && verdicts.every(([, passed]) => passed)) {
			return add('quality', value(true), `${prefix}${name}`);
		}
	}
	const status = object.status;
	if (typeof status === 'string' && /quality[_ -]?failed|raw[_ -]?exact[_ -]?failed/i.test(status)) return add('quality', value(false, status), `${prefix}status`);
	// "boundary_mapped_no_new_promoted_result" promoted nothing, so it says nothing about quality.
	if (typeof status === 'string' && QUALITY_PASSED_CODE.test(status) && !/(?:not|no)[_ -](?:new[_ -])?promot/i.test(status)) return add('quality', value(true, status), `${prefix}status`);
	// "benchmarked only after quality pass" and benchmark numbers: the gates passed.
	if (hasThroughput && isObject(object.benchmark_policy) && object.benchmark_policy.benchmarked_only_after_quality_pass === true) {
		return add('quality', value(true, 'benchmarked only after the quality gates passed'), `${prefix}benchmark_policy.benchmarked_only_after_quality_pass`);
	}
	const guardrails = guardrailsIn(object);
	if (guardrails) add('quality', { method: 'guardrails', detail: guardrails.detail }, `${prefix}${guardrails.key}`);
}

/**
 * What a change kept fixed so the output would not move, where no gate verdict is written:
 * `quality_guardrail: "No model, quantization ... changes."`, `quality_policy: ["...", "..."]`,
 * `quality_guardrails: { speculative_decode: false, ... }`, `qualityPreserving: true`,
 * `qualityChecks: ["no expert dropping", ...]` (a list of words, not of gate results).
 */
const GUARDRAIL_KEY = /^quality[_-]?(?:guardrails?|policy|constraints|intent|notes|checks)$/i;
const PRESERVING_FLAG = /^quality[_-]?(?:preserv|conserv)\w*$/i;

function guardrailsIn(object: Json): { key: string; detail: string } | undefined {
	for (const [key, value] of Object.entries(object)) {
		const text = GUARDRAIL_KEY.test(key) ? guardrailText(value) : PRESERVING_FLAG.test(key) && value === true ? `${key}: true` : undefined;
		if (text) return { key, detail: text.length > 200 ? `${text.slice(0, 199)}…` : text };
	}
	return undefined;
}

/** The guardrails a file states for its experiment: at its top level, else in a top-level block. */
export function fileGuardrails(path: string, parsed: Json): Claim | undefined {
	const blocks: Array<[string, Json]> = [['', parsed], ...Object.entries(parsed).filter((entry): entry is [string, Json] => isObject(entry[1])).map(([key, value]): [string, Json] => [`${key}.`, value])];
	for (const [prefix, block] of blocks) {
		const found = guardrailsIn(block);
		if (found) return { field: 'quality', value: { method: 'guardrails', detail: found.detail }, basis: 'recorded', evidence: fieldEvidence(path, `${prefix}${found.key}`) };
	}
	return undefined;
}

/** A sentence, a list of sentences or an object of flags, as one line; undefined for anything else (gate results). */
function guardrailText(value: unknown): string | undefined {
	const line = (text: string) => text.trim().replace(/\s+/g, ' ');
	if (isText(value)) return line(value);
	if (Array.isArray(value) && value.length && value.every(isText)) return value.map(line).join('; ');
	if (isObject(value)) {
		const entries = Object.entries(value);
		if (entries.length && entries.every(([, flag]) => typeof flag === 'boolean')) return entries.map(([name, flag]) => `${name}: ${flag}`).join(', ');
	}
	return undefined;
}

