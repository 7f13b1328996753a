import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { JSON_VIEW_MAX_DEPTH, jsonView, TOO_DEEP_TEXT, type JsonView } from '../../src/lib/lab/json-view';
import { jsonForHtml } from '../../src/lib/text/embed-json';
import { parseLabJson, RENAMED_PROTO_KEY } from '../../src/lib/text/lab-json';

describe('parseLabJson', () => {
	it('reads ordinary lab JSON, with or without a byte-order mark', () => {
		expect(parseLabJson('{"model":"MiniMax","tok_s":[12.5,13]}')).toEqual({ json: { model: 'MiniMax', tok_s: [12.5, 13] }, renamedProtoKeys: 0 });
		expect(parseLabJson('\uFEFF{"a":1}').json).toEqual({ a: 1 });
	});

	it('keeps a "__proto__" key as data, never as a prototype, and the result serialises', () => {
		const result = parseLabJson('{"label":{"__proto__":{"polluted":true},"model":"x"}}');
		expect(result.renamedProtoKeys).toBe(1);
		const label = (result.json as { label: Record<string, unknown> }).label;
		expect(Object.getPrototypeOf(label)).toBe(Object.prototype);
		expect(Object.keys(label)).toEqual([RENAMED_PROTO_KEY, 'model']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(JSON.parse(JSON.stringify(result.json))).toEqual({ label: { [RENAMED_PROTO_KEY]: { polluted: true }, model: 'x' } });
	});

	it('refuses nesting deeper than the limit before parsing, with a readable reason', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		expect(parseLabJson(deep)).toEqual({ error: 'is nested more than 64 levels deep; the site reads at most 64.' });
		expect(parseLabJson('[[["x"]]]', { maxDepth: 2 }).error).toMatch(/nested more than 2 levels/);
		// Brackets inside strings are text, not nesting.
		expect(parseLabJson('{"a":"[[[[[[", "b":"\\"{{{{"}', { maxDepth: 1 }).json).toEqual({ a: '[[[[[[', b: '"{{{{' });
	});

	it('refuses files over the size and key limits', () => {
		expect(parseLabJson(`"${'x'.repeat(2000)}"`, { maxBytes: 1000 }).error).toMatch(/MB; the site reads JSON files up to/);
		expect(parseLabJson(`"${'é'.repeat(400)}"`, { maxBytes: 1000 }).json).toBeDefined();
		expect(parseLabJson('{"a":1,"b":2,"c":3}', { maxKeys: 2 }).error).toBe('has more than 2 keys; the site reads at most 2.');
	});

	it('never throws on broken text', () => {
		for (const text of ['', '{', '{"a":}', 'NaN', '\u0000', ']]]]', '"\\', '{"a":1}}']) {
			const result = parseLabJson(text);
			if (result.error) expect(result.error).toMatch(/^is /);
		}
		expect(parseLabJson('{"a":}').error).toMatch(/^is not valid JSON \(/);
	});
});

describe('jsonView at depth', () => {
	it('stops drawing at the depth limit with a note instead of recursing', () => {
		const result = parseLabJson('['.repeat(60) + '1' + ']'.repeat(60));
		let view: JsonView = jsonView(result.json);
		let depth = 0;
		while (view.kind === 'list') {
			view = view.items[0];
			depth++;
		}
		expect(depth).toBe(JSON_VIEW_MAX_DEPTH);
		expect(view).toEqual({ kind: 'scalar', text: TOO_DEEP_TEXT, type: 'null' });
	});
});

describe('jsonForHtml', () => {
	it('cannot close the script it is embedded in, and round-trips', () => {
		const value = { title: '</script><svg/onload=alert(1)>', note: 'a & b <!-- \u2028\u2029' };
		const json = jsonForHtml(value);
		expect(json).not.toMatch(/[<>&\u2028\u2029]/);
		expect(JSON.parse(json)).toEqual(value);
		// As the browser parses the page: one script element whose text is the whole JSON.
		const page = fromHtml(`<body><script type="application/json">${json}</script><p>after</p></body>`);
		const body = (page.children.at(-1) as { children: Array<{ children: Array<{ type: string; tagName?: string }> }> }).children.at(-1)!;
		expect(body.children.map((node) => node.tagName)).toEqual(['script', 'p']);
		const script = body.children[0] as unknown as { children: Array<{ value: string }> };
		expect(JSON.parse(script.children.map((text) => text.value).join(''))).toEqual(value);
	});
});
