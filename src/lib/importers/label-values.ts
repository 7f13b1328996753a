/** Label values given as text (--set key=value, vLLM --metadata): JSON when it parses, else text. */
export function parseLabelValue(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** The value at a dotted path: getPath({a: {b: 1}}, "a.b") -> 1; undefined when absent. */
export function getPath(object: unknown, dottedPath: string): unknown {
	return dottedPath.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), object);
}

/** Sets `value` at a dotted path, creating objects on the way: setPath({}, "a.b", 1) -> {a: {b: 1}}. */
export function setPath(target: Record<string, unknown>, dottedPath: string, value: unknown): void {
	const parts = dottedPath.split('.');
	let node = target;
	for (const part of parts.slice(0, -1)) {
		const next = node[part];
		if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
		node = node[part] as Record<string, unknown>;
	}
	node[parts.at(-1)!] = value;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** Deep merge: objects merge key by key, anything else (arrays included) is replaced. */
export function mergeLabels(...layers: Array<Record<string, unknown> | undefined>): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const layer of layers) {
		if (!layer) continue;
		for (const [key, value] of Object.entries(layer)) {
			result[key] = isPlainObject(value) && isPlainObject(result[key]) ? mergeLabels(result[key], value) : structuredClone(value);
		}
	}
	return result;
}

