// The path of a single-page app below its base ('/portal/', '/review/'), and moving to another one: each app renders
// the page for the path itself (History API; the server answers every app path with the app's index.html).

/** The current path below base, without leading or trailing slashes ('' = the app's start page). */
export function appPath(base) {
  const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
  return path.replace(/\/+$/, '');
}

/** Puts base + path in the address bar (a new history entry, or in place of the current one). */
export function pushPath(base, path, replace = false) {
  const url = base + path.replace(/^\/+/, '');
  if (replace) history.replaceState({}, '', url); else history.pushState({}, '', url);
}
