#!/usr/bin/env -S node --experimental-websocket
// Opens a diff report.html in headless Chromium and checks that it renders, that its tables sort
// and filter, and that the console shows no error; saves a screenshot.
//   node --experimental-websocket scripts/html-report-check.js REPORT.html SCREENSHOT.png
// Needs Chromium (Debian package chromium; CHROMIUM overrides the binary) and Node 20 or newer.
// Prints one line per check and exits 1 when any fails.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [report, screenshot] = process.argv.slice(2);
if (!report || !screenshot) {
  console.error('usage: html-report-check.js REPORT.html SCREENSHOT.png');
  process.exit(2);
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'report-check-'));
const browser = spawn(process.env.CHROMIUM || 'chromium', ['--headless', '--no-sandbox', '--disable-gpu',
  '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1', `--user-data-dir=${profile}`,
  '--window-size=1400,1800', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });

function devtoolsUrl() {
  return new Promise((resolve, reject) => {
    let text = '';
    browser.stderr.on('data', chunk => {
      text += chunk;
      const m = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) { resolve(m[1]); }
    });
    browser.on('exit', () => reject(new Error('chromium exited: ' + text)));
  });
}

async function main() {
  const ws = new WebSocket(await devtoolsUrl());
  await new Promise(resolve => ws.addEventListener('open', resolve));
  let nextId = 1;
  const pending = new Map();
  const events = [];
  const problems = [];
  ws.addEventListener('message', message => {
    const m = JSON.parse(message.data);
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    } else if (m.method) {
      events.push(m);
      if (m.method === 'Runtime.exceptionThrown') { problems.push(m.params.exceptionDetails.text); }
      if (m.method === 'Runtime.consoleAPICalled' && ['error', 'warning', 'assert'].includes(m.params.type)) {
        problems.push('console ' + m.params.type + ': ' + JSON.stringify(m.params.args));
      }
      if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') { problems.push(m.params.entry.text); }
    }
  });
  const send = (method, params = {}, sessionId) => new Promise(resolve => {
    const id = nextId++;
    pending.set(id, resolve);
    ws.send(JSON.stringify({ id, method, params, sessionId }));
  });
  const { result: { targetId } } = await send('Target.createTarget', { url: 'about:blank' });
  const { result: { sessionId } } = await send('Target.attachToTarget', { targetId, flatten: true });
  const call = (method, params) => send(method, params, sessionId);
  await call('Runtime.enable');
  await call('Log.enable');
  await call('Page.enable');
  await call('Page.navigate', { url: 'file://' + path.resolve(report) });
  for (let i = 0; i < 600 && !events.some(e => e.method === 'Page.loadEventFired'); i++) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  const evaluate = async expression => {
    const r = await call('Runtime.evaluate', { expression, returnByValue: true });
    if (r.result.exceptionDetails) { throw new Error(r.result.exceptionDetails.text + ' in ' + expression); }
    return r.result.result.value;
  };
  let failed = problems.length > 0;
  const check = (label, ok) => {
    console.log((ok ? 'ok    ' : 'FAILED') + ' ' + label);
    failed = failed || !ok;
  };
  // column texts of a table's body, the column picked by its header text
  await evaluate(`window.column = function (id, label) {
    var table = document.getElementById(id);
    var index = Array.prototype.findIndex.call(table.tHead.rows[0].cells, function (th) { return th.textContent === label; });
    return Array.prototype.map.call(table.tBodies[0].rows, function (tr) { return tr.cells[index].textContent; });
  };
  window.sortBy = function (id, label) {
    var table = document.getElementById(id);
    Array.prototype.find.call(table.tHead.rows[0].cells, function (th) { return th.textContent === label; }).click();
    return table.tHead.rows[0].querySelector('[aria-sort="ascending"], [aria-sort="descending"]').getAttribute('aria-sort');
  };
  window.isSorted = function (values, numeric, descending) {
    for (var i = 1; i < values.length; i++) {
      var a = numeric ? Number(values[i - 1]) : values[i - 1];
      var b = numeric ? Number(values[i]) : values[i];
      if (descending ? a < b : a > b) { return false; }
    }
    return true;
  };`);
  check('page title: ' + await evaluate('document.title'), (await evaluate('document.title')).startsWith('Kernel '));
  const categories = await evaluate('column("summary-table", "Category").length');
  check(`summary table has ${categories} category rows`, categories > 20);
  const countHeader = await evaluate('document.getElementById("summary-table").tHead.rows[0].cells[2].textContent');
  check('summary sorts by count, ascending', await evaluate(`sortBy("summary-table", ${JSON.stringify(countHeader)})`) === 'ascending'
    && await evaluate(`isSorted(column("summary-table", ${JSON.stringify(countHeader)}), true, false)`));
  check('summary sorts by count, descending', await evaluate(`sortBy("summary-table", ${JSON.stringify(countHeader)})`) === 'descending'
    && await evaluate(`isSorted(column("summary-table", ${JSON.stringify(countHeader)}), true, true)`));
  check('summary sorts by category', await evaluate('sortBy("summary-table", "Category")') === 'ascending'
    && await evaluate('isSorted(column("summary-table", "Category"), false, false)'));
  const rows = await evaluate('column("changes-table", "Module").length');
  const total = await evaluate('JSON.parse(document.getElementById("report-data").textContent).changes.length');
  check(`changes table shows ${rows} of ${total} changes`, rows === Math.min(total, 1000));
  if (total > 0) {
    check('changes sort by module', await evaluate('sortBy("changes-table", "Module")') === 'ascending'
      && await evaluate('isSorted(column("changes-table", "Module"), false, false)'));
    check('changes sort by module, descending', await evaluate('sortBy("changes-table", "Module")') === 'descending'
      && await evaluate('isSorted(column("changes-table", "Module"), false, true)'));
    const needle = await evaluate('column("changes-table", "Module")[0]');
    const filtered = await evaluate(`(function () {
      var input = document.getElementById('changes-filter');
      input.value = ${JSON.stringify(needle)};
      input.dispatchEvent(new Event('input'));
      var modules = column('changes-table', 'Module');
      var ok = modules.length > 0 && modules.every(function (m, i) {
        return document.getElementById('changes-table').tBodies[0].rows[i].textContent.indexOf(${JSON.stringify(needle)}) >= 0;
      });
      input.value = '';
      input.dispatchEvent(new Event('input'));
      return ok;
    }())`);
    check(`changes filter on "${needle}"`, filtered);
    const byCategory = await evaluate(`(function () {
      var select = document.getElementById('changes-category');
      select.value = String(JSON.parse(document.getElementById('report-data').textContent).changes[0][1]);
      select.dispatchEvent(new Event('change'));
      var shown = column('changes-table', 'Category');
      var wanted = select.options[select.selectedIndex].textContent;
      select.value = '';
      select.dispatchEvent(new Event('change'));
      return shown.length > 0 && shown.every(function (c) { return c === wanted; });
    }())`);
    check('changes filter by category', byCategory);
  }
  if (await evaluate('!!document.getElementById("lifetimes-table")')) {
    check('lifetimes table sorts by name', await evaluate('sortBy("lifetimes-table", "Name")') === 'ascending'
      && await evaluate('isSorted(column("lifetimes-table", "Name"), false, false)'));
    check('series chart drawn', await evaluate('document.querySelectorAll("#series-chart rect").length') > 0);
  }
  await evaluate('window.scrollTo(0, 0)');
  const shot = await call('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(screenshot, Buffer.from(shot.result.data, 'base64'));
  check('no console errors' + (problems.length ? ': ' + problems.join('; ') : ''), problems.length === 0);
  ws.close();
  return failed;
}

function finish(status) {
  browser.once('exit', () => {
    fs.rmSync(profile, { recursive: true, force: true });
    process.exit(status);
  });
  browser.kill();
}

main().then(failed => finish(failed ? 1 : 0), error => {
  console.error(error);
  finish(1);
});
