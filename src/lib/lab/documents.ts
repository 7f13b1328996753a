/**
 * Notes and write-ups: a page each, with metadata inferred from the text (frontmatter wins),
 * track and outcome from the classification rules (an override wins), and file references linked.
 * Frontmatter that is present but wrong is a finding (strict content), and the file gets no page.
 */
import type { Finding } from '../findings/finding';
import { frontmatterFindings } from '../findings/frontmatter-lines';
import { inferNoteMetadata, withoutTitleHeading } from '../notes/infer-metadata';
import { readingText } from '../text/reading-text';
import { validateNoteFrontmatter, type NoteData } from '../schema/note';
import { splitFrontmatter } from '../text/frontmatter';
import { classifyNote, withOverride, type ClassificationOverride } from './classify';
import type { PairedDataFacts } from '../notes/outcome';
import type { Track } from './tracks';
import { noteIdOf, writeupIdOf } from './lab-paths';
import { linkMarkdown, type LinkedText, type LinkResolver } from './links';
import { findDroppedHtml } from '../checks/unsafe-markdown';

export type DocumentKind = 'note' | 'writeup';

export interface LabDocument {
	kind: DocumentKind;
	path: string;
	/** notes: path under notes/ without .md; writeups: lab path without .md. */
	id: string;
	meta: NoteData & { outcomeFrom?: string };
	/** The body with file references linked and the title heading removed. */
	markdown: string;
	links: LinkedText;
	/** Data files recording the same experiment. */
	pairedData: string[];
	/** Non-JSON files of the same experiment in data/. */
	pairedFiles: string[];
	/** Raw HTML in the file that the sanitiser drops (for the import report and check). */
	droppedHtml: Array<{ file: string; line?: number; message: string }>;
}

export interface DocumentContext {
	overrides: Record<string, ClassificationOverride | undefined>;
	/** The tracks the lab declares (data/tracks.json, else the project's). */
	tracks: readonly Track[];
	/** How file references in this document resolve (write-ups look beside themselves first). */
	resolverFor(documentPath: string): LinkResolver;
	/** Files in data/ that record the same experiment as this note. */
	pairedWith(documentPath: string): string[];
	/** What those data files state (status code, decision): the note's outcome can follow them. */
	pairedFacts?(documentPath: string): PairedDataFacts[];
}

export function readDocument(
	file: { path: string; text?: string },
	kind: DocumentKind,
	context: DocumentContext,
): { document?: LabDocument; findings: Finding[] } {
	const text = file.text ?? '';
	const { frontmatter, body, error } = splitFrontmatter(text);
	if (error) return { findings: [{ severity: 'error', file: file.path, line: 1, message: error }] };
	let validated = {};
	if (kind === 'note') {
		const result = validateNoteFrontmatter(frontmatter, file.path);
		if (!result.ok) return { findings: frontmatterFindings(file.path, text, result.problems) };
		validated = result.data;
	}
	// Patterns read a copy with runs of spaces collapsed (src/lib/text/reading-text.ts); the page renders the body as written.
	const reading = readingText(body);
	const meta = inferNoteMetadata({ path: file.path, body: reading, frontmatter: validated });
	const classification = withOverride(classifyNote({ path: file.path, title: meta.title, body: reading, pairedData: context.pairedFacts?.(file.path) }, context.tracks), context.overrides[file.path]);
	// The page shows the title; the H1 it came from is not repeated in the body.
	// Raw HTML is sanitised when the markdown is rendered (src/lib/text/sanitize-html.ts).
	const shown = (validated as { title?: string }).title ? body : withoutTitleHeading(body);
	const links = linkMarkdown(shown, context.resolverFor(file.path));
	const paired = context.pairedWith(file.path);
	return {
		findings: [],
		document: {
			kind,
			path: file.path,
			id: kind === 'note' ? noteIdOf(file.path) : writeupIdOf(file.path),
			meta: {
				...meta,
				track: meta.track ?? classification.track,
				outcome: meta.outcome ?? classification.outcome,
				outcomeFrom: meta.outcome ? 'frontmatter' : classification.outcomeFrom,
			},
			markdown: links.markdown,
			links,
			pairedData: paired.filter((path) => path.endsWith('.json')).sort(),
			pairedFiles: paired.filter((path) => !path.endsWith('.json')).sort(),
			droppedHtml: findDroppedHtml(text, file.path).map(({ file: where, line, message }) => ({ file: where, line, message })),
		},
	};
}
