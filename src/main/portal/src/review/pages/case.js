// The case screen: documents on the left, facts and the decision on the right, the task bar above. Opening an
// unassigned review from the `unassigned` view (or by "Decide and open next") claims it; the focus goes to the first
// decision option, so that a reviewer decides with the fewest keys (Space on "Approve", Tab, Enter).
import { esc, announce, showErrorSummary } from '../../shared/dom.js';
import { api, ApiError } from '../client.js';
import { formatDate, formatDateTime, kindAndRole, slaBadge, priorityBadge, statusLabel } from '../format.js';
import { loadViews, loadCounts, viewLabel, countHtml } from '../queue-data.js';
import { factsHtml } from '../facts.js';
import { documentsViewer } from '../viewer.js';
import { renderDecision } from '../decision.js';

const VIEW_ID = /^[a-z0-9-]+$/;

function notFound(main, viewHref) {
  main.innerHTML = `<div class="ws-narrow" data-testid="case-not-found"><h1 tabindex="-1">Case not found</h1>
    <p>There is no such case in your queues. It may have been decided meanwhile, or it is not one your groups review.</p>
    <p><a href="${esc(viewHref)}" data-link id="back-to-queue" data-testid="back-to-queue">Back to the queue</a></p></div>`;
  return { title: 'Case not found' };
}

/** The task to work on: of the kind the view lists (one the user can decide first), else one the user can decide. */
function pickTask(tasks, view, preferredId) {
  const list = tasks || [];
  const wanted = view === 'escalations' ? 'escalation' : view === 'waiting' ? 'waiting' : 'review';
  return list.find(t => t.taskId === preferredId)
    || list.find(t => t.taskKind === wanted && t.canDecide)
    || list.find(t => t.taskKind === wanted)
    || list.find(t => t.canDecide)
    || list[0] || null;
}

function assigneeHtml(task, user) {
  if (!task.assignee) return 'nobody (unassigned)';
  if (user && task.assignee === user.id) return '<strong>you</strong>';
  return `<strong>${esc(task.assigneeName || task.assignee)}</strong>`;
}

