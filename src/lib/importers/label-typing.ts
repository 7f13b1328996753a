/**
 * Label values typed as text (`--set key=value`, vLLM `--metadata label.key=value`, answers to
 * `npm run new`) become the type the record schema wants at that path: `software.kernel=6.14`
 * stays the text "6.14", `hardware.gpuCount=4` becomes the number 4, and object labels take a
 * short form (`hardware.interconnect=pcie4x16`, `quality=not-checked`, `speculation=off`).
 */
import type { z } from 'astro/zod';
import { recordSchema } from '../schema/record';
import { defOf, unwrapSchema } from '../schema/walk';

/** Keys that would reach Object.prototype instead of a label. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

/** The schema of the label at a dotted path, or undefined when the record has no such label. */
export function schemaAt(dottedPath: string): z.core.$ZodType | undefined {
	let schema: z.core.$ZodType | undefined = recordSchema;
	for (const key of dottedPath.split('.')) {
		if (UNSAFE_KEYS.has(key)) return undefined;
		const shapeSchema = unwrapSchema(schema);
		const def = shapeSchema ? defOf(shapeSchema) : undefined;
		if (def?.type !== 'object') return undefined;
		const shape = def.shape as Record<string, z.core.$ZodType>;
		if (!Object.hasOwn(shape, key)) return undefined;
		schema = shape[key];
	}
	return schema;
}

/**
 * Why a path cannot be given as a label, or undefined when it can. Measured values (metrics), the
 * provenance (source, artifacts) and anything outside the schema come only from the artifact.
 */
export function labelPathProblem(dottedPath: string): string | undefined {
	const keys = dottedPath.split('.');
	if (keys.some((key) => UNSAFE_KEYS.has(key) || key === '')) return `"${dottedPath}" is not a label path`;
	if (['metrics', 'source', 'artifacts'].includes(keys[0])) return `${keys[0]} come${keys[0] === 'metrics' ? '' : 's'} from the artifact, not from a label`;
	if (!schemaAt(dottedPath)) return `"${dottedPath}" is not a label of the record schema`;
	return undefined;
}

const OFF = /^(off|no|none|false|disabled?)$/i;
const ON = /^(on|yes|true|enabled?)$/i;
const UNSURE = /^(maybe|perhaps|possibly|probably|unknown|unsure|not[-_.]?sure|n[-_.]?a|tbd|idk|dunno|unclear|not[-_.]?recorded|not[-_.]?known)$/i;

/** "pcie4x16", "PCIe 4.0 x16", "pcie5" (lanes then missing), "xe-link", "nvlink", "none". */
export function interconnectShortForm(text: string): Record<string, unknown> | undefined {
	const value = text.trim();
	const pcie = /^pcie\s*(?:gen\s*)?(\d)(?:\.0)?(?:\s*[x×]\s*(\d+))?$/i.exec(value);
	if (pcie) return { kind: 'pcie', generation: Number(pcie[1]), ...(pcie[2] ? { lanes: Number(pcie[2]) } : {}) };
	if (/^xe[-\s]?link$/i.test(value)) return { kind: 'xe-link' };
	if (/^nvlink$/i.test(value)) return { kind: 'nvlink' };
	if (/^(none|single|single[-\s]gpu|none[-\s]single[-\s]gpu)$/i.test(value)) return { kind: 'none-single-gpu' };
	return undefined;
}

/** Short forms of the labels that are objects, where one word says it all. */
const SHORT_FORMS: Record<string, (text: string) => Record<string, unknown> | undefined> = {
	'hardware.interconnect': interconnectShortForm,
	quality: (text) => (/^not[-\s]checked$/i.test(text.trim()) ? { method: 'not-checked', detail: 'not checked' } : undefined),
	speculation: (text) => {
		const value = text.trim();
		if (OFF.test(value)) return { enabled: false };
		if (ON.test(value)) return { enabled: true };
		// A method name ("ngram", "draft-model", "mtp") says speculation was on, and how; a shrug
		// ("maybe", "unknown") says nothing, and is left as text for validation to refuse.
		return /^[a-z][\w.-]*$/i.test(value) && !UNSURE.test(value) ? { enabled: true, method: value } : undefined;
	},
	tuning: (text) => {
		const value = text.trim();
		if (OFF.test(value) || /^(unchanged|stock|default)$/i.test(value)) return { changed: false };
		return value ? { changed: true, detail: value } : undefined;
	},
};

function parsesAsJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/**
 * The value of `text` for the label at `dottedPath`, by the schema's type there. Text that does
 * not fit (a word for a number) is kept as text, so validation names the label and what it expects.
 */
export function typedLabelValue(dottedPath: string, text: string): unknown {
	if (/^\s*[{[]/.test(text)) {
		const json = parsesAsJson(text.trim());
		if (json.ok) return json.value;
	}
	const shortForm = SHORT_FORMS[dottedPath]?.(text);
	if (shortForm) return shortForm;
	const target = unwrapSchema(schemaAt(dottedPath));
	const type = target ? defOf(target).type : undefined;
	const trimmed = text.trim();
	switch (type) {
		case 'string':
		case 'enum':
		case 'literal':
			return trimmed;
		case 'number':
			return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
		case 'boolean':
			return ON.test(trimmed) ? true : OFF.test(trimmed) ? false : trimmed;
		default: {
			// Objects and lists given whole, as JSON: {"kind":"pcie","generation":4,"lanes":16}.
			const json = parsesAsJson(trimmed);
			return json.ok ? json.value : trimmed;
		}
	}
}
