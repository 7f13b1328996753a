/**
 * An ATX heading line (`## Previous promoted baselines ##`): its level and text. Written without a
 * regular expression that backtracks over trailing spaces and hashes, because a stranger's note can
 * hold a heading line padded with thousands of them (a pattern such as `(.*?)\s*#*\s*$` takes
 * seconds on one such line).
 */
export interface AtxHeading {
	level: number;
	text: string;
}

const OPENING = /^ {0,3}(#{1,6})(?:\s+(.*))?$/;

/** The heading a line is, or undefined: "# Title", "### Title ###" (closing hashes dropped). */
export function atxHeading(line: string): AtxHeading | undefined {
	const match = OPENING.exec(line);
	if (!match) return undefined;
	return { level: match[1].length, text: withoutClosingSequence(match[2] ?? '') };
}

/** "Title ##  " -> "Title": trailing whitespace, then trailing hashes, then whitespace again. */
function withoutClosingSequence(text: string): string {
	let end = text.length;
	const isSpace = (index: number) => /\s/.test(text[index]);
	while (end > 0 && isSpace(end - 1)) end--;
	while (end > 0 && text[end - 1] === '#') end--;
	while (end > 0 && isSpace(end - 1)) end--;
	return text.slice(0, end);
}
