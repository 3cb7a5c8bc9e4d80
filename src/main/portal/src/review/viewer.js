// The documents of a case as WAI-ARIA tabs (one per document; arrows, Home, End) and a viewer of their page images:
// GET .../preview says image or PDF and the pages; each page is fetched as an image (never a PDF in the browser),
// shown with previous/next page, zoom 50-300 % of the fitted size, fit and rotation in 90° steps (CSS transform).
// The image area scrolls by itself when zoomed; the page never does.
import { esc, announce } from '../shared/dom.js';
import { api, blob, ApiError } from './client.js';
import { CATEGORY, documentLabel, checkText, formatSize, icon } from './format.js';

const ZOOMS = [50, 75, 100, 125, 150, 200, 250, 300];
const TYPE = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG image', 'image/png': 'PNG image' };

/** Renders into container; returns a function that releases the page images. */
export function documentsViewer(container, kase) {
  const no = kase.applicationNumber;
  const documents = kase.documents || [];
  const base = id => `/cases/${encodeURIComponent(no)}/documents/${encodeURIComponent(id)}`;
  const previews = new Map(); // document id -> Promise of the preview answer
  const pages = new Map(); // "id/page" -> Promise of an object URL
  const state = new Map(); // document id -> {page, zoom, rotation}
  let selected = 0;
  let observer = null;

  if (!documents.length) {
    container.innerHTML = '<h2 class="visually-hidden">Documents</h2><p class="docs__none">No documents were uploaded to this application.</p>';
    return () => {};
  }

  container.innerHTML = `<h2 class="visually-hidden">Documents</h2>
    <div class="doc-tabs" role="tablist" aria-label="Documents">${documents.map((d, i) => {
      const ok = !d.check || d.check.status === 'ACCEPTED';
      return `<button type="button" role="tab" class="doc-tab" id="doc-tab-${esc(d.id)}" data-testid="doc-tab-${esc(d.category)}"
        aria-controls="doc-panel" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}" data-index="${i}">${esc(documentLabel(d))}${ok ? '' : `${icon('fail')}<span class="visually-hidden"> (check failed)</span>`}</button>`;
    }).join('')}</div>
    <div class="doc-panel" role="tabpanel" id="doc-panel" aria-labelledby="doc-tab-${esc(documents[0].id)}" data-testid="doc-panel"></div>`;
  const tablist = container.querySelector('[role=tablist]');
  const panel = container.querySelector('#doc-panel');
  const tabs = [...tablist.querySelectorAll('[role=tab]')];

  const select = (index, focus) => {
    selected = index;
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    panel.setAttribute('aria-labelledby', tabs[index].id);
    if (focus) tabs[index].focus();
    showDocument(documents[index]);
  };
  tablist.addEventListener('click', event => {
    const tab = event.target.closest('[role=tab]');
    if (tab) select(Number(tab.dataset.index), true);
  });
  tablist.addEventListener('keydown', event => {
    const last = tabs.length - 1;
    const index = { ArrowRight: selected === last ? 0 : selected + 1, ArrowLeft: selected === 0 ? last : selected - 1, Home: 0, End: last }[event.key];
    if (index === undefined) return;
    event.preventDefault();
    select(index, true);
  });

  function preview(doc) {
    if (!previews.has(doc.id)) previews.set(doc.id, api('GET', base(doc.id) + '/preview'));
    return previews.get(doc.id);
  }

  function pageUrl(doc, n) {
    const key = doc.id + '/' + n;
    if (!pages.has(key)) {
      const promise = blob(`${base(doc.id)}/pages/${n}`).then(b => URL.createObjectURL(b));
      promise.catch(() => pages.delete(key));
      pages.set(key, promise);
    }
    return pages.get(key);
  }

  function viewState(doc) {
    if (!state.has(doc.id)) state.set(doc.id, { page: 1, zoom: 100, rotation: 0 });
    return state.get(doc.id);
  }

  function originalLink(doc, testid = 'download-original') {
    return `<a href="/review/api${esc(base(doc.id))}/original" download data-testid="${testid}" class="doc-original">Download the original file</a>`;
  }

  async function showDocument(doc) {
    const ok = !doc.check || doc.check.status === 'ACCEPTED';
    const hint = doc.hint && doc.hint.text ? doc.hint.text : '';
    panel.innerHTML = `
      <div class="doc-info">
        <p class="doc-check ${ok ? 'doc-check--ok' : 'doc-check--fail'}" data-testid="doc-check">${icon(ok ? 'ok' : 'fail')}${esc(checkText(doc.check))}</p>
        ${hint ? `<p class="doc-hint" data-testid="doc-hint">${esc(hint)}</p>` : ''}
        <p class="doc-file"><span>${esc(doc.fileName || '')}</span> <span class="muted">${esc([TYPE[doc.detectedType] || doc.detectedType, formatSize(doc.sizeBytes)].filter(Boolean).join(', '))}</span> ${originalLink(doc, 'download-original-file')}</p>
      </div>
      <div class="viewer" data-testid="viewer"><p class="viewer__message">Loading the preview…</p></div>`;
    const viewer = panel.querySelector('.viewer');
    let info;
    try {
      info = await preview(doc);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      if (documents[selected] !== doc) return;
      viewer.innerHTML = unavailable(doc, error.status ? error.message : 'The preview could not be loaded.');
      return;
    }
    if (documents[selected] !== doc) return;
    if (!info.available) {
      viewer.innerHTML = unavailable(doc, info.message || 'No preview can be made of this file.');
      return;
    }
    const count = info.kind === 'pdf' ? Math.max(1, info.pages || 1) : 1;
    const s = viewState(doc);
    s.page = Math.min(s.page, count);
    viewer.innerHTML = `
      <div class="viewer__toolbar" role="group" aria-label="Page and zoom">
        <button type="button" class="tool" id="viewer-prev" data-testid="viewer-prev">Previous page</button>
        <span class="viewer__page" id="viewer-page" data-testid="viewer-page">Page ${s.page} of ${count}</span>
        <button type="button" class="tool" id="viewer-next" data-testid="viewer-next">Next page</button>
        <span class="viewer__sep" aria-hidden="true"></span>
        <button type="button" class="tool" id="viewer-zoom-out" data-testid="viewer-zoom-out">Zoom out</button>
        <span class="viewer__zoom" id="viewer-zoom" data-testid="viewer-zoom">100 %</span>
        <button type="button" class="tool" id="viewer-zoom-in" data-testid="viewer-zoom-in">Zoom in</button>
        <button type="button" class="tool" id="viewer-fit" data-testid="viewer-fit">Fit</button>
        <button type="button" class="tool" id="viewer-rotate" data-testid="viewer-rotate">Rotate</button>
      </div>
      <div class="viewer__canvas" id="viewer-canvas" data-testid="viewer-canvas" tabindex="0" role="region" aria-label="Page image (scroll with the arrow keys when zoomed)">
        <div class="viewer__stage"><img id="viewer-image" data-testid="viewer-image" alt=""></div>
        <div class="viewer__overlay" hidden></div>
      </div>`;
    const canvas = viewer.querySelector('.viewer__canvas');
    const stage = viewer.querySelector('.viewer__stage');
    const img = viewer.querySelector('img');
    const overlay = viewer.querySelector('.viewer__overlay');
    const q = id => viewer.querySelector('#' + id);

    const setDisabled = (button, disabled) => {
      if (disabled) button.setAttribute('aria-disabled', 'true'); else button.removeAttribute('aria-disabled');
    };
    const controls = () => {
      q('viewer-page').textContent = `Page ${s.page} of ${count}`;
      q('viewer-zoom').textContent = `${s.zoom} %`;
      setDisabled(q('viewer-prev'), s.page <= 1);
      setDisabled(q('viewer-next'), s.page >= count);
      setDisabled(q('viewer-zoom-out'), s.zoom <= ZOOMS[0]);
      setDisabled(q('viewer-zoom-in'), s.zoom >= ZOOMS[ZOOMS.length - 1]);
      setDisabled(q('viewer-fit'), s.zoom === 100);
    };
    const layout = () => {
      if (!img.naturalWidth || !canvas.clientWidth) return;
      const quarter = (s.rotation / 90) % 2 === 1;
      const w = img.naturalWidth;
      const h = img.naturalHeight;
      const rw = quarter ? h : w;
      const rh = quarter ? w : h;
      const fit = Math.min((canvas.clientWidth - 16) / rw, (canvas.clientHeight - 16) / rh, 3);
      const scale = fit * s.zoom / 100;
      stage.style.width = `${Math.round(rw * scale)}px`;
      stage.style.height = `${Math.round(rh * scale)}px`;
      img.style.width = `${Math.round(w * scale)}px`;
      img.style.height = `${Math.round(h * scale)}px`;
      img.style.transform = `translate(-50%, -50%) rotate(${s.rotation}deg)`;
    };
    const load = async () => {
      controls();
      overlay.hidden = true;
      img.hidden = false;
      const category = CATEGORY[doc.category] || doc.category;
      try {
        const url = await pageUrl(doc, s.page);
        if (documents[selected] !== doc || !viewer.isConnected) return;
        img.alt = `${category}, page ${s.page} of ${count}`;
        if (img.src !== url) {
          img.src = url;
          await img.decode().catch(() => {});
        }
        layout();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return;
        if (documents[selected] !== doc || !viewer.isConnected) return;
        img.hidden = true;
        img.removeAttribute('src');
        overlay.hidden = false;
        overlay.innerHTML = error.status === 404
          ? `<p class="viewer__message">There is no page ${s.page} in this file.</p>`
          : unavailable(doc, error.status ? error.message : 'The page could not be loaded.');
      }
    };
    const zoomTo = zoom => {
      const before = { x: canvas.scrollLeft + canvas.clientWidth / 2, y: canvas.scrollTop + canvas.clientHeight / 2, w: stage.offsetWidth || 1, h: stage.offsetHeight || 1 };
      s.zoom = zoom;
      controls();
      layout();
      // keep the middle of what was seen in the middle
      canvas.scrollLeft = before.x * stage.offsetWidth / before.w - canvas.clientWidth / 2;
      canvas.scrollTop = before.y * stage.offsetHeight / before.h - canvas.clientHeight / 2;
      announce(`Zoom ${zoom} %`);
    };
    const act = (id, handler) => q(id).addEventListener('click', event => {
      if (event.currentTarget.getAttribute('aria-disabled') === 'true') return;
      handler();
    });
    act('viewer-prev', () => { s.page -= 1; load().then(() => announce(`Page ${s.page} of ${count}`)); });
    act('viewer-next', () => { s.page += 1; load().then(() => announce(`Page ${s.page} of ${count}`)); });
    act('viewer-zoom-in', () => zoomTo(ZOOMS.find(z => z > s.zoom) || s.zoom));
    act('viewer-zoom-out', () => zoomTo([...ZOOMS].reverse().find(z => z < s.zoom) || s.zoom));
    act('viewer-fit', () => zoomTo(100));
    act('viewer-rotate', () => {
      s.rotation = (s.rotation + 90) % 360;
      layout();
      announce(`Rotated ${s.rotation} degrees`);
    });
    if (observer) observer.disconnect();
    observer = new ResizeObserver(() => layout());
    observer.observe(canvas);
    await load();
  }

  function unavailable(doc, message) {
    return `<div class="viewer__unavailable" data-testid="viewer-unavailable">
      <p>${icon('late')}<span>${esc(message)}</span></p>
      <p>${originalLink(doc)}</p></div>`;
  }

  select(0, false);
  return () => {
    if (observer) observer.disconnect();
    pages.forEach(promise => promise.then(url => URL.revokeObjectURL(url)).catch(() => {}));
  };
}
