/**
 * Element ids for in-page links. Made from positions only, never from names in the data, so an id is always
 * unique and needs no escaping beyond the usual.
 */
export const anchors = {
  /** A check's section. */
  check: (checkIndex: number) => `check-${checkIndex + 1}`,
  /** A failing field's card within a check. */
  field: (checkIndex: number, fieldIndex: number) => `check-${checkIndex + 1}-field-${fieldIndex + 1}`,
} as const;
