/**
 * A pure function of one string, answered from memory when asked again with the same string. The
 * dev server reads the lab again after every save, and all of it but the saved file is the same
 * text as before. Past `limit` strings it forgets everything and starts again, so a long session
 * does not keep every version of every file. Answers are shared: callers must not change them.
 */
export function memoizeByText<R>(compute: (text: string) => R, limit = 20_000): (text: string) => R {
	let known = new Map<string, R>();
	return (text) => {
		const answer = known.get(text);
		if (answer !== undefined || known.has(text)) return answer as R;
		if (known.size >= limit) known = new Map();
		const computed = compute(text);
		known.set(text, computed);
		return computed;
	};
}
