/**
 * The page's only script: makes every `table.sortable` sortable by clicking (or pressing Enter on) a header.
 * Cells sort by their `data-sort` attribute when present (raw numbers, so 9 < 10 and 2.5% < 10%), else by text;
 * a column whose keys are all numbers sorts numerically and starts descending (worst first), text ascending.
 * Empty keys sort last either way. The sort is stable: ties keep their previous order.
 *
 * It is a constant: no report data is ever embedded in it (data lives in the escaped markup it reads), and it
 * holds no `</`, so it cannot end its own `<script>` element. Without it the page reads the same, unsorted; the
 * `js` class it sets is what shows the sort affordances.
 */
export const SORT_SCRIPT = `(function () {
  'use strict';
  document.documentElement.classList.add('js');
  function keyOf(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var key = cell.getAttribute('data-sort');
    return (key === null ? cell.textContent || '' : key).trim();
  }
  function isNumber(text) {
    return text !== '' && isFinite(Number(text));
  }
  function sortBy(table, header, index) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var keys = rows.map(function (row) { return keyOf(row, index); });
    var numeric = keys.every(function (k) { return k === '' || isNumber(k); });
    var current = header.getAttribute('aria-sort');
    var direction = current === 'descending' ? 'ascending' : current === 'ascending' ? 'descending' : numeric ? 'descending' : 'ascending';
    var sign = direction === 'ascending' ? 1 : -1;
    var order = rows.map(function (row, i) { return { row: row, key: keys[i], i: i }; });
    order.sort(function (a, b) {
      if (a.key === '' || b.key === '') return a.key === b.key ? a.i - b.i : a.key === '' ? 1 : -1;
      var c = numeric ? Number(a.key) - Number(b.key) : a.key.localeCompare(b.key, undefined, { numeric: true, sensitivity: 'base' });
      return c !== 0 ? sign * c : a.i - b.i;
    });
    Array.prototype.forEach.call(header.parentNode.cells, function (th) { th.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', direction);
    order.forEach(function (o) { body.appendChild(o.row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    Array.prototype.forEach.call(head.cells, function (header, index) {
      header.tabIndex = 0;
      header.classList.add('sort-header');
      header.title = 'Sort by this column';
      header.addEventListener('click', function () { sortBy(table, header, index); });
      header.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          sortBy(table, header, index);
        }
      });
    });
  });
})();`;
