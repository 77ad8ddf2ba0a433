// A loopback Mastodon server for the tests: the endpoints Attaché uses, with bodies shaped
// like the entities documented at docs.joinmastodon.org, and Mastodon's rules enforced —
// app registration, OAuth with PKCE S256 (the verifier is checked), bearer tokens,
// revocation, X-RateLimit-* headers, and CORS headers as Mastodon's rack-cors sends them.
// Statuses with Idempotency-Key (a repeat returns the first status), media answered 202 and
// ready at the first poll, `scheduled_at` at least 5 minutes ahead and the scheduled-status
// endpoints, notifications paginated with `Link` and `min_id` (v1, and v2 grouped as Mastodon
// 4.3 groups them: favourites, boosts and follows of one status in one hour; mentions never;
// `state.mode.noGroupedNotifications` answers v2 with 404 as older servers do), a status's context
// (ancestors from the top, descendants depth first, 404 for an unknown or private one), and
// the markers API (`version` counted up at each save), direct conversations (one per thread
// of direct statuses, the latest status in each, paged with `Link` and `max_id`, unread until
// marked read with `POST /api/v1/conversations/:id/read`).
// `server.state` lets a test look at what happened and switch failure modes:
// `state.mode.rateLimitedUntil` (ms) answers 429 until then; `state.mode.unauthorized`
// answers 401 to every bearer call; `state.mode.failNext` answers 503 that many times;
// `state.mode.rejectNext` answers the next status with a 422 carrying that message;
// `state.mode.hashtagFeeds` sets `configuration.timelines_access.hashtag_feeds` (Mastodon 4.5)
// and the hashtag timeline (`/api/v1/timelines/tag/:tag`, any[]/all[]/none[], local/remote)
// obeys it: 422 without a token when `authenticated`, 404 for a part `disabled`;
// `addTagged` adds a public status with hashtags.
// `state.mode.hangNext` stores that many new statuses and never answers them (a crash or a
// lost connection after the server did its work). `state.posts` lists every status request
// with its time and the answer's code.
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';

// A 2×2 red PNG: Alice's picture.
const AVATAR_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4YGAARAwQCgAhzgSBU+xT6wAAAABJRU5ErkJggg==', 'base64');

const b64url = (buf) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const SCOPES = ['read', 'write', 'read:accounts', 'read:notifications', 'read:statuses', 'write:statuses', 'write:media', 'profile'];

