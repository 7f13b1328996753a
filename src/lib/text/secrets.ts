/**
 * Secrets in lab material: one rule set for `npm run check` and for the build, which redacts
 * them before anything is published. The rules are secretlint's recommended preset
 * (@secretlint/secretlint-rule-preset-recommend: GitHub, AWS, Slack, OpenAI, Anthropic,
 * Hugging Face, private keys and ~20 more, kept up to date upstream), run synchronously on the
 * text, plus a few of the lab's own for what the preset leaves out (LocalMaxxing `bhk_` keys,
 * key blocks too short for the preset's PEM rule, token shapes the preset's stricter patterns
 * skip). Tokens written with escapes (`&#95;`, `\u005f`, `%5F`) are found in a decoded view of
 * the text and redacted in the original. A finding names the file, line and rule, never any
 * character of the secret.
 */
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { lineOf, lineStarts } from './lines';

export interface SecretFinding {
	/** Lab path of the file. */
	file: string;
	/** 1-based line of the secret's start; 0 when the secret is in the file name. */
	line: number;
	/** The rule that found it, e.g. "@secretlint/secretlint-rule-github" or "lab/localmaxxing-api-key". */
	rule: string;
	/** Where it was: the file's text or its name. */
	field: 'text' | 'file name';
}

interface Match {
	start: number;
	end: number;
	rule: string;
}