export async function casePage({ main, params, query, options, navigate, session, alive, onLeave }) {
  const no = params[0];
  const viewParam = query.get('view');
  const view = viewParam && VIEW_ID.test(viewParam) ? viewParam : null;
  const cursor = query.get('cursor');
  const user = session.current();
  const queuePath = `queue/${view || 'unassigned'}`;
  const queueHref = '/review/' + queuePath;

  const fetchCase = () => api('GET', `/cases/${encodeURIComponent(no)}`);
  let kase;
  try {
    [kase] = await Promise.all([fetchCase(), loadViews().catch(() => null), loadCounts().catch(() => null)]);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return notFound(main, queueHref);
    throw error;
  }

  let task = pickTask(kase.tasks, view);
  let claimConflict = null;
  let claimedNow = false;
  if (task && task.taskKind === 'review' && task.canClaim && !task.assignee && (view === 'unassigned' || options.autoClaim)) {
    try {
      task = { ...task, ...(await api('POST', `/tasks/${encodeURIComponent(task.taskId)}/claim`)) };
      claimedNow = true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw error;
      claimConflict = error.status ? error.message : 'The review could not be claimed. Try again.';
      await loadCounts().catch(() => null);
      try {
        kase = await fetchCase();
        task = pickTask(kase.tasks, view, task.taskId);
      } catch (again) {
        if (again instanceof ApiError && again.status === 401) throw again;
        task = null;
      }
    }
  }
  if (!alive()) return {};

  const name = kase.applicant ? kase.applicant.name : no;
  const backLabel = view ? viewLabel(view) : 'Unassigned';
  document.body.dataset.page = 'case';
  main.className = 'ws-case';
  main.innerHTML = `
    <div class="case-head" data-testid="case-head">
      <div class="case-head__title">
        <p class="case-head__back"><a href="${esc(queueHref)}" data-link data-return-from="${esc(no)}" id="back-to-queue" data-testid="back-to-queue">
          <span aria-hidden="true">←</span> Back to ${esc(backLabel)} <span id="back-count">${view ? countHtml(view) : countHtml('unassigned')}</span></a></p>
        <h1 tabindex="-1" id="case-title" data-testid="case-title">${esc(name)} <span class="case-head__no">${esc(no)}</span></h1>
        <p class="case-head__meta" id="case-meta"></p>
      </div>
      <div class="case-head__side">
        <div class="taskbar" id="taskbar" data-testid="taskbar"></div>
        ${user && user.supervisor ? `<button type="button" class="tool" id="access-log-toggle" data-testid="access-log-toggle" aria-expanded="false" aria-controls="access-log">Access log</button>` : ''}
      </div>
    </div>
    <div id="flash" class="case-flash"></div>
    <div class="case-grid">
      <section class="case-docs" id="case-docs" aria-label="Documents" data-testid="documents"></section>
      <div class="case-side">
        <div id="access-log" class="access-log" data-testid="access-log" hidden></div>
        <div class="case-columns">
          <section class="case-facts" id="case-facts" aria-labelledby="facts-title" data-testid="facts">
            <h2 id="facts-title" class="case-section-title">Application</h2>
            <div class="facts">${factsHtml(kase)}</div>
          </section>
          <section class="case-decision" id="case-decision" aria-labelledby="decision-title" data-testid="decision">
            <h2 id="decision-title" class="case-section-title">Decision</h2>
            <div id="decision-body"></div>
          </section>
        </div>
      </div>
    </div>`;

  onLeave(documentsViewer(main.querySelector('#case-docs'), kase));
  const scrollables = ['#case-facts', '#case-decision'].map(selector => main.querySelector(selector));
  const observer = new ResizeObserver(() => scrollables.forEach(focusableWhenScrolling));
  scrollables.forEach(el => observer.observe(el));
  onLeave(() => observer.disconnect());

  const meta = () => {
    const parts = [esc(kindAndRole(kase.kind, kase.role))];
    if (kase.status && kase.status !== 'SUBMITTED') parts.push(`<strong>${esc(statusLabel(kase.status))}</strong>`);
    if (kase.submittedAt) parts.push(`Submitted ${esc(formatDate(kase.submittedAt))}`);
    // the due date is the review's (an escalation has none of its own)
    const due = task && task.dueAt ? task : (kase.tasks || []).find(t => t.dueAt);
    if (due) parts.push(`Due ${esc(formatDate(due.dueAt))} ${slaBadge(due.sla)}`);
    if (due && due.priority >= 80) parts.push(priorityBadge(due.priority, 'High priority'));
    main.querySelector('#case-meta').innerHTML = parts.join('<span class="sep" aria-hidden="true"> · </span><span class="visually-hidden">, </span>');
  };

  // ---- the task bar: assignee, claim, release, reassign (supervisors), other open tasks
  let reviewers = null;
  const renderTaskbar = async () => {
    const bar = main.querySelector('#taskbar');
    meta();
    if (!task) {
      bar.innerHTML = '<span class="taskbar__text">No open task of this case for you.</span>';
      return;
    }
    const others = (kase.tasks || []).filter(t => t.taskId !== task.taskId);
    if (task.canReassign && !reviewers) reviewers = await api('GET', '/reviewers').catch(() => []);
    bar.innerHTML = `
      <span class="taskbar__text" id="task-assignee" data-testid="task-assignee">${esc(taskKindLabel(task))}: assigned to ${assigneeHtml(task, user)}${claimedNow ? ' (claimed just now)' : ''}</span>
      ${task.canClaim ? '<button type="button" class="tool" id="claim" data-testid="claim">Claim</button>' : ''}
      ${task.canRelease ? '<button type="button" class="tool" id="release" data-testid="release">Release</button>' : ''}
      ${task.canReassign && reviewers && reviewers.length ? `<span class="taskbar__reassign">
        <label for="reassign-to">Reassign to</label>
        <select id="reassign-to" data-testid="reassign-to">${reviewers.map(r => `<option value="${esc(r.id)}"${r.id === task.assignee ? ' selected' : ''}>${esc(r.name)}</option>`).join('')}</select>
        <button type="button" class="tool" id="reassign" data-testid="reassign">Reassign</button></span>` : ''}
      ${others.map(t => `<button type="button" class="tool" data-switch-task="${esc(t.taskId)}" data-testid="switch-task">Work on the ${esc(taskKindLabel(t).toLowerCase())}</button>`).join('')}
`;
  };

  const taskAction = async (request, done) => {
    try {
      const updated = await request();
      task = { ...task, ...updated };
      kase.tasks = (kase.tasks || []).map(t => (t.taskId === task.taskId ? task : t));
      claimedNow = false;
      await renderTaskbar();
      await renderDecisionArea(false);
      loadCounts().then(() => { main.querySelector('#back-count').innerHTML = countHtml(view || 'unassigned'); }).catch(() => {});
      announce(done);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      const top = main.querySelector('#decision-errors') || main.querySelector('#decision-body');
      showErrorSummary(top, error.status ? error.message : 'We could not reach the server. Try again.', []);
    }
  };

  main.querySelector('#taskbar').addEventListener('click', event => {
    const button = event.target.closest('button');
    if (!button || !task) return;
    const id = encodeURIComponent(task.taskId);
    if (button.id === 'claim') taskAction(() => api('POST', `/tasks/${id}/claim`), 'You claimed this review.');
    if (button.id === 'release') taskAction(() => api('POST', `/tasks/${id}/release`), 'You released this review; it is unassigned now.');
    if (button.id === 'reassign') {
      const select = main.querySelector('#reassign-to');
      const chosen = select.options[select.selectedIndex];
      taskAction(() => api('PUT', `/tasks/${id}/assignee`, { assignee: select.value }), `Reassigned to ${chosen ? chosen.textContent : select.value}.`);
    }
    if (button.dataset.switchTask) {
      task = kase.tasks.find(t => t.taskId === button.dataset.switchTask) || task;
      renderTaskbar().then(() => renderDecisionArea(true));
    }
  });

  // ---- the access log (supervisors)
  const toggle = main.querySelector('#access-log-toggle');
  if (toggle) {
    toggle.addEventListener('click', async () => {
      const panel = main.querySelector('#access-log');
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      panel.hidden = !open;
      if (!open) return;
      panel.innerHTML = '<p class="loading">Loading the access log…</p>';
      try {
        const entries = await api('GET', `/cases/${encodeURIComponent(no)}/access-log`);
        panel.innerHTML = accessLogHtml(no, entries, kase.documents || []);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return;
        panel.innerHTML = `<p class="notice notice--error">${esc(error.status ? error.message : 'The access log could not be loaded.')}</p>`;
      }
    });
  }

  // ---- the decision
  let decision = null;
  const renderDecisionArea = async focusIt => {
    const body = main.querySelector('#decision-body');
    decision = null;
    if (claimConflict) {
      body.innerHTML = `<div class="notice notice--error conflict" id="claim-conflict" data-testid="claim-conflict" role="alert" tabindex="-1">
        <p>${esc(claimConflict)}</p><p><a href="${esc(queueHref)}" data-link data-return-from="${esc(no)}" data-testid="conflict-back">Back to the queue</a></p></div>`;
      return body.querySelector('#claim-conflict');
    }
    if (!task) {
      body.innerHTML = '<p class="muted">Nothing to decide: this case has no open task for you.</p>';
      return null;
    }
    if (task.taskKind === 'waiting') {
      const open = (kase.informationRequests || []).filter(r => !r.answeredAt).pop();
      body.innerHTML = `<p data-testid="decision-waiting">Waiting on the applicant${open ? ` since ${esc(formatDate(open.askedAt))}` : ''}. The review continues when they answer.</p>`;
      return null;
    }
    if (!task.canDecide) {
      body.innerHTML = `<p data-testid="decision-not-yours">${esc(taskKindLabel(task))} assigned to ${assigneeHtml(task, user)}; only the assignee decides${user && user.supervisor ? ' (you can reassign it above)' : ''}.</p>`;
      return null;
    }
    body.innerHTML = '<p class="loading">Loading the form…</p>';
    let data;
    try {
      data = await api('GET', `/tasks/${encodeURIComponent(task.taskId)}/form`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw error;
      body.innerHTML = `<div class="notice notice--error">${esc(error.status ? error.message : 'The form could not be loaded.')}</div>`;
      return null;
    }
    if (!alive()) return null;
    body.innerHTML = `
      <div id="decision-errors"></div>
      <div id="decision-form" class="generated-form decision-form" data-testid="decision-form"></div>
      <div class="decision-actions">
        <button type="button" class="button" id="decide-next" data-testid="decide-next">Decide and open next</button>
        <button type="button" class="button button--secondary" id="decide" data-testid="decide">Decide</button>
        <span class="decision-actions__status" id="decision-status" role="status"></span>
      </div>`;
    decision = await renderDecision(body.querySelector('#decision-form'), data);
    body.querySelector('#decide-next').addEventListener('click', () => decide(true));
    body.querySelector('#decide').addEventListener('click', () => decide(false));
    const target = decision.focusTarget();
    if (focusIt && target) target.focus();
    return target;
  };

  let busy = false;
  const decide = async openNext => {
    if (busy || !decision) return;
    const body = main.querySelector('#decision-body');
    const top = body.querySelector('#decision-errors');
    const values = decision.check(top);
    if (!values) return;
    busy = true;
    body.querySelectorAll('.decision-actions .button').forEach(b => b.setAttribute('aria-disabled', 'true'));
    body.querySelector('#decision-status').textContent = 'Saving the decision…';
    try {
      await decision.complete(values);
    } catch (error) {
      busy = false;
      body.querySelectorAll('.decision-actions .button').forEach(b => b.removeAttribute('aria-disabled'));
      body.querySelector('#decision-status').textContent = '';
      if (error instanceof ApiError && error.status === 401) return;
      if (error instanceof ApiError && error.status === 400 && Object.keys(error.fieldErrors).length) {
        decision.serverErrors(top, error);
      } else if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
        const summary = showErrorSummary(top, error.message, [], null);
        summary.dataset.testid = 'decision-conflict';
        summary.insertAdjacentHTML('beforeend', `<p><a href="${esc(queueHref)}" data-link data-return-from="${esc(no)}" data-testid="conflict-back">Back to the queue</a></p>`);
        loadCounts().then(() => { main.querySelector('#back-count').innerHTML = countHtml(view || 'unassigned'); }).catch(() => {});
      } else {
        showErrorSummary(top, error.status ? error.message : 'We could not reach the server. Your decision was not saved; try again.', [], null);
      }
      return;
    }
    const choice = decision.choiceLabel(values);
    const done = `Decision saved for ${name} (${no})${choice ? ': ' + choice : ''}.`;
    if (!openNext) {
      navigate(queuePath, { flash: { kind: 'success', text: done }, keepPage: true });
      return;
    }
    let next = null;
    try {
      next = await findNext(view, cursor, user, no);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
    }
    if (next) {
      navigate(`cases/${encodeURIComponent(next.row.applicationNumber)}?view=${encodeURIComponent(next.view)}&cursor=${encodeURIComponent(next.row.cursor)}`,
        { flash: { kind: 'success', text: `${done} Next: ${next.row.applicantName}.` }, autoClaim: true });
    } else {
      navigate(queuePath, { flash: { kind: 'success', text: `${done} No more reviews in this view.` }, keepPage: true });
    }
  };

  await renderTaskbar();
  const focus = await renderDecisionArea(false);
  if (claimConflict) announce(claimConflict);
  return { title: `${name}, ${no}`, focus: focus || null, flashShown: false };
}

