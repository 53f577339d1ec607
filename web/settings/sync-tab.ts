import { callApi, errorText } from './api-client.js';
import { SyncNowAnswer, SyncRun, SyncRunDetail, SyncSettings } from './api-types.js';
import { el, replaceContent, statusLine } from './dom.js';

const RUNS_SHOWN = 20;
/** How often a run "Sync now" started is read again while it is queued or running. */
const FOLLOW_MS = 2_000;

/** The sync's state and schedule, sync now, pause and resume, and the latest runs. */
export function syncTab(): HTMLElement {
  const summary = el('p', {});
  const status = statusLine();
  const runs = el('div', {});
  const detail = el('div', { 'aria-live': 'polite' });
  const act = <T>(label: string, path: string, done: (answer: T) => void): HTMLButtonElement => {
    const button = el('button', { type: 'button' }, label);
    button.addEventListener('click', () => {
      status.working(`${label}…`);
      callApi<T>('POST', path).then(
        (answer) => {
          done(answer);
          load();
        },
        (error: unknown) => status.failed(errorText(error)),
      );
    });
    return button;
  };
  /** Follows the run "Sync now" answered, with its progress, until it ends. */
  const follow = (route: string): void => {
    if (!summary.isConnected) return;
    callApi<SyncRunDetail>('GET', route).then(
      (run) => {
        const running = run.progress?.running?.runId === run.runId ? run.progress.running : null;
        if (run.state === 'queued') status.working('The sync is queued behind the one running.');
        else if (run.state === 'running') status.working(running ? `Syncing: ${running.processed} of ${running.planned} computer(s) done.` : 'Syncing…');
        else {
          status.done(`The sync ${run.state}${run.error ? `: ${run.error}` : '.'}`);
          load();
          return;
        }
        window.setTimeout(() => follow(route), FOLLOW_MS);
      },
      (error: unknown) => status.failed(errorText(error)),
    );
  };
  const syncNow = (started: SyncNowAnswer): void => {
    status.working('A sync started: it shows below.');
    if (started.runId) follow(started.follow);
  };
  const load = (): void => {
    callApi<SyncSettings>('GET', '/api/v1/halopsa/sync/settings').then(
      (settings) => {
        const schedule = settings.schedule === 'present' ? `every ${settings.intervalMinutes} minutes` : 'no schedule yet (it starts once companies and computers are mapped)';
        summary.textContent = `${settings.paused ? 'Paused' : 'Running'}: full sync ${schedule}; the Console is read for changes every ${settings.watchIntervalSeconds} seconds.`;
      },
      (error: unknown) => (summary.textContent = errorText(error)),
    );
    callApi<{ items: SyncRun[] }>('GET', `/api/v1/halopsa/sync-runs?pageSize=${RUNS_SHOWN}`).then(
      (answer) => replaceContent(runs, answer.items.length === 0 ? el('p', {}, 'No sync has run yet: press "Sync now".') : runsTable(answer.items, (run) => showRun(detail, run))),
      (error: unknown) => replaceContent(runs, el('p', { class: 'error' }, errorText(error))),
    );
  };
  load();
  return el(
    'div',
    {},
    el('h2', {}, 'Sync'),
    summary,
    el('div', { class: 'inline' }, act('Sync now', '/api/v1/halopsa/sync', syncNow), act('Pause', '/api/v1/halopsa/sync/pause', () => status.done('Paused.')), act('Resume', '/api/v1/halopsa/sync/resume', () => status.done('Resumed.')), refresh(load)),
    status.node,
    el('h3', {}, 'Latest runs'),
    runs,
    detail,
  );
}

function refresh(load: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'secondary' }, 'Refresh');
  button.addEventListener('click', load);
  return button;
}

/** How many computers of a run are shown. */
const RUN_ITEMS_SHOWN = 200;

/** One run, computer by computer: what was done or why not. */
function showRun(detail: HTMLElement, run: SyncRun): void {
  replaceContent(detail, el('p', { class: 'status progress' }, 'Loading the run…'));
  callApi<SyncRunDetail>('GET', `/api/v1/halopsa/sync-runs/${encodeURIComponent(run.runId)}?pageSize=${RUN_ITEMS_SHOWN}`).then(
    (answer) => {
      const shown = answer.items.items.length < answer.items.total ? ` (the first ${answer.items.items.length})` : '';
      replaceContent(
        detail,
        el('h3', {}, `Run of ${new Date(answer.startedAt).toLocaleString()} (${answer.trigger}, ${answer.state}): ${answer.items.total} computer(s)${shown}`),
        answer.items.total === 0
          ? el('p', {}, 'This run looked at no computer.')
          : el(
              'table',
              {},
              el('thead', {}, el('tr', {}, ...['Computer', 'Company', 'Action', 'Outcome', 'Changes', 'Reason'].map((title) => el('th', { scope: 'col' }, title)))),
              el(
                'tbody',
                {},
                ...answer.items.items.map((item) =>
                  el('tr', {}, el('th', { scope: 'row' }, item.hostName ?? item.hid), el('td', {}, item.companyName ?? ''), el('td', {}, item.action), el('td', {}, item.outcome), el('td', {}, (item.changedFields ?? []).join(', ')), el('td', {}, item.reason ?? '')),
                ),
              ),
            ),
      );
    },
    (error: unknown) => replaceContent(detail, el('p', { class: 'error' }, errorText(error))),
  );
}

function runsTable(items: SyncRun[], open: (run: SyncRun) => void): HTMLElement {
  const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : 'running');
  const counts = (run: SyncRun): string => run.error ?? Object.entries(run.counts ?? {}).map(([what, n]) => `${what}: ${n}`).join(', ');
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...['Started', 'Finished', 'Trigger', 'State', 'What it did', 'Computers'].map((title) => el('th', { scope: 'col' }, title)))),
    el(
      'tbody',
      {},
      ...items.map((run) => {
        const details = el('button', { type: 'button', class: 'secondary', 'aria-label': `Details: computers of the run of ${when(run.startedAt)}` }, 'Details');
        details.addEventListener('click', () => open(run));
        return el('tr', {}, el('th', { scope: 'row' }, when(run.startedAt)), el('td', {}, when(run.finishedAt)), el('td', {}, run.trigger), el('td', {}, run.state), el('td', {}, counts(run)), el('td', {}, details));
      }),
    ),
  );
}
