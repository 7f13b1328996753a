/** What every check speaks: lab files in, findings (file, line, field, message) out. */
import type { LabInventory } from '../lab/inventory';

export type Severity = 'error' | 'warning';

export interface Finding {
	severity: Severity;
	/** Path relative to the lab root. */
	file: string;
	line?: number;
	field?: string;
	message: string;
}

export interface CheckedFile {
	path: string;
	/** Text of text files (undefined for binaries and files too large to read). */
	text?: string;
	size: number;
	/** For files not held as text (binary or large): their bytes in chunks, for the secret scan. */
	readChunks?: () => Iterable<string>;
}

export interface CheckContext {
	files: CheckedFile[];
	inventory: LabInventory;
}

export interface Check {
	/** A short name, shown with --verbose and used in tests. */
	name: string;
	run(context: CheckContext): Finding[];
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let index = 0; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
	return line;
}