/** Rules of our own, for what the preset does not know or matches too strictly. */
const LAB_RULES: Array<{ rule: string; pattern: RegExp }> = [
	{ rule: 'lab/localmaxxing-api-key', pattern: /\bbhk_[A-Za-z0-9]{16,}/g },
	{ rule: 'lab/huggingface-token', pattern: /\bhf_[A-Za-z0-9]{30,}/g },
	{ rule: 'lab/openai-style-api-key', pattern: /\bsk-(?:[A-Za-z0-9]+-)?[A-Za-z0-9_-]{20,}/g },
	{ rule: 'lab/github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/g },
	{ rule: 'lab/aws-access-key-id', pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/g },
	{ rule: 'lab/slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
	{ rule: 'lab/anthropic-api-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
];

// A key block is redacted from its BEGIN line through its END line (or to the end of the text).
const KEY_BLOCK_BEGIN = /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----/g;
const KEY_BLOCK_END = /-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----/g;

interface PresetRule {
	meta: { id: string; supportedContentTypes?: string[] };
	create(context: unknown, options: unknown): { file?: (source: unknown) => unknown };
}

const PRESET_RULES = (recommendedPreset as unknown as { rules: PresetRule[] }).rules.filter(
	// The comment filter lets a file switch the scan off (`secretlint-disable`); lab material may not.
	(rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments',
);
// Options per rule: AWS access key ids are off by default upstream (too many example ids in docs).
const PRESET_OPTIONS: Record<string, unknown> = { '@secretlint/secretlint-rule-aws': { enableIDScanRule: true } };

/**
 * Each preset rule's handlers, made once: the rules keep no state between files, and making them
 * again for every file (three closures and the rule's own set-up, for each of twenty rules) was
 * most of the scan's time. `report` writes into the scan in progress.
 */
let reportInto: Match[] = [];
const PRESET_HANDLERS = PRESET_RULES.map((rule) => {
	const context = {
		createTranslator: () => (messageId: string) => ({ messageId }),
		report: ({ range }: { range: [number, number] }) => reportInto.push({ start: range[0], end: range[1], rule: rule.meta.id }),
		ignore: () => undefined,
	};
	try {
		return rule.create(context, PRESET_OPTIONS[rule.meta.id] ?? {});
	} catch {
		return {};
	}
});

function presetMatches(content: string, path: string): Match[] {
	const found: Match[] = [];
	const ext = /\.[^./]+$/.exec(path)?.[0] ?? '';
	// The p12 check reads files from disk; lab text is scanned as text only.
	if (ext === '.p12') return found;
	reportInto = found;
	try {
		for (const handlers of PRESET_HANDLERS) {
			try {
				const result = handlers.file?.({ content, filePath: path, ext, contentType: 'text' });
				if (result && typeof (result as Promise<void>).then === 'function') (result as Promise<void>).catch(() => undefined);
			} catch {
				// A rule that fails on odd text finds nothing there; the other rules still run.
			}
		}
	} finally {
		reportInto = [];
	}
	return found;
}

function ownMatches(content: string): Match[] {
	const found: Match[] = [];
	for (const { rule, pattern } of LAB_RULES) for (const match of content.matchAll(pattern)) found.push({ start: match.index, end: match.index + match[0].length, rule });
	// Each block is searched for its end once; an unclosed block runs to the end of the text.
	let covered = 0;
	for (const begin of content.matchAll(KEY_BLOCK_BEGIN)) {
		if (begin.index < covered) continue;
		KEY_BLOCK_END.lastIndex = begin.index + begin[0].length;
		const end = KEY_BLOCK_END.exec(content);
		covered = end ? end.index + end[0].length : content.length;
		found.push({ start: begin.index, end: covered, rule: 'lab/private-key-block' });
		if (!end) break;
	}
	return found;
}

// Backslash escapes may themselves be escaped once more (`\\u005f` in a JSON string).
const ESCAPE = /&#(\d{1,7});?|&#x([0-9a-f]{1,6});?|\\+u([0-9a-f]{4})|\\+u\{([0-9a-f]{1,6})\}|\\+x([0-9a-f]{2})|%([0-9a-f]{2})/gi;

/** The text with character escapes decoded, and for each decoded position its original offset. */
function decodeEscapes(text: string): { decoded: string; offsets: Int32Array } | undefined {
	ESCAPE.lastIndex = 0;
	const found = ESCAPE.test(text);
	ESCAPE.lastIndex = 0;
	if (!found) return undefined;
	const parts: string[] = [];
	const offsets: number[] = [];
	let last = 0;
	for (const match of text.matchAll(ESCAPE)) {
		for (let index = last; index < match.index; index++) offsets.push(index);
		parts.push(text.slice(last, match.index));
		const code = Number.parseInt(match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? match[6], match[1] ? 10 : 16);
		const character = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match[0];
		for (let unit = 0; unit < character.length; unit++) offsets.push(match.index);
		parts.push(character);
		last = match.index + match[0].length;
	}
	for (let index = last; index <= text.length; index++) offsets.push(index);
	parts.push(text.slice(last));
	// The end offset of a decoded character that came from an escape is the escape's end.
	const table = Int32Array.from(offsets);
	return { decoded: parts.join(''), offsets: table };
}

/** Secret ranges in one piece of text, in original offsets, merged and sorted. */
export function secretRanges(text: string, path: string): Match[] {
	const matches = [...presetMatches(text, path), ...ownMatches(text)];
	const view = decodeEscapes(text);
	if (view) {
		for (const match of [...presetMatches(view.decoded, path), ...ownMatches(view.decoded)]) {
			const start = view.offsets[match.start];
			// Map the end through the last decoded character, then past its (possibly escaped) source.
			const lastSource = view.offsets[Math.max(match.start, match.end - 1)];
			const nextSource = view.offsets[match.end] ?? text.length;
			matches.push({ start, end: Math.max(nextSource, lastSource + 1), rule: match.rule });
		}
	}
	matches.sort((a, b) => a.start - b.start || b.end - a.end);
	const merged: Match[] = [];
	for (const match of matches) {
		const previous = merged.at(-1);
		if (previous && match.start < previous.end) previous.end = Math.max(previous.end, match.end);
		else if (match.end > match.start) merged.push({ ...match });
	}
	return merged;
}

/** Text of the replacement: the rule's name, nothing of the secret. */
export const redactionText = (rule: string) => `[secret removed: ${rule.replace(/^@secretlint\/secretlint-rule-/, '')}]`;

/** The path with any secret in it replaced, for reports and logs. */
export function redactedPath(path: string): string {
	let clean = path;
	for (const range of secretRanges(path, path).reverse()) clean = `${clean.slice(0, range.start)}${redactionText(range.rule)}${clean.slice(range.end)}`;
	return clean;
}

/** Secrets in a file's name (a token pasted into a file name is published in its URL); the path shown is redacted. */
export function secretsInName(path: string): SecretFinding[] {
	const ranges = secretRanges(path, path);
	const file = ranges.length ? redactedPath(path) : path;
	return ranges.map((match) => ({ file, line: 0, rule: match.rule, field: 'file name' }));
}

/**
 * The text with every secret replaced by `[secret removed: <rule>]`, and what was removed (file,
 * line, rule). Secrets in the file name are reported too; renaming the page is the caller's.
 */
export function redactSecrets(text: string, path: string): { text: string; findings: SecretFinding[] } {
	const ranges = secretRanges(text, path);
	const findings: SecretFinding[] = [...secretsInName(path)];
	if (!ranges.length) return { text, findings };
	const file = findings.length ? findings[0].file : path;
	const starts = lineStarts(text);
	const parts: string[] = [];
	let last = 0;
	for (const range of ranges) {
		parts.push(text.slice(last, range.start), redactionText(range.rule));
		findings.push({ file, line: lineOf(starts, range.start), rule: range.rule, field: 'text' });
		last = range.end;
	}
	parts.push(text.slice(last));
	return { text: parts.join(''), findings };
}

/** The redacted text; what was removed is appended to `findings` (for one-line use in a pipeline). */
export function redactSecretsInto(text: string, path: string, findings: SecretFinding[]): string {
	const result = redactSecrets(text, path);
	findings.push(...result.findings);
	return result.text;
}

/** Chunk size and overlap for large files: a key block or token never spans more than the overlap. */
export const SECRET_SCAN_CHUNK = 1024 * 1024;
export const SECRET_SCAN_OVERLAP = 64 * 1024;

/**
 * Findings for a file read in chunks (files too large to hold as one string). Each chunk is
 * scanned with the tail of the previous one, so a secret across a boundary is still found once.
 */
export function findSecretsInChunks(chunks: Iterable<string>, path: string): SecretFinding[] {
	const findings: SecretFinding[] = [...secretsInName(path)];
	const file = findings.length ? findings[0].file : path;
	let carry = '';
	let carryStart = 0;
	let carryLine = 1;
	let reportedUntil = 0;
	for (const chunk of chunks) {
		const window = carry + chunk;
		const starts = lineStarts(window);
		for (const range of secretRanges(window, path)) {
			const absolute = carryStart + range.start;
			if (absolute < reportedUntil) continue;
			reportedUntil = carryStart + range.end;
			findings.push({ file, line: carryLine + lineOf(starts, range.start) - 1, rule: range.rule, field: 'text' });
		}
		const keep = Math.min(SECRET_SCAN_OVERLAP, window.length);
		const dropped = window.slice(0, window.length - keep);
		carryLine += lineStarts(dropped).length - 1;
		carryStart += dropped.length;
		carry = window.slice(window.length - keep);
	}
	return findings;
}

/** Chunks of a string, for tests and callers holding the whole text. */
export function* chunksOf(text: string, size = SECRET_SCAN_CHUNK): Iterable<string> {
	for (let index = 0; index < text.length; index += size) yield text.slice(index, index + size);
}

/** "file:line: rule" wording shared by check and the import report; never any part of the secret. */
export function secretMessage(finding: SecretFinding): string {
	const where = finding.field === 'file name' ? 'its file name holds' : 'holds';
	return `${where} a secret (rule ${finding.rule}); the site publishes it as "${redactionText(finding.rule)}". Remove it from the lab, revoke it, and keep secrets in environment variables.`;
}
