/** The parts of Pagefind's default UI this site uses (the package ships no types). */
declare module '@pagefind/default-ui' {
	export class PagefindUI {
		constructor(options: Record<string, unknown>);
		triggerSearch(term: string): void;
		triggerFilters(filters: Record<string, string[]>): void;
	}
}
declare module '@pagefind/default-ui/css/ui.css';
