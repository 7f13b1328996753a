/**
 * The text the readers match their patterns against: every run of spaces and tabs inside a line
 * becomes one space, and indentation is kept up to 64 columns. Lines and line numbers stay as they
 * are, so evidence still cites the right line. Pages render the file itself, not this.
 *
 * Why: a stranger's pull request can pad a line with thousands of spaces, and a pattern such as
 * `\s+(?:the\s+)?([\w\s-]{0,40}?)\s*(\d+...)` backtracks over such a run at every position; the
 * reading of one padded note went from minutes to milliseconds.
 */
const MAX_INDENT = 64;

export function readingText(text: string): string {
	return text
		.split('\n')
		.map((line) => {
			const indent = line.length - line.trimStart().length;
			return line.slice(0, Math.min(indent, MAX_INDENT)) + line.slice(indent).replace(/[ \t]{2,}/g, ' ');
		})
		.join('\n');
}
