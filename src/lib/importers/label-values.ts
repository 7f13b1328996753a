/** Label values given as text (--set key=value, vLLM --metadata): JSON when it parses, else text. */
export function parseLabelValue(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
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
