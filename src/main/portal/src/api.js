// The portal's one way to the server: JSON, the session cookie, the CSRF header from the MMP-XSRF-TOKEN cookie on
// every write, and the chosen language (Accept-Language) so that forms and messages come back in it.
import { language } from './i18n.js';

const listeners = new Set();

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.fieldErrors = (body && body.fieldErrors) || {};
  }
}

/** Called after every answer from the server (the session timer restarts on each). */
export function onResponse(listener) {
  listeners.add(listener);
}

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)MMP-XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

export function headers(method, json) {
  const result = { Accept: 'application/json', 'Accept-Language': language(), 'X-Requested-With': 'XMLHttpRequest' };
  if (json) result['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) result['X-MMP-XSRF-TOKEN'] = token;
  }
  return result;
}

export async function api(method, path, body) {
  let response;
  try {
    response = await fetch('/api' + path, {
      method,
      headers: headers(method, body !== undefined),
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (networkError) {
    throw new ApiError(0, { message: null });
  }
  listeners.forEach(listener => listener(response.status, path));
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** Multipart upload with progress (fetch cannot report upload progress). */
export function upload(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api' + path);
    Object.entries(headers('POST', false)).forEach(([name, value]) => request.setRequestHeader(name, value));
    request.upload.onprogress = event => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      listeners.forEach(listener => listener(request.status, path));
      let json = null;
      try { json = request.responseText ? JSON.parse(request.responseText) : null; } catch { json = null; }
      if (request.status >= 200 && request.status < 300) resolve(json);
      else reject(new ApiError(request.status, json));
    };
    request.onerror = () => reject(new ApiError(0, { message: null }));
    request.send(formData);
  });
}
