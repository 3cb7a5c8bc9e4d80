// A queue view: the views with their counts, and a table of 25 rows. Keyboard: Tab reaches the first row's link,
// ArrowDown/ArrowUp go to the next/previous row, Home/End to the first/last, Enter opens the case.
import { esc, announce } from '../../shared/dom.js';
import { api, ApiError } from '../client.js';
import { formatDate, kindAndRole, slaBadge, priorityBadge, formatNumber } from '../format.js';
import { loadViews, loadCounts, count, countHtml, pager, resetPager } from '../queue-data.js';

const SIZE = 25;

export async function queuePage({ main, params, options, navigate, session, alive }) {
  const viewId = params[0] || 'unassigned';
  const [views] = await Promise.all([loadViews(), loadCounts().catch(() => ({}))]);
  const view = views.find(v => v.id === viewId);
  if (!view) {
    main.innerHTML = `<div class="ws-narrow"><h1 tabindex="-1">Queue not found</h1>
      <p>There is no queue view "${esc(viewId)}" for you.</p><p><a href="/review/" data-link>Go to the unassigned reviews</a></p></div>`;
    return { title: 'Queue not found' };
  }
  const paging = options.returnFrom || options.keepPage ? pager(viewId) : resetPager(viewId);
  let page = await fetchPage(viewId, paging.stack[paging.stack.length - 1]);
  if (!page.rows.length && paging.stack.length > 1) {
    // the page emptied meanwhile (decided elsewhere): back to the first
    paging.stack = [null];
    page = await fetchPage(viewId, null);
  }
  if (!alive()) return {};
  document.body.dataset.page = 'queue';
  main.className = 'ws-queue';
  main.innerHTML = `
    <nav class="views" aria-label="Queue views" data-testid="views">
      <h2 class="views__title">Queues</h2>
      <ul class="views__list">${views.map(v => `
        <li><a class="views__link" href="/review/queue/${esc(v.id)}" data-link id="view-${esc(v.id)}" data-testid="view-${esc(v.id)}"
          ${v.id === viewId ? 'aria-current="page"' : ''} title="${esc(v.description || '')}"><span class="views__label">${esc(v.label)}</span>${countHtml(v.id)}</a></li>`).join('')}
      </ul>
    </nav>
    <div class="queue">
      <div class="queue__head">
        <h1 tabindex="-1" id="queue-title">${esc(view.label)}</h1>
        ${view.description ? `<p class="queue__description">${esc(view.description)}</p>` : ''}
      </div>
      <div id="flash"></div>
      <div id="queue-body"></div>
    </div>`;
  const body = main.querySelector('#queue-body');

  const show = (data, focus) => {
    const start = (paging.stack.length - 1) * SIZE + 1;
    const c = count(viewId);
    const total = c ? ` of ${formatNumber(c.count)}${c.capped ? '+' : ''}` : '';
    if (!data.rows.length) {
      body.innerHTML = `<p class="queue__empty" data-testid="queue-empty">There is nothing in ${esc(view.label)} right now.</p>`;
      return;
    }
    const range = `${formatNumber(start)}–${formatNumber(start + data.rows.length - 1)}`;
    body.innerHTML = `
      <table class="queue-table" id="queue-table" data-testid="queue-table">
        <caption>${esc(view.label)}: <span id="queue-range">showing ${range}${total}</span>. Use the arrow keys to move between rows, Enter to open.</caption>
        <thead><tr>
          <th scope="col">Applicant</th><th scope="col">Application</th><th scope="col">Kind</th><th scope="col">Submitted</th>
          <th scope="col">Due</th><th scope="col">Priority</th><th scope="col">Documents</th><th scope="col">Assignee</th>
        </tr></thead>
        <tbody>${data.rows.map((row, index) => rowHtml(row, index, viewId, session.current())).join('')}</tbody>
      </table>
      <div class="pager">
        <button type="button" class="button button--secondary button--small" id="page-prev" data-testid="page-prev" ${paging.stack.length > 1 ? '' : 'aria-disabled="true"'}>Previous page</button>
        <p class="pager__status" id="page-status" data-testid="page-status">Showing ${range}${total}</p>
        <button type="button" class="button button--secondary button--small" id="page-next" data-testid="page-next" ${data.next ? '' : 'aria-disabled="true"'}>Next page</button>
      </div>`;
    initRows(body.querySelector('tbody'));
    body.querySelector('#page-next').addEventListener('click', async () => {
      if (!data.next) return;
      paging.stack.push(data.next);
      await turn('#page-next');
    });
    body.querySelector('#page-prev').addEventListener('click', async () => {
      if (paging.stack.length < 2) return;
      paging.stack.pop();
      await turn('#page-prev');
    });
    if (focus) {
      const button = body.querySelector(focus);
      if (button) button.focus();
    }
  };

  const turn = async focus => {
    try {
      const data = await fetchPage(viewId, paging.stack[paging.stack.length - 1]);
      if (!alive()) return;
      page = data;
      show(data, focus);
      const status = body.querySelector('#page-status');
      announce(status ? status.textContent : `There is nothing in ${view.label} right now.`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      announce(error.message);
    }
  };

  show(page);
  let focus = null;
  if (options.returnFrom) {
    focus = body.querySelector(`tr[data-application-number="${CSS.escape(options.returnFrom)}"] a.row-link`);
    if (focus) {
      body.querySelectorAll('a.row-link').forEach(link => { link.tabIndex = link === focus ? 0 : -1; });
    }
  }
  return { title: view.label, focus };
}

async function fetchPage(view, after) {
  return api('GET', `/queue/${encodeURIComponent(view)}?size=${SIZE}${after ? '&after=' + encodeURIComponent(after) : ''}`);
}

function assigneeText(row, user) {
  if (!row.assignee) return '<span class="muted">Unassigned</span>';
  if (user && row.assignee === user.id) return 'You';
  return esc(row.assigneeName || row.assignee);
}

function rowHtml(row, index, view, user) {
  const href = `/review/cases/${encodeURIComponent(row.applicationNumber)}?view=${encodeURIComponent(view)}&cursor=${encodeURIComponent(row.cursor)}`;
  const kind = row.taskKind === 'escalation' ? '<span class="tag">Escalation</span> ' : row.taskKind === 'waiting' ? '<span class="tag">Waiting</span> ' : '';
  return `<tr data-testid="queue-row" data-application-number="${esc(row.applicationNumber)}" data-task-id="${esc(row.taskId)}">
    <th scope="row"><a class="row-link" id="row-${esc(row.applicationNumber)}" data-testid="row-link" href="${esc(href)}" data-link tabindex="${index === 0 ? 0 : -1}">${esc(row.applicantName)}</a></th>
    <td class="nowrap">${esc(row.applicationNumber)}</td>
    <td>${kind}${esc(kindAndRole(row.kind, row.role))}</td>
    <td class="nowrap">${esc(formatDate(row.submittedAt))}</td>
    <td class="nowrap">${row.dueAt ? `${esc(formatDate(row.dueAt))} ${slaBadge(row.sla)}` : '<span class="muted">No due date</span>'}</td>
    <td>${priorityBadge(row.priority, row.priorityLabel)}</td>
    <td class="queue-table__docs">${esc(row.documents || '')}</td>
    <td>${assigneeText(row, user)}</td>
  </tr>`;
}

/** Roving focus over the rows' links: one tab stop, arrows between rows. */
function initRows(tbody) {
  const links = () => [...tbody.querySelectorAll('a.row-link')];
  const move = target => {
    links().forEach(link => { link.tabIndex = link === target ? 0 : -1; });
    target.focus();
  };
  tbody.addEventListener('keydown', event => {
    const current = event.target.closest('a.row-link');
    if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
    const all = links();
    const index = all.indexOf(current);
    let target = null;
    if (event.key === 'ArrowDown') target = all[Math.min(all.length - 1, index + 1)];
    else if (event.key === 'ArrowUp') target = all[Math.max(0, index - 1)];
    else if (event.key === 'Home') target = all[0];
    else if (event.key === 'End') target = all[all.length - 1];
    if (!target) return;
    event.preventDefault();
    move(target);
  });
  tbody.addEventListener('focusin', event => {
    const link = event.target.closest('a.row-link');
    if (link) links().forEach(other => { other.tabIndex = other === link ? 0 : -1; });
  });
  // a click anywhere on a row opens it, as its link does (mouse only; the keyboard uses the link)
  tbody.addEventListener('click', event => {
    if (event.target.closest('a, button') || String(window.getSelection() || '')) return;
    const row = event.target.closest('tr');
    const link = row && row.querySelector('a.row-link');
    if (link) link.click();
  });
}
