/** YAML frontmatter at the top of a markdown file, split from its body. */
import { parse as parseYaml } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export const hasFrontmatter = (text: string) => FRONTMATTER.test(text);

/** `error` says why the frontmatter is unusable (without the file name: the caller knows it). */
export function splitFrontmatter(text: string): { frontmatter: unknown; body: string; error?: string } {
	const match = FRONTMATTER.exec(text);
	if (!match) return { frontmatter: {}, body: text };
	try {
		return { frontmatter: parseYaml(match[1]) ?? {}, body: text.slice(match[0].length) };
	} catch (error) {
		return { frontmatter: {}, body: text.slice(match[0].length), error: `the frontmatter is not valid YAML (${(error as Error).message.split('\n')[0]})` };
	}
}
