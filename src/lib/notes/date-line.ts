/**
 * The line that dates a whole file: `Date: 2026-05-18`, `**Date:** 2026-05-18`, `- Date (local): ...`,
 * `Last updated: 2026-05-19`, `_Updated 2026-05-19_`, `As of 2026-05-19`. The lab's hand-written
 * summaries change this line's wording between revisions; a sentence that merely mentions a date
 * ("Dated runs: ...", "Date formats differ") is not it.
 */

const ISO_DATE = /\d{4}-\d{2}-\d{2}/g;

/** True for a date that exists on the calendar (2026-02-30 does not). */
export function isRealDate(candidate: string): boolean {
	const parsed = new Date(`${candidate}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === candidate;
}

/** The first real YYYY-MM-DD in a string ("2026-05-18 local / 2026-05-19 UTC" -> 2026-05-18). */
export function firstIsoDate(text: string): string | undefined {
	for (const match of text.matchAll(ISO_DATE)) {
		if (isRealDate(match[0])) return match[0];
	}
	return undefined;
}

const EMPHASIS = String.raw`(?:\*\*|__|\*|_)?`;
/**
 * A key followed by a colon: what follows holds the date somewhere ("2026-05-18 local / ...").
 * Each run of spaces is followed by something it cannot also match, so a line padded with
 * thousands of spaces is read in one pass (a stranger's note may hold one).
 */
const KEYED = new RegExp(String.raw`^\s*(?:[-*]\s+)?${EMPHASIS}(?:date|last\s+updated?|updated)${EMPHASIS}\s*(?:\([^)]*\)\s*)?:(.*)$`, 'i');
/** A key without a colon: the date must follow it directly. */
const BARE = new RegExp(String.raw`^\s*(?:[-*]\s+)?${EMPHASIS}(?:last\s+updated?|updated(?:\s+on)?|as\s+of)\s+${EMPHASIS}(\d{4}-\d{2}-\d{2})(?!\d)`, 'i');

/** The date a line gives its file, or undefined when the line is not a date line. */
export function dateOfLine(line: string): string | undefined {
	const keyed = KEYED.exec(line);
	if (keyed) return firstIsoDate(keyed[1]);
	const bare = BARE.exec(line);
	return bare ? firstIsoDate(bare[1]) : undefined;
}
