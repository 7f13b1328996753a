/** Labels as nested objects addressed by dotted paths, and the layers they come from (--set, label files). */
import { typedLabelValue, UNSAFE_KEYS } from './label-typing';

/** The value at a dotted path: getPath({a: {b: 1}}, "a.b") -> 1; undefined when absent. */
export function getPath(object: unknown, dottedPath: string): unknown {
	return dottedPath.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), object);
}

/** Sets `value` at a dotted path, creating objects on the way: setPath({}, "a.b", 1) -> {a: {b: 1}}. */
export function setPath(target: Record<string, unknown>, dottedPath: string, value: unknown): void {
	const parts = dottedPath.split('.');
	// A key such as __proto__ would write to every object in the process, not to a label.
	const unsafe = parts.find((part) => UNSAFE_KEYS.has(part));
	if (unsafe) throw new Error(`"${dottedPath}" is not a label path (${unsafe})`);
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
			// JSON.parse keeps "__proto__" as a plain key; assigning it would swap the prototype.
			if (UNSAFE_KEYS.has(key)) continue;
			result[key] = isPlainObject(value) && isPlainObject(result[key]) ? mergeLabels(result[key], value) : structuredClone(value);
		}
	}
	return result;
}


/**
 * Labels from one place, and the labels it states whole: `--set speculation=off` says all there is
 * about speculation, so a method another layer gave must not survive under it.
 */
export interface LabelsLayer {
	labels: Record<string, unknown>;
	/** Dotted paths this layer gives as a whole object (a short form or JSON): they replace, not merge. */
	whole?: readonly string[];
}

export type LabelsResult = ({ ok: true } & LabelsLayer) | { ok: false; message: string };

/** Without the value at a dotted path (a copy; the input is untouched). */
function withoutPath(labels: Record<string, unknown>, dottedPath: string): Record<string, unknown> {
	const [key, ...rest] = dottedPath.split('.');
	if (!Object.hasOwn(labels, key)) return labels;
	const copy = { ...labels };
	if (!rest.length) delete copy[key];
	else if (isPlainObject(copy[key])) copy[key] = withoutPath(copy[key] as Record<string, unknown>, rest.join('.'));
	return copy;
}

/** Layers merged in order (later wins), each layer's whole labels replacing what came before them. */
export function mergeLabelLayers(layers: ReadonlyArray<LabelsLayer | undefined>): Record<string, unknown> {
	let merged: Record<string, unknown> = {};
	for (const layer of layers) {
		if (!layer) continue;
		for (const path of layer.whole ?? []) merged = withoutPath(merged, path);
		merged = mergeLabels(merged, layer.labels);
	}
	return merged;
}

/**
 * `--set warmth=warm --set hardware.gpuCount=4` as labels, each value typed by the schema at its
 * path; every malformed assignment is refused in one message.
 */
export function labelsFromAssignments(assignments: readonly string[]): LabelsResult {
	const labels: Record<string, unknown> = {};
	const whole: string[] = [];
	const problems: string[] = [];
	for (const assignment of assignments) {
		const equals = assignment.indexOf('=');
		const path = assignment.slice(0, equals).trim();
		if (equals <= 0) problems.push(`--set ${assignment}: write --set label.path=value, e.g. --set warmth=warm`);
		else if (path.split('.').some((part) => UNSAFE_KEYS.has(part) || part === '')) problems.push(`--set ${assignment}: "${path}" is not a label path`);
		else {
			const value = typedLabelValue(path, assignment.slice(equals + 1));
			if (isPlainObject(value)) whole.push(path);
			setPath(labels, path, value);
		}
	}
	if (problems.length) return { ok: false, message: problems.join('\n') };
	return whole.length ? { ok: true, labels, whole } : { ok: true, labels };
}

/** The first dotted path with a prototype key (__proto__, constructor, prototype), if any. */
function unsafePath(value: unknown, prefix = ''): string | undefined {
	if (!isPlainObject(value)) return undefined;
	for (const [key, child] of Object.entries(value)) {
		const path = prefix ? `${prefix}.${key}` : key;
		if (UNSAFE_KEYS.has(key)) return path;
		const inner = unsafePath(child, path);
		if (inner) return inner;
	}
	return undefined;
}

/** A JSON file of labels (--labels, record-defaults.json); `text` undefined means the file is missing. */
export function labelsFromFile(text: string | undefined, path: string, what: string): LabelsResult {
	if (text === undefined) return { ok: false, message: `${path}: ${what} does not exist` };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return { ok: false, message: `${path}: ${what} is not valid JSON (${(error as Error).message})` };
	}
	if (!isPlainObject(value)) return { ok: false, message: `${path}: ${what} must be a JSON object of labels` };
	const unsafe = unsafePath(value);
	if (unsafe) return { ok: false, message: `${path}: ${what} has "${unsafe}", which is not a label path` };
	return { ok: true, labels: value };
}
