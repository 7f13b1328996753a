/**
 * JSON from the lab, read with limits. Lab data files are written by scripts and by hand in a
 * hurry; a file nested thousands of levels deep, far too large, or carrying a `__proto__` key
 * must become a readable finding on its page, never a crash of the build. The depth is counted
 * by scanning the text before anything recursive (JSON.parse's reviver, the page's JSON view,
 * Astro's data store) sees it.
 */
export interface LabJsonLimits {
	/** Deepest nesting of arrays and objects read. */
	maxDepth: number;
	/** Largest file read, in UTF-8 bytes. */
	maxBytes: number;
	/** Most object keys (over the whole document) read. */
	maxKeys: number;
}

export const LAB_JSON_LIMITS: LabJsonLimits = { maxDepth: 64, maxBytes: 20 * 1024 * 1024, maxKeys: 500_000 };

/**
 * A key `__proto__` cannot reach Astro's data store (devalue refuses it) and, copied carelessly,
 * would replace an object's prototype; it is kept under this name instead, so its data still shows.
 */
export const RENAMED_PROTO_KEY = '__proto__ (renamed)';

export type LabJsonResult =
	| { json: unknown; renamedProtoKeys: number; error?: undefined }
	| { error: string; json?: undefined; renamedProtoKeys?: undefined };

interface Shape {
	depth: number;
	keys: number;
}

/** Deepest nesting and number of keys, by one pass over the text (strings skipped). */
function scanShape(text: string, limits: LabJsonLimits): Shape | { error: string } {
	let depth = 0;
	let deepest = 0;
	let keys = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (inString) {
			if (code === 92 /* \ */) index++;
			else if (code === 34 /* " */) inString = false;
			continue;
		}
		if (code === 34) inString = true;
		else if (code === 123 /* { */ || code === 91 /* [ */) {
			depth++;
			if (depth > deepest) deepest = depth;
			if (depth > limits.maxDepth) return { error: `is nested more than ${limits.maxDepth} levels deep; the site reads at most ${limits.maxDepth}.` };
		} else if (code === 125 /* } */ || code === 93 /* ] */) depth--;
		else if (code === 58 /* : */) {
			keys++;
			if (keys > limits.maxKeys) return { error: `has more than ${limits.maxKeys} keys; the site reads at most ${limits.maxKeys}.` };
		}
	}
	return { depth: deepest, keys };
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Parses lab JSON; never throws. `__proto__` keys are renamed (counted in `renamedProtoKeys`). */
export function parseLabJson(text: string, limits: Partial<LabJsonLimits> = {}): LabJsonResult {
	const applied = { ...LAB_JSON_LIMITS, ...limits };
	if (typeof text !== 'string') return { error: 'is not text.' };
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	// Counted exactly only when it could matter: a UTF-16 unit is at most 3 UTF-8 bytes.
	const bytes = body.length > applied.maxBytes ? body.length : body.length * 3 > applied.maxBytes ? utf8Length(body) : 0;
	if (bytes > applied.maxBytes) return { error: `is ${(bytes / 1024 / 1024).toFixed(1)} MB; the site reads JSON files up to ${(applied.maxBytes / 1024 / 1024).toFixed(1)} MB.` };
	const shape = scanShape(body, applied);
	if ('error' in shape) return { error: shape.error };
	let renamedProtoKeys = 0;
	try {
		const json: unknown = JSON.parse(body, function revive(this: unknown, _key: string, value: unknown) {
			if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, '__proto__')) return value;
			// Rebuild in key order with the key renamed; defineProperty never touches the prototype.
			const rebuilt: Record<string, unknown> = {};
			for (const key of Object.keys(value)) {
				const name = key === '__proto__' ? RENAMED_PROTO_KEY : key;
				Object.defineProperty(rebuilt, name, { value: (value as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
			}
			renamedProtoKeys++;
			return rebuilt;
		});
		return { json, renamedProtoKeys };
	} catch (error) {
		return { error: `is not valid JSON (${(error as Error).message}).` };
	}
}
