/** The existing name closest to a dangling one, for "did you mean" in cross-reference findings. */

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = current;
	}
	return previous[b.length];
}

/** The candidate with the fewest edits from `name` (ties: the first in sorted order); undefined when there is none. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
	const lower = name.toLowerCase();
	return [...candidates].sort().reduce<{ candidate?: string; distance: number }>(
		(best, candidate) => {
			const distance = editDistance(lower, candidate.toLowerCase());
			return distance < best.distance ? { candidate, distance } : best;
		},
		{ distance: Infinity },
	).candidate;
}

/** " The closest existing <noun> is <name>." or " There is no <noun> yet." */
export function closestHint(name: string, candidates: Iterable<string>, noun: string): string {
	const closest = closestName(name, candidates);
	return closest ? `The closest existing ${noun} is "${closest}".` : `There is no ${noun} yet.`;
}