function taskKindLabel(task) {
  return { review: 'Review', escalation: 'Escalation', waiting: 'Waiting on the applicant' }[task.taskKind] || 'Task';
}

/** A scrolling area that has no focusable content of its own becomes focusable, so the keyboard can scroll it. */
function focusableWhenScrolling(el) {
  if (el.scrollHeight > el.clientHeight + 1) el.setAttribute('tabindex', '0');
  else el.removeAttribute('tabindex');
}

/**
 * The next row to open after a decision: in the view and after the cursor the case was opened from; without them, the
 * first of `mine`, then of `unassigned`. Rows assigned to somebody else, waiting rows and this case are passed over.
 */
async function findNext(view, cursor, user, current) {
  const nextIn = async (id, after) => {
    let position = after;
    for (let hop = 0; hop < 10; hop++) {
      const page = await api('GET', `/queue/${encodeURIComponent(id)}?size=1${position ? '&after=' + encodeURIComponent(position) : ''}`);
      const row = page.rows && page.rows[0];
      if (!row) return null;
      if (row.applicationNumber !== current && row.taskKind !== 'waiting' && (!row.assignee || (user && row.assignee === user.id))) return { view: id, row };
      if (!page.next && !row.cursor) return null;
      position = row.cursor;
    }
    return null;
  };
  if (view && cursor) return nextIn(view, cursor);
  if (view) return nextIn(view, null);
  return (await nextIn('mine', null)) || nextIn('unassigned', null);
}

const WHAT = { case: 'Opened the case', preview: 'Viewed a page', original: 'Downloaded the original' };

function accessLogHtml(no, entries, documents) {
  const label = id => {
    const d = documents.find(doc => String(doc.id) === String(id));
    return d ? (d.category === 'identity' ? 'Identity' : d.category === 'residency' ? 'Residency' : d.category) : (id ?? '');
  };
  if (!entries.length) return '<p>Nobody has opened this case yet.</p>';
  return `<table class="small-table" data-testid="access-log-table"><caption>Access log of ${esc(no)}, newest first</caption>
    <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Document</th><th scope="col">Page</th></tr></thead>
    <tbody>${entries.map(e => `<tr><td class="nowrap">${esc(formatDateTime(e.at))}</td><td>${esc(e.user)}</td><td>${esc(WHAT[e.what] || e.what)}</td>
      <td>${esc(e.documentId != null ? label(e.documentId) : '')}</td><td>${esc(e.page ?? '')}</td></tr>`).join('')}</tbody></table>`;
}
