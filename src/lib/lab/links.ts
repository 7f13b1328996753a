/**
 * Brings the lab's file references to life. Notes cite files as backticked repository paths
 * (`data/x.json`) or as absolute paths on the lab machine that alias the repository
 * (/home/<user>/llm-optimizations/data/x.json); there are no markdown links. This rewrites
 * those references into links to the file's page, or to the file on GitHub. A reference to a
 * file that does not exist stays plain and is reported; other absolute local paths are shown as
 * code, never as links. Fenced code blocks are left exactly as written.
 */

/** Folders of the lab repository a relative path may start with. */
const REPO_FOLDERS = 'notes|data|results|patches|scripts|plans|repro|configs?|benchmarks?|tools|docs|kernels?';
const REPO_PATH = new RegExp(`^(?:\\./)?((?:${REPO_FOLDERS})/[^\\s\`]*|[A-Za-z0-9_][A-Za-z0-9_.-]*\\.(?:md|json|jsonl|patch|diff|sh|py|txt|html))$`);
/** Absolute paths on the lab machine that are really paths in the repository. */
const ALIAS = /^\/home\/[^/\s]+\/(?:llm-optimizations|llm-optimizations-publish|llm-optimization-artifacts)\/(.+)$/;
/** Absolute local paths: a person's home, mounted disks, root's home. */
export const LOCAL_PATH = /(?<![\w.:/])\/(?:home|mnt|root)\/[^\s`'"<>|)\]]+/g;
export const LOCALMAXXING_ID_IN_TEXT = /\bcm[a-z0-9]{23}\b/g;
const FENCE = /^\s{0,3}(```|~~~)/;
/** Markdown links, autolinks and bare URLs: text that already links somewhere. */
// Bounded, and an autolink holds no "<" or space: a run of unclosed "[" or "<http://" is read in one pass.
const ALREADY_LINKED = /\[[^\]\n]{0,1000}\]\([^)\n]{0,2000}\)|<https?:\/\/[^<>\s]+>|https?:\/\/\S+/g;

export interface LinkResolver {
	/** Where a lab path leads (its page, or GitHub), or undefined when no such file or folder exists. */
	resolve(labPath: string): string | undefined;
	localmaxxingUrl(id: string): string;
}

export interface LinkedText {
	markdown: string;
	/** Referenced repository paths that do not exist. */
	unresolved: string[];
	/** Absolute local paths seen anywhere in the text, code blocks included. */
	absolutePaths: number;
	/** LocalMaxxing ids seen in the text. */
	localmaxxingIds: string[];
}

const trimPunctuation = (path: string) => path.replace(/[.,;:!?]+$/, '');

/** The repository path a reference stands for, or undefined when it is not one. */
export function repoPathOf(reference: string): { path: string; explicit: boolean } | undefined {
	// Globs ("results/*.md") name many files, not one.
	if (/[*?]/.test(reference)) return undefined;
	const alias = ALIAS.exec(reference);
	if (alias) return { path: trimPunctuation(alias[1]), explicit: true };
	const relative = REPO_PATH.exec(reference);
	// "notes/x.md" is surely a repository path; a bare "setup.sh" only if such a file exists.
	if (relative) return { path: trimPunctuation(relative[1]), explicit: relative[1].includes('/') };
	return undefined;
}

export function countLocalPaths(text: string): number {
	return text.match(LOCAL_PATH)?.length ?? 0;
}

export function linkMarkdown(markdown: string, resolver: LinkResolver): LinkedText {
	const unresolved = new Set<string>();
	const ids = new Set<string>();
	const link = (label: string, href: string) => `[${label}](${href})`;

	const rewriteCode = (content: string, raw: string): string => {
		const trimmed = content.trim();
		if (/^cm[a-z0-9]{23}$/.test(trimmed)) {
			ids.add(trimmed);
			return link(raw, resolver.localmaxxingUrl(trimmed));
		}
		const reference = repoPathOf(trimmed);
		if (!reference) return raw;
		const href = resolver.resolve(reference.path);
		if (href) return link(raw, href);
		if (reference.explicit) unresolved.add(reference.path);
		return raw;
	};

	const rewriteText = (text: string): string =>
		text
			.replace(LOCAL_PATH, (match) => {
				const path = trimPunctuation(match);
				const tail = match.slice(path.length);
				const reference = repoPathOf(path);
				const href = reference && resolver.resolve(reference.path);
				if (reference && !href) unresolved.add(reference.path);
				return `${href ? link(`\`${path}\``, href) : `\`${path}\``}${tail}`;
			})
			.replace(LOCALMAXXING_ID_IN_TEXT, (id) => {
				ids.add(id);
				return link(`\`${id}\``, resolver.localmaxxingUrl(id));
			});

	/** Applies `rewrite` to the parts of `text` that are not already links. */
	const outsideLinks = (text: string, rewrite: (part: string) => string): string => {
		let result = '';
		let last = 0;
		for (const match of text.matchAll(ALREADY_LINKED)) {
			result += rewrite(text.slice(last, match.index)) + match[0];
			last = match.index + match[0].length;
		}
		return result + rewrite(text.slice(last));
	};

	let inFence = false;
	const lines = markdown.split('\n').map((line) => {
		if (FENCE.test(line)) {
			inFence = !inFence;
			return line;
		}
		if (inFence) return line;
		let result = '';
		let last = 0;
		for (const match of line.matchAll(/`([^`\n]+)`/g)) {
			result += outsideLinks(line.slice(last, match.index), rewriteText) + rewriteCode(match[1], match[0]);
			last = match.index + match[0].length;
		}
		return result + outsideLinks(line.slice(last), rewriteText);
	});

	return {
		markdown: lines.join('\n'),
		unresolved: [...unresolved].sort(),
		absolutePaths: countLocalPaths(markdown),
		localmaxxingIds: [...ids].sort(),
	};
}
