namespace ProvisioningBus.Gateway.Status;

/// <summary>
/// The status page: static HTML whose script renders <c>/api/status</c> and refreshes it, so it needs no
/// front-end build and shows the same numbers as the API and the CLI.
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
<th>Groups impacted</th><th>Groups success</th><th>Groups failed</th><th>Awaiting approval</th><th>Description</th></tr></thead><tbody></tbody></table>
<h2>Recent failures</h2>
<table id="failures"><thead><tr><th>Rule</th><th>Entity</th><th>Name</th><th>Error code</th><th>Message</th><th>At</th></tr></thead><tbody></tbody></table>
<h2>Parked webhook events</h2>
<div id="parked">—</div>
<h2>Queues</h2>
<table id="queues"><thead><tr><th>Queue</th><th>Messages</th><th>Consumers</th></tr></thead><tbody></tbody></table>
<div class="muted" id="queues-note"></div>
<script>
const text = value => value === null || value === undefined ? '' : String(value);
const time = value => value ? new Date(value).toLocaleString() : '—';
function fill(id, rows) {
  const body = document.querySelector('#' + id + ' tbody');
  body.replaceChildren(...rows.map(cells => {
    const row = document.createElement('tr');
    for (const cell of cells) {
      const td = document.createElement('td');
      if (cell && typeof cell === 'object') { td.textContent = cell.text; td.className = cell.cls; } else { td.textContent = text(cell); }
      row.appendChild(td);
    }
    return row;
  }));
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
      r.groups.impacted, r.groups.success, r.groups.failed, text(r.pendingApprovalReason), r.description]));
    fill('failures', status.rules.flatMap(r => r.recentFailures.map(f => [r.name, f.entityKind.toLowerCase(), f.displayName, f.errorCode, f.errorMessage, time(f.at)])));
    document.getElementById('parked').textContent = status.parkedEvents === 0
      ? 'none'
      : status.parkedEvents + ' malformed event(s) waiting: list them with `errors parked`, replay one with `errors replay-parked <id>`';
    fill('queues', (status.queues || []).map(q => [q.name, q.messages, q.consumers]));
    document.getElementById('queues-note').textContent = text(status.queuesUnavailableReason);
  } catch (error) {
    document.getElementById('generated').textContent = 'Status unavailable: ' + error;
  }
}
refresh();
setInterval(refresh, 5000);
</script>
</body>
</html>
""";
}