export async function startMastodon({ domain = 'social.test', maxCharacters = 500 } = {}) {
  const state = {
    apps: new Map(), // client_id -> app
    codes: new Map(), // code -> { client_id, redirect_uri, challenge, scope }
    tokens: new Map(), // token -> { client_id, scope, revoked }
    log: [], // "METHOD /path"
    pkceChecked: 0,
    rateLimit: { limit: 300, remaining: 300 },
    mode: { rateLimitedUntil: 0, unauthorized: false, failNext: 0, rejectNext: null, hangNext: 0, noGroupedNotifications: false,
      // Mastodon 4.5's `configuration.timelines_access.hashtag_feeds`: public, authenticated or disabled.
      hashtagFeeds: { local: 'public', remote: 'public' } },
    tagged: [], // public statuses with hashtags, newest first, for the hashtag timelines
    tagQueries: [], // the query string of each hashtag timeline request
    posts: [], // { at, status } of every POST /api/v1/statuses, in order
    hung: [], // responses held open by hangNext
    statuses: [], // statuses posted, in order
    others: [], // statuses of other people (mentions), which a reply may answer
    idempotency: new Map(), // token + key -> the answer first given
    media: new Map(), // id -> { attachment, polls, file }
    scheduled: new Map(), // id -> scheduled status
    notifications: [], // newest first, as Mastodon lists them
    markers: {}, // timeline -> { last_read_id, version, updated_at }
    conversationsRead: new Map(), // direct conversation id -> the latest status id when marked read
    nextId: 110000000000000000n,
  };
  const newId = () => String(++state.nextId);
  const account = {
    id: '109348285934', username: 'alice', acct: 'alice', display_name: 'Alice Café',
    locked: false, bot: false, discoverable: true, group: false, created_at: '2022-11-10T00:00:00.000Z',
    note: '<p>Café Lumière, Lyon</p>', url: `https://${domain}/@alice`, uri: `https://${domain}/users/alice`,
    avatar: `https://${domain}/avatars/original/missing.png`, avatar_static: `https://${domain}/avatars/original/missing.png`,
    header: `https://${domain}/headers/original/missing.png`, header_static: `https://${domain}/headers/original/missing.png`,
    followers_count: 1280, following_count: 96, statuses_count: 412, last_status_at: '2026-11-24',
    emojis: [], fields: [], source: { privacy: 'public', sensitive: false, language: 'fr', note: 'Café Lumière, Lyon', fields: [] },
  };
  const instance = {
    domain, title: 'Social Test', version: '4.3.0', source_url: 'https://github.com/mastodon/mastodon',
    description: 'A loopback server for tests.', usage: { users: { active_month: 42 } },
    thumbnail: { url: `https://${domain}/thumb.png` }, languages: ['en', 'fr'],
    configuration: {
      urls: { streaming: `wss://${domain}` },
      accounts: { max_featured_tags: 10 },
      statuses: { max_characters: maxCharacters, max_media_attachments: 4, characters_reserved_per_url: 23 },
      media_attachments: {
        supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4'],
        image_size_limit: 16777216, image_matrix_limit: 33177600, video_size_limit: 103809024,
        video_frame_rate_limit: 120, video_matrix_limit: 8294400,
      },
      polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: false, message: null },
    contact: { email: `staff@${domain}`, account: null },
    rules: [],
  };

  // The instance description is read at each request: the test may change the feeds' access.
  Object.defineProperty(instance.configuration, 'timelines_access', {
    enumerable: true,
    get: () => ({ live_feeds: { local: 'public', remote: 'public' }, hashtag_feeds: { ...state.mode.hashtagFeeds }, trending_link_feeds: { local: 'public', remote: 'public' } }),
  });

  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'POST, PUT, DELETE, GET, PATCH, OPTIONS',
    'Access-Control-Expose-Headers': 'Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id',
    'Access-Control-Max-Age': '7200',
  };
  const readBody = (req) => new Promise((ok) => { const parts = []; req.on('data', (c) => parts.push(c)); req.on('end', () => ok(Buffer.concat(parts))); });
  const fields = async (req, text) => {
    const type = req.headers['content-type'] || '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(text, { headers: { 'content-type': type } }).formData();
      const out = {};
      for (const [k, v] of form.entries()) out[k] = v;
      return out;
    }
    if (type.startsWith('application/json')) { try { return JSON.parse(text.toString('utf8') || '{}'); } catch { return {}; } }
    const params = new URLSearchParams(text.toString('utf8'));
    const out = {};
    for (const [k, v] of params) {
      if (k.endsWith('[]')) (out[k] ||= []).push(v); else out[k] = v;
    }
    return out;
  };
  const json = (res, status, body, extra = {}) => {
    const rl = state.rateLimit;
    rl.remaining = Math.max(0, rl.remaining - 1);
    res.writeHead(status, {
      ...cors, 'Content-Type': 'application/json; charset=utf-8',
      'X-RateLimit-Limit': String(rl.limit), 'X-RateLimit-Remaining': String(rl.remaining),
      'X-RateLimit-Reset': new Date(Date.now() + 5 * 60_000).toISOString(), ...extra,
    });
    res.end(JSON.stringify(body));
    return true;
  };
  const bearer = (req) => {
    const m = /^Bearer (.+)$/.exec(req.headers.authorization || '');
    const t = m && state.tokens.get(m[1]);
    return t && !t.revoked ? t : null;
  };
  const page = (res, html) => { res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }); res.end(html); };
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);


  const statusOf = (params, id = newId(), createdAt = new Date().toISOString()) => ({
    id, created_at: createdAt, in_reply_to_id: params.in_reply_to_id || null, in_reply_to_account_id: params.in_reply_to_id ? account.id : null,
    sensitive: Boolean(params.spoiler_text), spoiler_text: params.spoiler_text || '', visibility: params.visibility || 'public',
    language: params.language || null, uri: `https://${domain}/users/alice/statuses/${id}`, url: `https://${domain}/@alice/${id}`,
    replies_count: 0, reblogs_count: 0, favourites_count: 0, edited_at: null, favourited: false, reblogged: false, muted: false, bookmarked: false,
    content: `<p>${esc(params.status || '')}</p>`, filtered: [], reblog: null, application: { name: 'Attaché', website: null },
    account, media_attachments: (params.media_ids || []).map((m) => state.media.get(m)?.attachment).filter(Boolean),
    mentions: [], tags: [], emojis: [], card: null, poll: null,
  });
  const publishDue = () => {
    for (const [id, s] of state.scheduled) {
      if (Date.parse(s.scheduled_at) <= Date.now()) {
        state.scheduled.delete(id);
        state.statuses.push(statusOf({ ...s.params, status: s.params.text, media_ids: s.media_ids }, newId(), s.scheduled_at));
      }
    }
  };
  async function more(req, res, url, body, me) {
    const route = `${req.method} ${url.pathname}`;
    const needMe = () => { if (!me) { json(res, 401, { error: 'The access token is invalid' }); return false; } return true; };
    publishDue();
    if (route === 'POST /api/v2/media') {
      if (!needMe()) return null;
      if (!body.file || typeof body.file === 'string') return json(res, 422, { error: 'Validation failed: File content type is invalid, File is invalid' });
      if (String(body.description || '').length > 1500) return json(res, 422, { error: 'Validation failed: Description is too long (maximum is 1500 characters)' });
      const id = newId();
      const bytes = Buffer.from(await body.file.arrayBuffer());
      const attachment = {
        id, type: 'image', url: null, preview_url: `https://${domain}/media/${id}/small.png`, remote_url: null,
        text_url: null, meta: { original: { width: 64, height: 64 } }, description: body.description || null, blurhash: 'UFBWY:8_0Jxv',
      };
      state.media.set(id, { attachment, polls: 0, bytes: bytes.length, type: body.file.type });
      return json(res, 202, attachment);
    }
    const mediaMatch = /^\/api\/v1\/media\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && mediaMatch) {
      if (!needMe()) return null;
      const m = state.media.get(mediaMatch[1]);
      if (!m) return json(res, 404, { error: 'Record not found' });
      m.polls += 1;
      if (m.polls < 2) return json(res, 206, m.attachment);
      m.attachment.url = `https://${domain}/media/${m.attachment.id}/original.png`;
      return json(res, 200, m.attachment);
    }
    if (route === 'POST /api/v1/statuses') {
      if (!needMe()) return null;
      if (state.mode.rejectNext) { const error = state.mode.rejectNext; state.mode.rejectNext = null; return json(res, 422, { error }); }
      const key = req.headers['idempotency-key'];
      const idem = key && `${authed(req)}:${key}`;
      if (idem && state.idempotency.has(idem)) return json(res, 200, state.idempotency.get(idem));
      const text = String(body.status || '');
      const mediaIds = body['media_ids[]'] || [];
      if (!text.trim() && mediaIds.length === 0) return json(res, 422, { error: "Validation failed: Text can't be blank" });
      if ([...text].length > maxCharacters) return json(res, 422, { error: `Validation failed: Text character limit of ${maxCharacters} exceeded` });
      for (const m of mediaIds) {
        const known = state.media.get(m);
        if (!known) return json(res, 422, { error: 'Validation failed: Media attachment ids are invalid' });
        if (!known.attachment.url) return json(res, 422, { error: 'Cannot attach files that have not finished processing. Try again in a moment!' });
      }
      if (body.in_reply_to_id && ![...state.statuses, ...state.others].some((s) => s.id === body.in_reply_to_id)) return json(res, 404, { error: 'Record not found' });
      if (body.visibility && !['public', 'unlisted', 'private', 'direct'].includes(body.visibility)) return json(res, 422, { error: 'Validation failed: Visibility is not included in the list' });
      const params = { ...body, media_ids: mediaIds };
      let answer;
      if (body.scheduled_at) {
        const at = Date.parse(body.scheduled_at);
        if (!(at >= Date.now() + 5 * 60_000)) return json(res, 422, { error: 'Validation failed: Scheduled at The scheduled date must be in the future' });
        const id = newId();
        answer = {
          id, scheduled_at: new Date(at).toISOString(), media_attachments: mediaIds.map((m) => state.media.get(m).attachment),
          params: {
            text, poll: null, media_ids: mediaIds.length ? mediaIds : null, sensitive: null, spoiler_text: body.spoiler_text || null,
            visibility: body.visibility || 'public', in_reply_to_id: body.in_reply_to_id || null, language: body.language || null,
            application_id: 1, scheduled_at: null, idempotency: key || null, with_rate_limit: false,
          },
        };
        state.scheduled.set(id, { ...answer, media_ids: mediaIds });
      } else {
        answer = statusOf(params);
        state.statuses.push(answer);
      }
      if (idem) state.idempotency.set(idem, answer);
      if (state.mode.hangNext > 0 && !body.scheduled_at) {
        state.mode.hangNext -= 1;
        state.hung.push(res);
        return null;
      }
      return json(res, 200, answer);
    }
    const schedMatch = /^\/api\/v1\/scheduled_statuses\/(\d+)$/.exec(url.pathname);
    if (schedMatch) {
      if (!needMe()) return null;
      const s = state.scheduled.get(schedMatch[1]);
      if (!s) return json(res, 404, { error: 'Record not found' });
      const { media_ids, ...shown } = s;
      if (req.method === 'GET') return json(res, 200, shown);
      if (req.method === 'DELETE') { state.scheduled.delete(s.id); return json(res, 200, {}); }
      if (req.method === 'PUT') {
        const at = Date.parse(body.scheduled_at);
        if (!(at >= Date.now() + 5 * 60_000)) return json(res, 422, { error: 'Validation failed: Scheduled at The scheduled date must be in the future' });
        s.scheduled_at = new Date(at).toISOString();
        const { media_ids: _m, ...updated } = s;
        return json(res, 200, updated);
      }
    }
    if (route === 'GET /api/v1/scheduled_statuses') {
      if (!needMe()) return null;
      return json(res, 200, [...state.scheduled.values()].map(({ media_ids, ...s }) => s));
    }
    const byAccount = /^\/api\/v1\/accounts\/(\d+)\/statuses$/.exec(url.pathname);
    if (req.method === 'GET' && byAccount) {
      if (!needMe()) return null;
      return json(res, 200, [...state.statuses].reverse().slice(0, Number(url.searchParams.get('limit') || 20)));
    }
    const contextMatch = /^\/api\/v1\/statuses\/(\d+)\/context$/.exec(url.pathname);
    if (req.method === 'GET' && contextMatch) {
      if (!needMe()) return null;
      const all = [...state.statuses, ...state.others];
      const byId = new Map(all.map((s) => [s.id, s]));
      const start = byId.get(contextMatch[1]);
      if (!start) return json(res, 404, { error: 'Record not found' });
      const ancestors = [];
      for (let at = start; at.in_reply_to_id && byId.has(at.in_reply_to_id) && ancestors.length < 100;) {
        at = byId.get(at.in_reply_to_id);
        ancestors.unshift(at);
      }
      const children = (id) => all.filter((s) => s.in_reply_to_id === id)
        .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      const descendants = [];
      const walk = (id) => { for (const c of children(id)) { descendants.push(c); walk(c.id); } };
      walk(start.id);
      return json(res, 200, { ancestors, descendants });
    }
    const tagMatch = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && tagMatch) {
      state.tagQueries.push(url.search);
      // As Mastodon: the feed's access per part (this server's posts, the others'), the path's
      // tag or any[] of the others, every all[], no none[]; newest first, since_id or min_id, 40 at most.
      const access = state.mode.hashtagFeeds;
      const parts = [['local', true], ['remote', false]].filter(([p]) => access[p] !== 'disabled');
      if (!parts.length) return json(res, 404, { error: 'Record not found' });
      if ([access.local, access.remote].includes('authenticated') && !me) return json(res, 422, { error: 'This method requires an authenticated user' });
      const only = url.searchParams.get('local') === 'true' ? 'local' : url.searchParams.get('remote') === 'true' ? 'remote' : null;
      if (parts.length === 1 && only !== parts[0][0]) return json(res, 404, { error: 'Record not found' });
      const p = (k) => url.searchParams.getAll(k).map((t) => t.toLowerCase());
      const first = decodeURIComponent(tagMatch[1]).toLowerCase();
      const any = [first, ...p('any[]')], all = p('all[]'), none = p('none[]');
      const since = url.searchParams.get('since_id'), minId = url.searchParams.get('min_id');
      const limit = Math.min(40, Number(url.searchParams.get('limit') || 20));
      const big = (id) => BigInt(id);
      const matching = state.tagged.filter((s) => {
        const tags = s.tags.map((t) => t.name.toLowerCase());
        const local = !s.account.acct.includes('@');
        return any.some((t) => tags.includes(t)) && all.every((t) => tags.includes(t)) && !none.some((t) => tags.includes(t))
          && (only === null || (only === 'local') === local) && (!since || big(s.id) > big(since)) && (!minId || big(s.id) > big(minId));
      });
      // since_id: the newest `limit`; min_id: the `limit` just above it; newest first either way.
      const list = minId ? matching.slice(-limit) : matching.slice(0, limit);
      return json(res, 200, list);
    }
    if (route === 'GET /api/v1/conversations') {
      if (!needMe()) return null;
      // Direct statuses alice is in, one conversation per thread, the latest status last read.
      const all = [...state.statuses, ...state.others];
      const byId = new Map(all.map((x) => [x.id, x]));
      const rootOf = (x) => { let at = x; while (at.in_reply_to_id && byId.has(at.in_reply_to_id)) at = byId.get(at.in_reply_to_id); return at.id; };
      const convs = new Map();
      for (const x of all.filter((y) => y.visibility === 'direct')) {
        const root = rootOf(x);
        const c = convs.get(root);
        if (!c || BigInt(x.id) > BigInt(c.last_status.id)) convs.set(root, { id: root, unread: true, accounts: [x.account], last_status: x });
      }
      let list = [...convs.values()].sort((a, b) => (BigInt(a.last_status.id) > BigInt(b.last_status.id) ? -1 : 1));
      // Read: up to the latest status it had when marked read (a newer message makes it unread).
      for (const c of list) {
        const read = state.conversationsRead.get(c.id);
        c.unread = !(read && BigInt(read) >= BigInt(c.last_status.id));
      }
      const maxId = url.searchParams.get('max_id');
      if (maxId) list = list.filter((c) => BigInt(c.last_status.id) < BigInt(maxId));
      const limit = Math.min(40, Number(url.searchParams.get('limit') || 20));
      const page = list.slice(0, limit);
      const more = list.length > limit
        ? { Link: `<${serverUrl}/api/v1/conversations?limit=${limit}&max_id=${page.at(-1).last_status.id}>; rel="next"` } : {};
      return json(res, 200, page, more);
    }
    const readMatch = /^\/api\/v1\/conversations\/([^/]+)\/read$/.exec(url.pathname);
    if (req.method === 'POST' && readMatch) {
      if (!needMe()) return null;
      const all = [...state.statuses, ...state.others].filter((x) => x.visibility === 'direct');
      const byId = new Map(all.map((x) => [x.id, x]));
      const rootOf = (x) => { let at = x; while (at.in_reply_to_id && byId.has(at.in_reply_to_id)) at = byId.get(at.in_reply_to_id); return at.id; };
      const inIt = all.filter((x) => rootOf(x) === readMatch[1]);
      if (!inIt.length) return json(res, 404, { error: 'Record not found' });
      const last = inIt.reduce((a, b) => (BigInt(a.id) > BigInt(b.id) ? a : b));
      state.conversationsRead.set(readMatch[1], last.id);
      return json(res, 200, { id: readMatch[1], unread: false, accounts: [last.account], last_status: last });
    }
    if (route === 'GET /api/v1/markers') {
      if (!needMe()) return null;
      const wanted = url.searchParams.getAll('timeline[]');
      return json(res, 200, Object.fromEntries(Object.entries(state.markers).filter(([k]) => wanted.includes(k))));
    }
    if (route === 'POST /api/v1/markers') {
      if (!needMe()) return null;
      const out = {};
      for (const timeline of ['home', 'notifications']) {
        const id = body[`${timeline}[last_read_id]`] ?? body[timeline]?.last_read_id;
        if (!id) continue;
        const before = state.markers[timeline];
        state.markers[timeline] = { last_read_id: String(id), version: (before?.version ?? 0) + 1, updated_at: new Date().toISOString() };
        out[timeline] = state.markers[timeline];
      }
      if (!Object.keys(out).length) return json(res, 422, { error: 'Validation failed' });
      return json(res, 200, out);
    }
    if (route === 'GET /api/v1/notifications') {
      if (!needMe()) return null;
      const limit = Math.min(80, Number(url.searchParams.get('limit') || 40));
      const types = url.searchParams.getAll('types[]');
      let list = state.notifications.filter((n) => types.length === 0 || types.includes(n.type));
      const minId = url.searchParams.get('min_id');
      const maxId = url.searchParams.get('max_id');
      const big = (x) => BigInt(x);
      if (maxId) list = list.filter((n) => big(n.id) < big(maxId));
      let page;
      if (minId) {
        // Mastodon: the page just above min_id (oldest first among the newer ones), newest first.
        const newer = list.filter((n) => big(n.id) > big(minId));
        page = newer.slice(Math.max(0, newer.length - limit));
      } else {
        page = list.slice(0, limit);
      }
      const base = `${serverUrl}/api/v1/notifications?limit=${limit}${types.map((t) => `&types[]=${t}`).join('')}`;
      const links = [];
      if (page.length) {
        links.push(`<${base}&max_id=${page[page.length - 1].id}>; rel="next"`);
        links.push(`<${base}&min_id=${page[0].id}>; rel="prev"`);
      }
      return json(res, 200, page, links.length ? { Link: links.join(', ') } : {});
    }
    if (route === 'GET /api/v2/notifications') {
      // Mastodon ≥ 4.3's grouped notifications; `mode.noGroupedNotifications` answers as an
      // older server does (404).
      if (state.mode.noGroupedNotifications) return json(res, 404, { error: 'Record not found' });
      if (!needMe()) return null;
      return groupedNotifications(res, url);
    }
    return undefined;
  }

  // Groups as Mastodon makes them: favourites, boosts and follows with the same `group_key`
  // (same kind, same status, same hour) become one group when `grouped_types[]` allows them
  // (all three by default); mentions are never grouped. `limit` counts groups (80 at most).
  const GROUPABLE = ['favourite', 'reblog', 'follow'];
  function groupedNotifications(res, url) {
    const limit = Math.min(80, Number(url.searchParams.get('limit') || 40));
    const types = url.searchParams.getAll('types[]');
    const asked = url.searchParams.getAll('grouped_types[]');
    const groupable = asked.length ? GROUPABLE.filter((t) => asked.includes(t)) : GROUPABLE;
    const big = (x) => BigInt(x);
    let list = state.notifications.filter((n) => types.length === 0 || types.includes(n.type));
    const minId = url.searchParams.get('min_id');
    const maxId = url.searchParams.get('max_id');
    if (maxId) list = list.filter((n) => big(n.id) < big(maxId));
    if (minId) list = list.filter((n) => big(n.id) > big(minId)).reverse(); // closest to min_id first
    const keyOf = (n) => (groupable.includes(n.type) ? n.group_key : `ungrouped-${n.id}`);
    const groups = new Map();
    for (const n of list) {
      const key = keyOf(n);
      if (!groups.has(key) && groups.size === limit) break;
      const g = groups.get(key) || { list: [] };
      g.list.push(n);
      groups.set(key, g);
    }
    const out = [...groups.entries()].map(([key, g]) => {
      const byNewest = [...g.list].sort((a, b) => (big(a.id) > big(b.id) ? -1 : 1));
      const all = state.notifications.filter((n) => keyOf(n) === key);
      return {
        group_key: key, notifications_count: all.length, type: byNewest[0].type,
        most_recent_notification_id: byNewest[0].id,
        page_min_id: byNewest.at(-1).id, page_max_id: byNewest[0].id,
        latest_page_notification_at: byNewest[0].created_at,
        sample_account_ids: [...new Set(byNewest.map((n) => n.account.id))].slice(0, 8),
        status_id: byNewest[0].status?.id ?? null,
        _newest: byNewest[0],
      };
    }).sort((a, b) => (big(a.most_recent_notification_id) > big(b.most_recent_notification_id) ? -1 : 1));
    const accounts = new Map();
    const statuses = new Map();
    for (const g of out) {
      for (const n of groups.get(g.group_key).list) if (g.sample_account_ids.includes(n.account.id)) accounts.set(n.account.id, n.account);
      if (g._newest.status) statuses.set(g._newest.status.id, g._newest.status);
      delete g._newest;
    }
    const base = `${serverUrl}/api/v2/notifications?limit=${limit}${types.map((t) => `&types[]=${t}`).join('')}${asked.map((t) => `&grouped_types[]=${t}`).join('')}`;
    const links = [];
    if (out.length) {
      const oldest = out.map((g) => g.page_min_id).reduce((a, b) => (big(a) < big(b) ? a : b));
      links.push(`<${base}&max_id=${oldest}>; rel="next"`);
      links.push(`<${base}&min_id=${out[0].page_max_id}>; rel="prev"`);
    }
    return json(res, 200, { accounts: [...accounts.values()], statuses: [...statuses.values()], notification_groups: out },
      links.length ? { Link: links.join(', ') } : {});
  }

  const authed = (req) => /^Bearer (.+)$/.exec(req.headers.authorization || '')?.[1];
  let serverUrl = '';
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    state.log.push(`${req.method} ${url.pathname}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] || '' });
      return res.end();
    }
    const body = await fields(req, await readBody(req));
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /api/v1/statuses') {
      const entry = { at: Date.now(), status: 0 };
      state.posts.push(entry);
      res.on('finish', () => { entry.status = res.statusCode; });
    }
    // Members' pictures (`addMention({ picture })`): the same name, the same bytes.
    const picture = /^GET \/avatars\/members\/([a-z0-9-]+)\.png$/.exec(route);
    if (picture) {
      state.picturesServed = (state.picturesServed || 0) + 1;
      res.writeHead(200, { ...cors, 'Content-Type': 'image/png' });
      return res.end(Buffer.concat([AVATAR_PNG, Buffer.from(picture[1])]));
    }
    const authed = req.headers.authorization;
    if (authed && Date.now() < state.mode.rateLimitedUntil) {
      res.writeHead(429, {
        ...cors, 'Content-Type': 'application/json; charset=utf-8',
        'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': new Date(state.mode.rateLimitedUntil).toISOString(),
      });
      return res.end(JSON.stringify({ error: 'Too many requests' }));
    }
    if (authed && state.mode.unauthorized) return json(res, 401, { error: 'The access token is invalid' });
    if (authed && state.mode.failNext > 0) { state.mode.failNext -= 1; return json(res, 503, { error: 'Service Unavailable' }); }
    const me = authed ? bearer(req) : null;
    const dynamic = await more(req, res, url, body, me);
    if (dynamic !== undefined) return dynamic;
    switch (route) {
      case 'GET /api/v2/instance': return json(res, 200, instance);
      case 'GET /api/v1/instance': return json(res, 200, { uri: domain, title: instance.title, version: instance.version, configuration: instance.configuration });
      case 'POST /api/v1/apps': {
        const redirect = body.redirect_uris;
        if (!body.client_name || !redirect) return json(res, 422, { error: "Validation failed: Application name can't be blank, Redirect URI can't be blank" });
        const scopes = String(body.scopes || 'read').split(' ');
        if (!scopes.every((s) => SCOPES.includes(s))) return json(res, 422, { error: 'Validation failed: Scopes are invalid' });
        const app = {
          id: String(state.apps.size + 1), name: body.client_name, website: body.website || null,
          scopes, redirect_uris: [redirect], redirect_uri: redirect, vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
          client_id: b64url(randomBytes(24)), client_secret: b64url(randomBytes(24)), client_secret_expires_at: 0,
        };
        state.apps.set(app.client_id, app);
        return json(res, 200, app);
      }
      case 'GET /oauth/authorize': {
        const p = Object.fromEntries(url.searchParams);
        const app = state.apps.get(p.client_id);
        if (!app || p.redirect_uri !== app.redirect_uri || p.response_type !== 'code') return page(res, '<h1>The client is unknown or the redirect URI does not match.</h1>');
        if (p.code_challenge_method !== 'S256' || !p.code_challenge) return page(res, '<h1>PKCE S256 is required.</h1>');
        const hidden = Object.entries(p).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
        return page(res, `<!doctype html><html lang="en"><title>Authorize</title><link rel="icon" href="data:,"><main><h1>Authorization required</h1>
          <p>${esc(app.name)} would like permission to access your account. Scopes: ${esc(p.scope)}</p>
          <form method="post" action="/oauth/authorize">${hidden}<button name="decision" value="approve">Authorize</button></form>
          <form method="post" action="/oauth/authorize">${hidden}<button name="decision" value="deny">Deny</button></form></main></html>`);
      }
      case 'POST /oauth/authorize': {
        const target = new URL(body.redirect_uri);
        if (body.decision === 'approve') {
          const code = b64url(randomBytes(24));
          state.codes.set(code, { client_id: body.client_id, redirect_uri: body.redirect_uri, challenge: body.code_challenge, scope: body.scope });
          target.searchParams.set('code', code);
        } else {
          target.searchParams.set('error', 'access_denied');
          target.searchParams.set('error_description', 'The resource owner or authorization server denied the request.');
        }
        if (body.state) target.searchParams.set('state', body.state);
        res.writeHead(302, { Location: target.toString() });
        return res.end();
      }
      case 'POST /oauth/token': {
        const grant = state.codes.get(body.code);
        const app = state.apps.get(body.client_id);
        const invalid = { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' };
        if (!app || app.client_secret !== body.client_secret) return json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.' });
        if (body.grant_type !== 'authorization_code' || !grant || grant.client_id !== body.client_id || grant.redirect_uri !== body.redirect_uri) return json(res, 400, invalid);
        if (b64url(createHash('sha256').update(String(body.code_verifier || '')).digest()) !== grant.challenge) return json(res, 400, invalid);
        state.pkceChecked += 1;
        state.codes.delete(body.code);
        const token = b64url(randomBytes(32));
        state.tokens.set(token, { client_id: body.client_id, scope: grant.scope, revoked: false });
        return json(res, 200, { access_token: token, token_type: 'Bearer', scope: grant.scope, created_at: Math.floor(Date.now() / 1000) });
      }
      case 'POST /oauth/revoke': {
        const app = state.apps.get(body.client_id);
        if (!app || app.client_secret !== body.client_secret) return json(res, 403, { error: 'unauthorized_client' });
        const t = state.tokens.get(body.token);
        if (t) t.revoked = true;
        return json(res, 200, {});
      }
      case 'GET /api/v1/accounts/verify_credentials': {
        if (!bearer(req)) return json(res, 401, { error: 'The access token is invalid' });
        // The picture is served here, on loopback (a real server points at its media host).
        const here = `http://${req.headers.host}/avatars/original/alice.png`;
        return json(res, 200, { ...account, avatar: here, avatar_static: here });
      }
      case 'GET /avatars/original/alice.png': {
        state.avatarServed = (state.avatarServed || 0) + 1;
        res.writeHead(200, { ...cors, 'Content-Type': 'image/png' });
        return res.end(AVATAR_PNG);
      }
      default:
        return json(res, 404, { error: 'Record not found' });
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  serverUrl = url;
  /** A mention of alice by `from`, with `html` as its content, newest first like Mastodon. */
  const addMention = ({ html, from = 'bob', inReplyTo = null, at = new Date().toISOString(), alsoMentions = [], visibility = 'public', picture = null }) => {
    const id = newId();
    // No picture unless asked for: a member's row downloads it when opened, and a test
    // never reaches past loopback.
    const avatar = picture ? `${url}/avatars/members/${picture}.png` : '';
    const author = { ...account, id: String(2000 + from.length), username: from, acct: `${from}@elsewhere.test`, display_name: from, url: `https://elsewhere.test/@${from}`, avatar, avatar_static: avatar };
    const mentions = [{ id: account.id, username: account.username, acct: account.username, url: account.url },
      ...alsoMentions.map((acct) => ({ id: `m-${acct}`, username: acct.split('@')[0], acct, url: `https://${acct.split('@')[1] || domain}/@${acct.split('@')[0]}` }))];
    const status = { ...statusOf({ status: '' }, id, at), content: html, account: author, in_reply_to_id: inReplyTo, mentions, visibility, url: `https://elsewhere.test/@${from}/${id}`, uri: `https://elsewhere.test/users/${from}/statuses/${id}` };
    state.others.push(status);
    state.notifications.unshift({ id, type: 'mention', group_key: `ungrouped-${id}`, created_at: at, account: author, status });
    return id;
  };
  /** A status by `from` with no notification: people answering each other, or (`visibility:
   * 'direct', mentionsAlice: true`) a private mention the server filtered out of notifications. */
  const addStatus = ({ html, from = 'carol', inReplyTo = null, at = new Date().toISOString(), visibility = 'public', mentionsAlice = false }) => {
    const id = newId();
    const author = { ...account, id: String(3000 + from.length), username: from, acct: `${from}@elsewhere.test`, display_name: from, url: `https://elsewhere.test/@${from}`, avatar: '', avatar_static: '' };
    state.others.push({ ...statusOf({ status: '' }, id, at), content: html, account: author, in_reply_to_id: inReplyTo, visibility, mentions: mentionsAlice ? [{ id: account.id, username: account.username, acct: account.username, url: account.url }] : [], url: `https://elsewhere.test/@${from}/${id}`, uri: `https://elsewhere.test/users/${from}/statuses/${id}` });
    return id;
  };
  /** A public status with hashtags (`tags`, without #) by `from` (`local`: of this server),
   * found by the hashtag timelines. */
  const addTagged = ({ html, tags, from = 'dana', local = false, language = 'fr', at = new Date().toISOString() }) => {
    const id = newId();
    const host = local ? domain : 'elsewhere.test';
    const author = { ...account, id: String(5000 + from.length), username: from, acct: local ? from : `${from}@${host}`, display_name: from[0].toUpperCase() + from.slice(1), url: `https://${host}/@${from}`, avatar: '', avatar_static: '' };
    const status = { ...statusOf({ status: '' }, id, at), content: html, account: author, language,
      tags: tags.map((t) => ({ name: t, url: `https://${domain}/tags/${t}` })),
      url: `https://${host}/@${from}/${id}`, uri: `https://${host}/users/${from}/statuses/${id}` };
    state.tagged.unshift(status);
    state.others.push(status);
    return status;
  };
  /** A favourite, boost (`reblog`) or follow of alice by `from`, as Mastodon notifies it. */
  const addInteraction = ({ type, from = 'bob', statusId = null, at = new Date().toISOString() }) => {
    const id = newId();
    const author = { ...account, id: String(4000 + from.length), username: from, acct: `${from}@elsewhere.test`, display_name: from, url: `https://elsewhere.test/@${from}`, avatar: '', avatar_static: '' };
    const status = statusId ? state.statuses.find((s) => s.id === statusId) : null;
    if (statusId && !status) throw new Error(`no status ${statusId} of alice`);
    const hour = Math.floor(Date.parse(at) / 3_600_000);
    const group_key = type === 'follow' ? `follow-${hour}` : `${type}-${statusId}-${hour}`;
    state.notifications.unshift({ id, type, group_key, created_at: at, account: author, ...(type === 'follow' ? {} : { status }) });
    return id;
  };
  return { url, state, addMention, addStatus, addInteraction, addTagged, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}
