/**
 * What the checks look at inside the page, evaluated in the browser. Kept apart from the Node side so that each
 * function is plain DOM code with no closure over Node values (Playwright serialises it into the page).
 */

// The project compiles without the DOM library (its code runs in Node); these few shapes are all the probes use,
// declared in this module only so that `document` does not become a global everywhere else.
interface DomElement {
  readonly localName: string;
  readonly attributes: ArrayLike<{ readonly name: string }>;
  readonly outerHTML: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}
interface DomRow {
  readonly cells: ArrayLike<DomElement>;
}
interface DomTable extends DomElement {
  readonly tHead: { readonly rows: ArrayLike<DomRow> } | null;
  readonly tBodies: ArrayLike<{ readonly rows: ArrayLike<DomRow> }>;
}
declare const document: {
  readonly scripts: ArrayLike<unknown>;
  readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
};

/** Facts about the loaded page that injected markup would change. */
export interface PageFacts {
  /** `<script>` elements in the document (the page has exactly one: the sort script). */
  scripts: number;
  /** Attributes named `on…` (event handlers) anywhere: markup from data must never create one. */
  handlerAttributes: string[];
  /** Elements that could load or embed something: iframes, objects, embeds, images, links with href, forms. */
  loaders: string[];
  /** Text of the verdict summary (empty when missing). */
  verdict: string;
  /** Sortable tables on the page. */
  sortableTables: number;
  /** Page width beyond the viewport (0 when nothing overflows sideways). */
  overflowPx: number;
  /** Elements in the parsed document. */
  elements: number;
}

/** Collects {@link PageFacts}. Runs in the page. */
export function collectPageFacts(): PageFacts {
  const all = Array.from(document.querySelectorAll('*'));
  const handlerAttributes = all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`));
  const loaders = Array.from(document.querySelectorAll('iframe, object, embed, img, link[href], form, video, audio, source, base')).map((el) => el.outerHTML.slice(0, 120));
  const root = document.documentElement;
  return {
    scripts: document.scripts.length,
    handlerAttributes,
    loaders,
    verdict: document.querySelector('.verdict-summary')?.textContent?.trim() ?? '',
    sortableTables: document.querySelectorAll('table.sortable').length,
    overflowPx: Math.max(0, root.scrollWidth - root.clientWidth),
    elements: all.length,
  };
}

/** A column worth sorting: in the first sortable table, the first column with at least two distinct numbers. */
export interface SortTarget {
  /** Index of the table among `table.sortable`. */
  table: number;
  /** Column index. */
  column: number;
  /** Header text. */
  header: string;
}

/** Finds a {@link SortTarget}, or null when no table has a numeric column with two distinct values. Runs in the page. */
export function findSortTarget(): SortTarget | null {
  const tables = Array.from(document.querySelectorAll('table.sortable')) as DomTable[];
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t]!;
    const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
    for (let c = 0; c < headers.length; c++) {
      const keys = Array.from(table.tBodies[0]?.rows ?? []).map((r) => r.cells[c]?.getAttribute('data-sort') ?? '');
      const numbers = keys.filter((k) => k !== '' && Number.isFinite(Number(k)));
      if (numbers.length === keys.length && new Set(numbers).size >= 2) return { table: t, column: c, header: headers[c]!.textContent?.trim() ?? '' };
    }
  }
  return null;
}

/** The sort keys of a column and its header's `aria-sort`, after a click. Runs in the page. */
export function readColumn(target: SortTarget): { keys: number[]; direction: string | null } {
  const table = document.querySelectorAll('table.sortable')[target.table] as DomTable;
  const keys = Array.from(table.tBodies[0]?.rows ?? []).map((r) => Number(r.cells[target.column]?.getAttribute('data-sort')));
  return { keys, direction: table.tHead?.rows[0]?.cells[target.column]?.getAttribute('aria-sort') ?? null };
}
