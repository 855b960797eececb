/**
 * Hash routes. The app is a static bundle with no server routing, so every
 * page lives after the `#`: `#/` is the library, `#/workout/<id>` a workout.
 */

export const RouteName = {
  Library: 'library',
  /** The programme being followed, day by day. */
  Today: 'today',
  Workout: 'workout',
  /** The timer for one workout. */
  Run: 'run',
  /** The editor for one of one's own workouts (`new` for a new one). */
  Edit: 'edit',
  /** A workout that came in a link: a preview, never run or saved by itself. */
  Shared: 'shared',
  Settings: 'settings',
  History: 'history',
  NotFound: 'not-found',
} as const;
export type RouteName = (typeof RouteName)[keyof typeof RouteName];

export type Route =
  | { readonly name: typeof RouteName.Library }
  | { readonly name: typeof RouteName.Today }
  | { readonly name: typeof RouteName.Workout; readonly id: string }
  | { readonly name: typeof RouteName.Run; readonly id: string }
  | { readonly name: typeof RouteName.Edit; readonly id: string }
  | { readonly name: typeof RouteName.Shared; readonly payload: string }
  | { readonly name: typeof RouteName.Settings }
  | { readonly name: typeof RouteName.History }
  | { readonly name: typeof RouteName.NotFound; readonly path: string };

/** Reads a route from `location.hash` (with or without the leading `#`). */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (path === '') return { name: RouteName.Library };
  if (path === 'today') return { name: RouteName.Today };
  if (path === 'settings') return { name: RouteName.Settings };
  if (path === 'history') return { name: RouteName.History };
  // A share link's payload is base64url: no slashes, nothing to decode.
  if (path === 'w' || path.startsWith('w/')) return { name: RouteName.Shared, payload: path.slice(2) };
  const edit = /^edit\/([^/]+)$/.exec(path);
  if (edit?.[1] !== undefined) {
    const id = safeDecode(edit[1]);
    if (id !== null && id !== '') return { name: RouteName.Edit, id };
  }
  const workout = /^(workout|run)\/([^/]+)$/.exec(path);
  if (workout?.[2] !== undefined) {
    const id = safeDecode(workout[2]);
    if (id !== null && id !== '') return { name: workout[1] === 'run' ? RouteName.Run : RouteName.Workout, id };
  }
  return { name: RouteName.NotFound, path };
}

/** The `href` for a route, suitable for an `<a>`. */
export function hrefFor(route: Route): string {
  switch (route.name) {
    case RouteName.Library:
      return '#/';
    case RouteName.Today:
      return '#/today';
    case RouteName.Workout:
      return `#/workout/${encodeURIComponent(route.id)}`;
    case RouteName.Run:
      return `#/run/${encodeURIComponent(route.id)}`;
    case RouteName.Edit:
      return `#/edit/${encodeURIComponent(route.id)}`;
    case RouteName.Shared:
      return `#/w/${route.payload}`;
    case RouteName.Settings:
      return '#/settings';
    case RouteName.History:
      return '#/history';
    case RouteName.NotFound:
      return `#/${route.path}`;
  }
}

/** Shorthand for the link to one workout. */
export function workoutHref(id: string): string {
  return hrefFor({ name: RouteName.Workout, id });
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
