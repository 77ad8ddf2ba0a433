// Bluesky OAuth's client metadata for a deployed site (issue 20): the site serves it at
// <site>/client-metadata.json and that address is its client id (atproto OAuth: a public web
// client, DPoP-bound tokens, redirected to <site>/oauth/bluesky, as
// src/platforms/bluesky/oauth.rs expects). scripts/post_build.mjs writes it into the build
// when ATTACHE_SITE_URL gives the site's https address; without it, no file (development and
// tests use atproto's loopback client, which needs none).
export const SCOPE = 'atproto transition:generic';

/** The metadata for `site` (an https origin, perhaps with a path), or an error saying why not. */
export function clientMetadata(site) {
  let url;
  try {
    url = new URL(site);
  } catch {
    throw new Error(`ATTACHE_SITE_URL is not an address: ${site}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ATTACHE_SITE_URL must be https: ${site}`);
  const base = url.href.replace(/\/+$/, '');
  return {
    client_id: `${base}/client-metadata.json`,
    client_name: 'Attaché',
    client_uri: base,
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [`${base}/oauth/bluesky`],
    scope: SCOPE,
    token_endpoint_auth_method: 'none',
    dpop_bound_access_tokens: true,
  };
}
