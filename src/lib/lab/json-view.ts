/**
 * A readable view of a JSON document of any shape: arrays of similar objects become tables,
 * nested objects become sections, scalars become key/value rows. Components only draw the tree.
 */
export type JsonView =
	| { kind: 'scalar'; text: string; type: 'string' | 'number' | 'boolean' | 'null' }
	| { kind: 'list'; items: JsonView[] }
	| { kind: 'table'; columns: string[]; rows: JsonView[][] }
	| { kind: 'object'; entries: Array<{ key: string; view: JsonView }> };

const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const isFlat = (value: unknown) =>
	value === null || ['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every((item) => !isObject(item) && !Array.isArray(item)));

/** Objects share enough keys, and hold flat values, to read well as rows of one table. */
function tableColumns(items: unknown[]): string[] | undefined {
	if (items.length < 2 || !items.every(isObject)) return undefined;
	const objects = items as Array<Record<string, unknown>>;
	const columns: string[] = [];
	for (const object of objects) for (const key of Object.keys(object)) if (!columns.includes(key)) columns.push(key);
	const shared = columns.filter((key) => objects.filter((object) => key in object).length >= objects.length / 2);
	if (columns.length > 14 || shared.length < columns.length / 2) return undefined;
	const flat = objects.every((object) => Object.values(object).every(isFlat));
	return flat ? columns : undefined;
}

/**
 * Deeper levels are not drawn: each level is a nested component on the page, and a hostile or
 * generated file could nest thousands (the raw file link still shows everything).
 */
export const JSON_VIEW_MAX_DEPTH = 24;
export const TOO_DEEP_TEXT = 'nested too deeply to show here; see the raw file';

export function jsonView(value: unknown, depth = 0): JsonView {
	if (depth >= JSON_VIEW_MAX_DEPTH && value !== null && typeof value === 'object') return { kind: 'scalar', text: TOO_DEEP_TEXT, type: 'null' };
	if (value === null) return { kind: 'scalar', text: 'null', type: 'null' };
	if (typeof value === 'string') return { kind: 'scalar', text: value, type: 'string' };
	if (typeof value === 'number') return { kind: 'scalar', text: String(value), type: 'number' };
	if (typeof value === 'boolean') return { kind: 'scalar', text: String(value), type: 'boolean' };
	if (Array.isArray(value)) {
		const columns = tableColumns(value);
		if (columns) {
			return {
				kind: 'table',
				columns,
				rows: value.map((item) => columns.map((column) => (column in (item as object) ? jsonView((item as Record<string, unknown>)[column], depth + 1) : { kind: 'scalar', text: '', type: 'null' }))),
			};
		}
		return { kind: 'list', items: value.map((item) => jsonView(item, depth + 1)) };
	}
	if (isObject(value)) {
		return { kind: 'object', entries: Object.entries(value).map(([key, child]) => ({ key, view: jsonView(child, depth + 1) })) };
	}
	return { kind: 'scalar', text: String(value), type: 'string' };
}

/** A scalar list shown inline: [1, 2, 3] reads better as "1, 2, 3" in a table cell. */
export function inlineText(view: JsonView): string | undefined {
	if (view.kind === 'scalar') return view.text;
	if (view.kind === 'list' && view.items.every((item) => item.kind === 'scalar')) {
		return view.items.map((item) => (item as { text: string }).text).join(', ');
	}
	return undefined;
}

/** Anchor ids for the top-level sections of a data page ("common_configuration" -> "json-common_configuration"). */
export const jsonSectionId = (key: string) => `json-${key.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`;

/**
 * The top level of a document split for a page: short values first (title, date, status...),
 * then one section per nested object, table or list, which also make the page's outline.
 */
export function jsonPageLayout(view: JsonView): { summary: JsonView; sections: Array<{ key: string; id: string; view: JsonView }> } {
	if (view.kind !== 'object') return { summary: view, sections: [] };
	const summary = view.entries.filter((entry) => inlineText(entry.view) !== undefined);
	const sections = view.entries
		.filter((entry) => inlineText(entry.view) === undefined)
		.map((entry) => ({ key: entry.key, id: jsonSectionId(entry.key), view: entry.view }));
	return { summary: { kind: 'object', entries: summary }, sections };
}
