/**
 * Template leftovers: sections of a note that still hold the text `npm run new -- note` wrote
 * (src/lib/scaffold/note.ts). Such text is the template talking, not the author: it must never
 * decide a note's outcome ("Keep, reject, or investigate" is not a rejection).
 */
import { NOTE_PLACEHOLDERS } from '../scaffold/note';

export type TemplateSection = keyof typeof NOTE_PLACEHOLDERS;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The sections (Summary, Setup, Decision) whose template sentence is still in the note. */
export function templateLeftovers(body: string): TemplateSection[] {
	const text = squash(body);
	return (Object.keys(NOTE_PLACEHOLDERS) as TemplateSection[]).filter((section) => text.includes(squash(NOTE_PLACEHOLDERS[section])));
}

/** The body with every template sentence removed, so only the author's words are read. */
export function withoutTemplateText(body: string): string {
	let text = body;
	for (const placeholder of Object.values(NOTE_PLACEHOLDERS)) {
		const words = placeholder.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		text = text.replace(new RegExp(words.join('\\s+'), 'gi'), '');
	}
	return text;
}
