/**
 * Share links: the app's own address with the workout in the fragment,
 * `…/#/w/<payload>`. The fragment never reaches a server, so the workout stays
 * between the person who sends it and the one who opens it.
 */

/** The route prefix of a shared workout, after the `#`. */
export const SHARE_ROUTE = '/w/';

/** The link for a payload (from `encodeWorkout`), on the app at `appUrl` (any fragment dropped). */
export function shareLink(appUrl: string, payload: string): string {
  return `${appUrl.replace(/#.*$/, '')}#${SHARE_ROUTE}${payload}`;
}

/** The payload in a link or a fragment (`#/w/…`), or null when it isn't a share link. */
export function payloadOf(linkOrHash: string): string | null {
  const hash = linkOrHash.includes('#') ? linkOrHash.slice(linkOrHash.indexOf('#') + 1) : linkOrHash;
  return hash.startsWith(SHARE_ROUTE) ? hash.slice(SHARE_ROUTE.length) : null;
}
