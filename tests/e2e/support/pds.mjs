// The local Bluesky network of `scripts/pds.sh start` (scripts/test.sh starts it before the
// end-to-end step): a real PDS on :2583 and AppView on :2584 from @atproto/dev-env, with the
// users alice.test, bob.test and carla.test (password hunter2). DIDs change at every start,
// so nothing here is cached across runs. Calls to app.bsky.* go through the PDS with the
// user's token (it proxies them to the AppView), as a client would; the AppView indexes a
// new record within about a second, hence `waitFor`.
export const PDS_URL = process.env.PDS_URL || 'http://localhost:2583';
export const APPVIEW_URL = process.env.APPVIEW_URL || 'http://localhost:2584';
export const PASSWORD = 'hunter2';

/** An XRPC call; throws an Error carrying `status` and the server's `error` name on a non-2xx answer. */
export async function xrpc(nsid, { params, body, token, base = PDS_URL } = {}) {
  const url = new URL(`/xrpc/${nsid}`, base);
  for (const [k, v] of Object.entries(params ?? {})) {
    for (const one of [v].flat()) if (one !== undefined) url.searchParams.append(k, String(one));
  }
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null;
  if (!res.ok) {
    const err = new Error(`${nsid}: HTTP ${res.status} ${json?.error ?? ''} ${json?.message ?? text}`.trim());
    Object.assign(err, { status: res.status, error: json?.error });
    throw err;
  }
  return json;
}

/** Fails with a clear message unless the network is up and alice.test can log in. */
export async function requirePds() {
  const hint = `The local Bluesky network does not answer at ${PDS_URL}: start it with \`scripts/pds.sh start\` `
    + '(scripts/test.sh starts it by itself).';
  let pds, appview;
  try {
    pds = await xrpc('_health');
    appview = await xrpc('_health', { base: APPVIEW_URL });
    await login('alice.test');
  } catch (e) {
    throw new Error(`${hint}\n(${e.cause?.code ?? e.message})`);
  }
  return { pds: pds.version, appview: appview.version };
}

/** A session for `handle` ('alice.test', or just 'alice'): `{ did, handle, accessJwt, refreshJwt }`. */
export async function login(handle) {
  const identifier = handle.includes('.') ? handle : `${handle}.test`;
  const s = await xrpc('com.atproto.server.createSession', { body: { identifier, password: PASSWORD } });
  return { did: s.did, handle: s.handle, accessJwt: s.accessJwt, refreshJwt: s.refreshJwt };
}

/** A record as the PDS holds it, `{ uri, cid, value }`, or null when there is none. */
export async function getRecord(did, collection, rkey) {
  try {
    return await xrpc('com.atproto.repo.getRecord', { params: { repo: did, collection, rkey } });
  } catch (e) {
    if (e.error === 'RecordNotFound') return null;
    throw e;
  }
}

/** Every record of a collection in `did`'s repository, newest first: `[{ uri, cid, value }]`. */
export async function listRecords(did, collection) {
  const records = [];
  let cursor;
  do {
    const page = await xrpc('com.atproto.repo.listRecords', { params: { repo: did, collection, limit: 100, cursor } });
    records.push(...page.records);
    cursor = page.records.length ? page.cursor : undefined;
  } while (cursor);
  return records;
}

/** Writes a post in the session's repository; `record` is the post or just its text. Returns `{ uri, cid }`. */
export async function createPost(session, record) {
  const post = typeof record === 'string' ? { text: record } : record;
  const { uri, cid } = await xrpc('com.atproto.repo.createRecord', {
    token: session.accessJwt,
    body: {
      repo: session.did,
      collection: 'app.bsky.feed.post',
      record: { $type: 'app.bsky.feed.post', createdAt: new Date().toISOString(), ...post },
    },
  });
  return { uri, cid };
}

/** Likes the post `{ uri, cid }`; returns the like record's `{ uri, cid }`. */
export async function like(session, subject) {
  const { uri, cid } = await xrpc('com.atproto.repo.createRecord', {
    token: session.accessJwt,
    body: {
      repo: session.did,
      collection: 'app.bsky.feed.like',
      record: { $type: 'app.bsky.feed.like', subject: { uri: subject.uri, cid: subject.cid }, createdAt: new Date().toISOString() },
    },
  });
  return { uri, cid };
}

/** A blob's bytes as stored by the PDS: `{ bytes: Uint8Array, length, type }`. */
export async function getBlob(did, cid) {
  const url = new URL('/xrpc/com.atproto.sync.getBlob', PDS_URL);
  url.search = new URLSearchParams({ did, cid });
  const res = await fetch(url);
  if (!res.ok) throw new Error(`getBlob ${cid}: HTTP ${res.status} ${await res.text()}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, length: bytes.length, type: res.headers.get('content-type') };
}

/**
 * The session's notifications from the AppView, newest first (reason 'mention', 'reply', 'like'…):
 * the latest `limit` (at most 100), or with `all: true` every one, page after page.
 * The AppView's cursor is a bare timestamp read as `sortAt < cursor`, so notifications sharing
 * the millisecond of a page's last one are skipped by the next page (seen with posts written in
 * parallel). For `all`, each next page therefore starts 1 ms later, overlapping, and repeats are
 * dropped; the server's own cursor is used only when a page brings nothing new.
 */
export async function listNotifications(session, { limit = 50, all = false } = {}) {
  const seen = new Map();
  let cursor;
  for (;;) {
    const page = await xrpc('app.bsky.notification.listNotifications', {
      token: session.accessJwt, params: { limit: all ? 100 : limit, cursor },
    });
    let fresh = 0;
    for (const n of page.notifications) {
      const key = `${n.uri} ${n.reason}`;
      if (!seen.has(key)) { seen.set(key, n); fresh += 1; }
    }
    if (!all || !page.cursor || !page.notifications.length) break;
    const at = Date.parse(page.cursor);
    cursor = fresh && !Number.isNaN(at) ? new Date(at + 1).toISOString() : page.cursor;
  }
  return [...seen.values()];
}

/** Post views from the AppView (counts, embeds, author) for up to 25 at:// URIs; unknown ones are left out. */
export async function getPosts(session, uris) {
  const { posts } = await xrpc('app.bsky.feed.getPosts', { token: session.accessJwt, params: { uris } });
  return posts;
}

/** Calls `fn` until it returns something truthy (returned), for at most `timeout` ms. */
export async function waitFor(fn, { timeout = 10_000, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= deadline) {
      throw new Error(`waitFor: ${message} not met after ${timeout} ms${last ? ` (last error: ${last.message})` : ''}`);
    }
    await new Promise((ok) => setTimeout(ok, interval));
  }
}
