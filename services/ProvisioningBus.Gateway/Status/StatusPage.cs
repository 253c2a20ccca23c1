namespace ProvisioningBus.Gateway.Status;

/// <summary>
/// The status page: static HTML whose script renders <c>/api/status</c> (connections, rules with their last run, held
/// deletions with an Approve button, queue depths by role), the provisioning log (<c>/api/log</c>, with filters) and
/// inline SVG charts of changes per minute by outcome (<c>/api/log/per-minute</c>) and of each connection's remaining
/// Docusign budget (<c>/api/budget</c>), refreshed every 5 s, so it needs no front-end build and shows the same numbers
/// as the API and the CLI.
/// </summary>
public static class StatusPage
{
    public const string Html = """
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ProvisioningBus — sync status</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
  table { border-collapse: collapse; margin-bottom: 1rem; }
  th, td { border: 1px solid #d5d9e0; padding: .3rem .6rem; text-align: left; }
  th { background: #f2f4f7; }
  .Active { color: #17713a; } .Failed, .Quarantined { color: #b3261e; } .Inactive { color: #6b7280; }
  .muted { color: #6b7280; }
  .success { fill: #17713a; color: #17713a; } .skipped { fill: #9ca3af; color: #6b7280; } .failed { fill: #b3261e; color: #b3261e; }
  .none { color: #6b7280; font-style: italic; }
  .hourly { fill: none; stroke-width: 2; } .burst { fill: none; stroke-width: 1.5; stroke-dasharray: 4 3; }
  form#log-filter { margin-bottom: .5rem; } form#log-filter input, form#log-filter select { margin-right: .5rem; }
</style>
</head>
<body>
<h1>ProvisioningBus</h1>
<div class="muted" id="generated">loading…</div>
<h2>Connections</h2>
<table id="connections"><thead><tr><th>Connection</th><th>Enabled</th><th>Service URI</th><th>Account</th><th>Health</th><th>Description</th></tr></thead><tbody></tbody></table>
<h2>Rules</h2>
<table id="rules"><thead><tr><th>Rule</th><th>Direction</th><th>Status</th><th>Last sync</th><th>Next run</th>
<th>Users impacted</th><th>Users success</th><th>Users unsynced</th><th>Users partially synced</th><th>Users failed</th>
<th>Groups impacted</th><th>Groups success</th><th>Groups failed</th><th>Last run</th><th>Description</th></tr></thead><tbody></tbody></table>
<h2>Held deletions</h2>
<table id="held"><thead><tr><th>Rule</th><th>Direction</th><th>Held</th><th>Approve</th></tr></thead><tbody></tbody></table>
<div class="muted" id="held-note"></div>
<h2>Recent failures</h2>
<table id="failures"><thead><tr><th>Rule</th><th>Entity</th><th>Name</th><th>Error code</th><th>Message</th><th>At</th></tr></thead><tbody></tbody></table>
<h2>Parked webhook events</h2>
<div id="parked">—</div>
<h2>Changes per minute, last hour</h2>
<svg id="changes-chart" width="720" height="160" viewBox="0 0 720 160" role="img" aria-label="changes per minute by outcome"></svg>
<div class="muted"><span class="success">■ success</span> <span class="skipped">■ skipped</span> <span class="failed">■ failed</span> <span id="changes-total"></span></div>
<h2>Docusign budget left, last hour</h2>
<svg id="budget-chart" width="720" height="160" viewBox="0 0 720 160" role="img" aria-label="remaining Docusign budget per connection"></svg>
<div class="muted" id="budget-legend"></div>
<h2>Provisioning log</h2>
<form id="log-filter">
<input name="rule" placeholder="rule"><input name="entity" placeholder="entity id or name">
<select name="outcome"><option value="">any outcome</option><option>success</option><option>skipped</option><option>failed</option></select>
<input name="since" placeholder="since (e.g. 2h)" value="24h"><button type="submit">Filter</button>
</form>
<table id="log"><thead><tr><th>At</th><th>Rule</th><th>Direction</th><th>Entity</th><th>Action</th><th>Attributes</th><th>Outcome</th><th>Detail</th><th>Trace</th></tr></thead><tbody></tbody></table>
<div class="muted" id="log-note"></div>
<h2>Queues</h2>
<table id="queues"><thead><tr><th>Role</th><th>Queue</th><th>Messages</th><th>Consumers</th></tr></thead><tbody></tbody></table>
<div class="muted" id="queues-note"></div>
<script>
const text = value => value === null || value === undefined ? '' : String(value);
const time = value => value ? new Date(value).toLocaleString() : '—';
// A cell is a value, { text, cls }, or { button, onclick }; an empty table says so instead of showing headers only.
function fill(id, rows) {
  const body = document.querySelector('#' + id + ' tbody');
  if (rows.length === 0) {
    const td = document.createElement('td');
    td.colSpan = document.querySelectorAll('#' + id + ' thead th').length;
    td.className = 'none';
    td.textContent = 'none';
    const row = document.createElement('tr');
    row.appendChild(td);
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(...rows.map(cells => {
    const row = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      if (cell && cell.button) {
        const button = document.createElement('button');
        button.textContent = cell.button;
        button.addEventListener('click', cell.onclick);
        td.appendChild(button);
      } else if (cell && typeof cell === 'object') { td.textContent = cell.text; td.className = cell.cls; } else { td.textContent = text(cell); }
      row.appendChild(td);
    }
    return row;
  }));
}
const lastRun = run => !run ? '—' : run.kind + ' ' + run.status + ' ' + time(run.completedAt || run.startedAt) + ': '
  + (Object.entries(run.counts).filter(([, count]) => count > 0).map(([name, count]) => count + ' ' + name).join(', ') || 'no changes');
async function approve(rule, holdId, reason) {
  if (!confirm('Approve the deletions held for rule ' + rule + '?\n' + reason)) return;
  const response = await fetch(location.origin + '/api/rules/' + encodeURIComponent(rule) + '/approve-deletions',
    { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ holdId }) });
  const answer = await response.json();
  document.getElementById('held-note').textContent = response.ok ? answer.message : (answer.detail || answer.title);
  refresh();
}
async function refresh() {
  try {
    // location.origin: fetch refuses a URL resolved against a page address that carries user:password@.
    const response = await fetch(location.origin + '/api/status', { credentials: 'same-origin' });
    const status = await response.json();
    document.getElementById('generated').textContent = 'Updated ' + time(status.generatedAt);
    fill('connections', status.connections.map(c => [c.name, c.enabled ? 'yes' : 'no', c.serviceUri, c.accountId, c.quarantine ? { text: c.quarantine, cls: 'Failed' } : 'OK', c.description]));
    fill('rules', status.rules.map(r => [r.name, r.direction, { text: r.statusReason ? r.status + ': ' + r.statusReason : r.status, cls: r.status }, time(r.lastSyncAt), time(r.nextSyncAt),
      r.users.impacted, r.users.success, r.users.unsynced, r.users.partiallySynced, r.users.failed,
      r.groups.impacted, r.groups.success, r.groups.failed, lastRun(r.lastRun), r.description]));
    fill('held', status.rules.filter(r => r.pendingApprovalSnapshotId).map(r => [r.name, r.direction, text(r.pendingApprovalReason),
      { button: 'Approve', onclick: () => approve(r.name, r.pendingApprovalSnapshotId, text(r.pendingApprovalReason)) }]));
    fill('failures', status.rules.flatMap(r => r.recentFailures.map(f => [r.name, f.entityKind.toLowerCase(), f.displayName, f.errorCode, f.errorMessage, time(f.at)])));
    document.getElementById('parked').textContent = status.parkedEvents === 0
      ? 'none'
      : status.parkedEvents + ' malformed event(s) waiting: list them with `errors parked`, replay one with `errors replay-parked <id>`';
    const queues = [...(status.queues || [])].sort((a, b) => text(a.role).localeCompare(text(b.role)) || a.name.localeCompare(b.name));
    fill('queues', queues.map(q => [q.role || '—', q.name, q.messages, q.consumers]));
    document.getElementById('queues-note').textContent = text(status.queuesUnavailableReason);
  } catch (error) {
    document.getElementById('generated').textContent = 'Status unavailable: ' + error;
  }
}
const svg = (name, attributes) => {
  const element = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
};
// One stacked bar per minute of the last hour, scaled to the busiest minute.
async function refreshChart() {
  const response = await fetch(location.origin + '/api/log/per-minute?since=60m', { credentials: 'same-origin' });
  const counts = await response.json();
  const chart = document.getElementById('changes-chart');
  const now = Math.floor(Date.now() / 60000);
  const minutes = new Map();
  for (const c of counts) {
    const minute = Math.floor(new Date(c.minute).getTime() / 60000);
    const bar = minutes.get(minute) || { success: 0, skipped: 0, failed: 0 };
    bar[c.outcome] = c.count;
    minutes.set(minute, bar);
  }
  const peak = Math.max(1, ...[...minutes.values()].map(b => b.success + b.skipped + b.failed));
  const parts = [svg('line', { x1: 0, y1: 140, x2: 720, y2: 140, stroke: '#d5d9e0' })];
  for (const [minute, bar] of minutes) {
    const x = 720 - (now - minute + 1) * 12;
    if (x < 0) continue;
    let y = 140;
    for (const outcome of ['success', 'skipped', 'failed']) {
      const height = bar[outcome] / peak * 130;
      if (height <= 0) continue;
      y -= height;
      const rect = svg('rect', { x: x + 1, y: y, width: 10, height: height, class: outcome });
      rect.appendChild(svg('title', {})).textContent = new Date(minute * 60000).toLocaleTimeString() + ': ' + bar[outcome] + ' ' + outcome;
      parts.push(rect);
    }
  }
  parts.push(Object.assign(svg('text', { x: 0, y: 155, class: 'muted' }), { textContent: '60 min ago' }));
  parts.push(Object.assign(svg('text', { x: 690, y: 155, class: 'muted' }), { textContent: 'now' }));
  parts.push(Object.assign(svg('text', { x: 0, y: 12, class: 'muted' }), { textContent: 'peak ' + peak + '/min' }));
  chart.replaceChildren(...parts);
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  document.getElementById('changes-total').textContent = ' — ' + total + ' change(s) in the last hour';
}
// Each connection's hourly (solid) and burst (dashed) budget left, as a share of its limit, over the last hour.
async function refreshBudget() {
  const response = await fetch(location.origin + '/api/budget?since=60m', { credentials: 'same-origin' });
  const series = await response.json();
  const chart = document.getElementById('budget-chart');
  const now = Date.now();
  const x = at => 720 - (now - new Date(at).getTime()) / 3600000 * 720;
  const y = (left, limit) => 140 - left / limit * 130;
  const colours = ['#1d4ed8', '#b45309', '#7c3aed', '#0f766e'];
  const parts = [svg('line', { x1: 0, y1: 140, x2: 720, y2: 140, stroke: '#d5d9e0' }), svg('line', { x1: 0, y1: 10, x2: 720, y2: 10, stroke: '#eef0f3' })];
  const legend = [];
  series.forEach((connection, index) => {
    const colour = colours[index % colours.length];
    for (const [kind, limitOf, leftOf] of [['hourly', s => s.hourlyLimit, s => s.hourlyRemaining], ['burst', s => s.burstLimit, s => s.burstRemaining]]) {
      const points = connection.samples.filter(s => limitOf(s)).map(s => [x(s.at), y(leftOf(s), limitOf(s)), s]);
      if (points.length === 0) continue;
      parts.push(svg('polyline', { points: points.map(([px, py]) => px + ',' + py).join(' '), class: kind, stroke: colour, 'data-connection': connection.connection }));
      for (const [px, py, s] of points) {
        const dot = svg('circle', { cx: px, cy: py, r: 2.5, fill: colour, class: kind + '-point' });
        dot.appendChild(svg('title', {})).textContent = connection.connection + ' ' + kind + ': ' + leftOf(s) + ' of ' + limitOf(s) + ' left at ' + time(s.at);
        parts.push(dot);
      }
    }
    const newest = connection.samples[connection.samples.length - 1];
    if (newest) legend.push(connection.connection + ' (' + connection.accountId + '): hourly ' + text(newest.hourlyRemaining) + '/' + text(newest.hourlyLimit)
      + ' left, burst ' + text(newest.burstRemaining) + '/' + text(newest.burstLimit) + ' left');
  });
  parts.push(Object.assign(svg('text', { x: 0, y: 155, class: 'muted' }), { textContent: '60 min ago' }));
  parts.push(Object.assign(svg('text', { x: 690, y: 155, class: 'muted' }), { textContent: 'now' }));
  parts.push(Object.assign(svg('text', { x: 0, y: 22, class: 'muted' }), { textContent: '100 % of limit' }));
  chart.replaceChildren(...parts);
  document.getElementById('budget-legend').textContent = legend.length
    ? 'solid: hourly, dashed: 30 s burst — ' + legend.join('; ')
    : 'No Docusign call answered yet: the limits are known from the first answer.';
}
async function refreshLog() {
  const filter = new URLSearchParams();
  for (const [key, value] of new FormData(document.getElementById('log-filter'))) if (value) filter.set(key, value);
  filter.set('limit', '500');
  const response = await fetch(location.origin + '/api/log?' + filter, { credentials: 'same-origin' });
  const page = await response.json();
  if (!response.ok) { document.getElementById('log-note').textContent = page.detail || 'Log unavailable'; return; }
  fill('log', page.entries.map(e => [time(e.at), e.rule, e.direction, e.entityType + ' ' + (e.displayName === e.entityId ? e.entityId : e.displayName + ' (' + e.entityId + ')'),
    e.action, (e.changedAttributes || []).join(', '), { text: e.outcome, cls: e.outcome },
    [e.errorCode, e.message, e.reason, e.actor ? 'by ' + e.actor : null].filter(Boolean).join(' '), text(e.traceId)]));
  document.getElementById('log-note').textContent = page.nextOffset ? 'Newest 500 shown; `log --offset 500` or GET /api/log?offset=500 for more.' : '';
}
document.getElementById('log-filter').addEventListener('submit', event => { event.preventDefault(); refreshLog(); });
async function refreshAll() {
  await refresh();
  // Each part on its own: a chart that cannot be drawn does not stop the log from refreshing.
  for (const part of [refreshChart, refreshBudget, refreshLog]) {
    try { await part(); } catch (error) { document.getElementById('log-note').textContent = part.name + ' failed: ' + error; }
  }
}
refreshAll();
setInterval(refreshAll, 5000);
</script>
</body>
</html>
""";
}
