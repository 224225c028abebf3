(function () {
  'use strict';
  var LIMIT = 1000;
  var data = JSON.parse(document.getElementById('report-data').textContent);

  function compare(a, b) {
    if (a === b) { return 0; }
    if (a === null) { return -1; }
    if (b === null) { return 1; }
    if (typeof a === 'number' && typeof b === 'number') { return a - b; }
    return String(a) < String(b) ? -1 : 1;
  }

  function markSorted(row, index, ascending) {
    Array.prototype.forEach.call(row.cells, function (th, j) {
      th.setAttribute('aria-sort', j === index ? (ascending ? 'ascending' : 'descending') : 'none');
    });
  }

  // Tables written in the page: clicking a header sorts the body rows by that column.
  Array.prototype.forEach.call(document.querySelectorAll('table.static'), function (table) {
    var head = table.tHead.rows[0];
    var state = { column: -1, ascending: true };
    Array.prototype.forEach.call(head.cells, function (th, i) {
      th.setAttribute('aria-sort', 'none');
      th.addEventListener('click', function () {
        state.ascending = state.column === i ? !state.ascending : true;
        state.column = i;
        var numeric = th.classList.contains('num');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[i].textContent;
          var y = b.cells[i].textContent;
          var r = numeric ? compare(Number(x), Number(y)) : compare(x, y);
          return state.ascending ? r : -r;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        markSorted(head, i, state.ascending);
      });
    });
  });

  // Tables filled from the embedded data: sorting and filtering work on all rows, the first
  // LIMIT matching rows are shown.
  function dataTable(table, rows, columns, accepts, status) {
    var head = table.tHead.rows[0];
    var state = { column: -1, ascending: true };
    function render() {
      var matching = rows.filter(accepts);
      var fragment = document.createDocumentFragment();
      matching.slice(0, LIMIT).forEach(function (row) {
        var tr = document.createElement('tr');
        columns.forEach(function (column) {
          var td = document.createElement('td');
          var text = column.text(row);
          td.textContent = text === null ? '' : String(text);
          if (column.numeric) { td.className = 'num'; }
          tr.appendChild(td);
        });
        fragment.appendChild(tr);
      });
      var body = table.tBodies[0];
      while (body.firstChild) { body.removeChild(body.firstChild); }
      body.appendChild(fragment);
      status.textContent = matching.length > LIMIT
        ? 'showing the first ' + LIMIT + ' of ' + matching.length + ' matching rows (of ' + rows.length + ')'
        : matching.length + ' matching rows (of ' + rows.length + ')';
    }
    columns.forEach(function (column, i) {
      var th = document.createElement('th');
      th.textContent = column.label;
      th.setAttribute('aria-sort', 'none');
      if (column.numeric) { th.className = 'num'; }
      th.addEventListener('click', function () {
        state.ascending = state.column === i ? !state.ascending : true;
        state.column = i;
        rows.sort(function (a, b) {
          var r = compare(column.key(a), column.key(b));
          return state.ascending ? r : -r;
        });
        markSorted(head, i, state.ascending);
        render();
      });
      head.appendChild(th);
    });
    return render;
  }

  function contains(row, needle, texts) {
    if (needle === '') { return true; }
    for (var i = 0; i < texts.length; i++) {
      var t = texts[i](row);
      if (t !== null && String(t).toLowerCase().indexOf(needle) >= 0) { return true; }
    }
    return false;
  }

  function at(i) { return function (row) { return row[i]; }; }

  function wire(render, ids) {
    ids.forEach(function (id) {
      var control = document.getElementById(id);
      if (control) {
        control.addEventListener(control.tagName === 'INPUT' && control.type === 'search' ? 'input' : 'change', render);
      }
    });
    render();
  }

  var changes = document.getElementById('changes-table');
  if (changes) {
    var stepName = function (row) { var s = data.steps[row[0]]; return s[0] + ' \u2192 ' + s[1]; };
    var columns = [];
    if (data.steps.length > 1) { columns.push({ label: 'Step', text: stepName, key: at(0) }); }
    columns.push({ label: 'Category', text: function (row) { return data.categories[row[1]]; }, key: at(1) },
      { label: 'Module', text: at(2), key: at(2) },
      { label: 'Item', text: at(3), key: at(3) },
      { label: 'Old', text: at(4), key: at(4) },
      { label: 'New', text: at(5), key: at(5) });
    var texts = columns.map(function (c) { return c.text; });
    var filter = document.getElementById('changes-filter');
    var category = document.getElementById('changes-category');
    var step = document.getElementById('changes-step');
    var render = dataTable(changes, data.changes.slice(), columns, function (row) {
      return (category.value === '' || Number(category.value) === row[1])
        && (!step || step.value === '' || Number(step.value) === row[0])
        && contains(row, filter.value.toLowerCase(), texts);
    }, document.getElementById('changes-status'));
    wire(render, ['changes-filter', 'changes-category', 'changes-step']);
  }

  var lifetimes = document.getElementById('lifetimes-table');
  if (lifetimes && data.lifetimes) {
    var kernel = function (i) { return function (row) { return data.kernels[row[i]]; }; };
    var lifetimeColumns = [
      { label: 'Kind', text: at(0), key: at(0) },
      { label: 'Name', text: at(1), key: at(1) },
      { label: 'First', text: kernel(2), key: at(2) },
      { label: 'Last', text: kernel(3), key: at(3) },
      { label: 'Present', text: at(4), key: at(4), numeric: true },
      { label: 'Module', text: at(5), key: at(5) }];
    var lifetimeTexts = lifetimeColumns.map(function (c) { return c.text; });
    var lifetimeFilter = document.getElementById('lifetimes-filter');
    var kind = document.getElementById('lifetimes-kind');
    var partial = document.getElementById('lifetimes-partial');
    var renderLifetimes = dataTable(lifetimes, data.lifetimes.slice(), lifetimeColumns, function (row) {
      return (kind.value === '' || kind.value === row[0])
        && (!partial.checked || row[4] < data.kernels.length)
        && contains(row, lifetimeFilter.value.toLowerCase(), lifetimeTexts);
    }, document.getElementById('lifetimes-status'));
    wire(renderLifetimes, ['lifetimes-filter', 'lifetimes-kind', 'lifetimes-partial']);
  }
}());
