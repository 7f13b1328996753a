/** What every check speaks: lab files in, findings (file, line, field, message) out. */
import type { LabInventory } from '../lab/inventory';
import type { Finding } from '../findings/finding';

export { lineAt, type Finding, type Severity } from '../findings/finding';

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

