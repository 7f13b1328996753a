/**
 * The line of a field in a JSON file, for messages that point at it. Walks the path key by key,
 * each searched after the previous one; a missing key points at its parent.
 */
import { lineAt, type Finding } from './finding';

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
	try {
		return { ok: true, json: JSON.parse(file.text ?? '') };
	} catch (error) {
		return { ok: false, finding: { severity: 'error', file: file.path, line: 1, message: `is not valid JSON (${(error as Error).message})` } };
	}
}
