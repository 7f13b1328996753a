/**
 * How the search page ranks results: with Starlight's default Pagefind weights (the site's header
 * box opens this page; src/components/overrides/Search.astro). Pagefind's own defaults favour pages that repeat
 * a word often and let a longer word that merely starts with the query compete; with those, a
 * flag's tenth later run (its command line repeated) or a flag that extends the one searched
 * (VLLM_X_HELPER_MAX_TOKENS for VLLM_X_HELPER) outranked the note that introduced it.
 */
export const SEARCH_RANKING = {
	/** Exact-length matches first: the flag searched, not longer flags that start with it. */
	termSimilarity: 9,
	/** Repeating a word many times (data dumps, command lines) earns little. */
	termFrequency: 0.1,
	termSaturation: 2,
	/** Long pages are not punished for being long (notes with logs are). */
	pageLength: 0.1,
} as const;
