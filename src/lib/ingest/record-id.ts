/** A record's id comes from its artifact's content: the same artifact always maps to the same file. */
import { createHash } from 'node:crypto';
import type { ArtifactFormat, DerivedRecord } from '../importers/types';
import { slugify } from '../text/slug';

/** Stable JSON: object keys sorted, so formatting or key order in the artifact does not matter. */
function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${stableStringify(child)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

const slug = (text: string) => slugify(text.toLowerCase().replace(/\.gguf$/, ''), 48);

export function recordId(format: ArtifactFormat, derived: DerivedRecord): string {
	const digest = createHash('sha256').update(`${format}\n${derived.key}\n${stableStringify(derived.content)}`).digest('hex').slice(0, 12);
	const model = typeof derived.draft.model?.id === 'string' ? slug(derived.draft.model.id.split('/').at(-1) ?? '') : '';
	return [model, format, digest].filter(Boolean).join('-');
}
