/**
 * Parses `git log --format=t:%ct --name-only` into the newest commit date of each file, in one
 * pass over the history instead of one git process per page.
 */
export function newestCommitDates(gitLog: string): Map<string, Date> {
	const newest = new Map<string, number>();
	let commitSeconds: number | undefined;
	for (const line of gitLog.split('\n')) {
		if (line.startsWith('t:')) {
			commitSeconds = Number.parseInt(line.slice(2), 10);
			continue;
		}
		const file = line.trim();
		if (!file || commitSeconds === undefined) continue;
		// The log is newest first, so the first date seen for a file is its newest.
		if (!newest.has(file)) newest.set(file, commitSeconds);
	}
	return new Map([...newest].map(([file, seconds]) => [file, new Date(seconds * 1000)]));
}
