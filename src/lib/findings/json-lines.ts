/**
 * The line of a field in a JSON file, for messages that point at it. Walks the path key by key,
 * each searched after the previous one; a missing key points at its parent.
 */
import { lineAt, type Finding } from './finding';
import { parseLabJson } from '../text/lab-json';

export function lineOfJsonPath(text: string, dottedPath: string): number {
	let offset = 0;
	for (const key of dottedPath.split('.').filter(Boolean)) {
		if (/^\d+$/.test(key)) continue; // array indices: stay on the array's key
		const match = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`).exec(text.slice(offset));
		if (!match) break;
		offset += match.index;
	}
	return lineAt(text, offset);
}

/** A JSON file's content, or the finding that says it does not parse. */
export function parseJsonFile(file: { path: string; text?: string }): { ok: true; json: unknown } | { ok: false; finding: Finding } {
	const parsed = parseLabJson(file.text ?? '');
	if (parsed.error === undefined) return { ok: true, json: parsed.json };
	return { ok: false, finding: { severity: 'error', file: file.path, line: 1, message: parsed.error } };
}
