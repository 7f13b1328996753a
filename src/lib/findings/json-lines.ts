/**
 * The line of a field in a JSON file, for messages that point at it. Walks the path key by key,
 * each searched after the previous one; a missing key points at its parent.
 */
import { lineAt, type Finding } from './finding';
import { parseLabJson } from '../text/lab-json';

export function lineOfJsonPath(text: string, dottedPath: string): number {
	let offset = 0;
	// "metrics.repeats[1].outputTokPerS" and "metrics.repeats.1.outputTokPerS" name the same field.
	for (const key of dottedPath.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)) {
		if (/^\d+$/.test(key)) {
			const element = elementStart(text, offset, Number(key));
			if (element === undefined) break;
			offset = element;
			continue;
		}
		const match = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`).exec(text.slice(offset));
		if (!match) break;
		offset += match.index;
	}
	return lineAt(text, offset);
}

/**
 * Where the `index`-th element of the first array at or after `from` starts: a small scan that
 * skips strings and counts commas at the array's own depth.
 */
function elementStart(text: string, from: number, index: number): number | undefined {
	const open = text.indexOf('[', from);
	if (open < 0) return undefined;
	let depth = 0;
	let seen = 0;
	for (let at = open; at < text.length; at++) {
		const char = text[at];
		if (char === '"') {
			for (at++; at < text.length && text[at] !== '"'; at++) if (text[at] === '\\') at++;
			continue;
		}
		if (char === '[' || char === '{') {
			depth++;
			if (depth === 2 && seen === index) return at;
		} else if (char === ']' || char === '}') {
			depth--;
			if (depth === 0) return undefined;
		} else if (char === ',' && depth === 1) {
			seen++;
		} else if (depth === 1 && seen === index && !/[\s,]/.test(char)) return at;
	}
	return undefined;
}

/** A JSON file's content, or the finding that says it does not parse. */
export function parseJsonFile(file: { path: string; text?: string }): { ok: true; json: unknown } | { ok: false; finding: Finding } {
	const parsed = parseLabJson(file.text ?? '');
	if (parsed.error === undefined) return { ok: true, json: parsed.json };
	return { ok: false, finding: { severity: 'error', file: file.path, line: 1, message: parsed.error } };
}
