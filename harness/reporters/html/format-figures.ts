import type { Interval } from '../../core/wilson';
import { formatRate } from '../../core/summarize-verdict';
import { formatNumber } from '../format-value';

/** A count with thousands separators (`12,345`): counts in a report are read at a glance, not parsed. */
export function formatCount(n: number): string {
  if (!Number.isInteger(n)) return formatNumber(n);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A 95% interval of a rate: `5.85–14.3%`. */
export function formatInterval(interval: Interval): string {
  const [low, high] = interval;
  return `${formatRate(low).replace(/%$/, '')}–${formatRate(high)}`;
}

/** A duration in ms as people say it: `850 ms`, `4.8 s`, `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return formatNumber(ms);
  if (ms < 1000) return `${formatNumber(Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

/**
 * A value for a dense table cell: integers in full (ungrouped, like values everywhere else on the page; only counts
 * get separators), others to 4 significant digits (`0.0003052` as `3.052e-5`), NaN, ±Infinity and −0 spelled out.
 * The exact value goes in the cell's title.
 */
export function formatCompact(n: number): string {
  if (Number.isInteger(n) && !Object.is(n, -0)) return String(n);
  if (!Number.isFinite(n) || Object.is(n, -0)) return formatNumber(n);
  const abs = Math.abs(n);
  return abs !== 0 && abs < 1e-3 ? n.toExponential(3).replace(/\.?0+e/, 'e') : String(Number(n.toPrecision(4)));
}

/**
 * Labels for a set of chart ticks: short (`12k`, `1.5M`, `0.25`), with just enough significant digits that
 * neighbouring ticks read differently (`-1.9122`, `-1.9121` rather than `-1.91` twice).
 */
export function formatTicks(ticks: readonly number[]): string[] {
  // One unit for the whole axis (`0, 5k, 10k`, not `0, 5000, 10k`), chosen by its largest tick.
  const largest = Math.max(0, ...ticks.map((t) => Math.abs(t)));
  const unit = largest >= 1e6 ? { div: 1e6, suffix: 'M' } : largest >= 1e4 ? { div: 1e3, suffix: 'k' } : { div: 1, suffix: '' };
  for (let digits = 3; digits <= 12; digits++) {
    const labels = ticks.map((t) => (t === 0 ? '0' : `${Number((t / unit.div).toPrecision(digits))}${unit.suffix}`));
    if (new Set(labels).size === labels.length) return labels;
  }
  return ticks.map((t) => formatNumber(t));
}

/** A number for a `data-sort` attribute: plain, sortable by `Number()`; empty when there is none. */
export function sortKey(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? '' : String(n);
}
