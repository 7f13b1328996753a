/** The one spelling of "this label was never captured". Only imported records may use it. */
export const NOT_RECORDED = 'not recorded';
export type NotRecorded = typeof NOT_RECORDED;
