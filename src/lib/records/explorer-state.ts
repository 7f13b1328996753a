/** The records explorer's view: the shared table state with the explorer's filters and columns. */
import { parseTableState, tableStateToSearch, visibleTableRows, type TableRow, type TableSpec, type TableState } from '../tables/table-state';
import { EXPLORER_COLUMNS, EXPLORER_FILTERS, type ColumnKey, type FilterKey } from './explorer-columns';

export interface FilterableRow extends TableRow {
	sort: Record<ColumnKey, string | number | null>;
	filters: Record<FilterKey, string>;
}

export interface ExplorerState extends TableState {
	filters: Partial<Record<FilterKey, string>>;
	sort?: ColumnKey;
}

export const EXPLORER_SPEC: TableSpec = {
	filters: EXPLORER_FILTERS.map((filter) => filter.key),
	columns: EXPLORER_COLUMNS.map((column) => column.key),
	numeric: EXPLORER_COLUMNS.filter((column) => column.numeric).map((column) => column.key),
};

export const parseState = (search: string) => parseTableState(search, EXPLORER_SPEC) as ExplorerState;
export const stateToSearch = (state: ExplorerState) => tableStateToSearch(state as TableState, EXPLORER_SPEC);
export const visibleRows = <T extends FilterableRow>(rows: readonly T[], state: ExplorerState) => visibleTableRows(rows, state as TableState);
