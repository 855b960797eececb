import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, RouteName, workoutHref } from '../../../src/app/shell/router';

describe('parseRoute', () => {
  it.each(['', '#', '#/', '#//', '/'])('reads %j as the library', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: RouteName.Library });
  });

  it('reads a workout id, decoding it', () => {
    expect(parseRoute('#/workout/pyramid')).toEqual({ name: RouteName.Workout, id: 'pyramid' });
    expect(parseRoute('#/workout/hip%20hike/')).toEqual({ name: RouteName.Workout, id: 'hip hike' });
  });

  it('treats anything else as not found, never throwing', () => {
    expect(parseRoute('#/workout/')).toEqual({ name: RouteName.NotFound, path: 'workout' });
    expect(parseRoute('#/workout/%E0%A4%A')).toEqual({ name: RouteName.NotFound, path: 'workout/%E0%A4%A' });
    expect(parseRoute('#/timer/pyramid/extra')).toEqual({ name: RouteName.NotFound, path: 'timer/pyramid/extra' });
  });
});

describe('hrefFor', () => {
  it('round-trips through parseRoute', () => {
    for (const id of ['pyramid', 'hip hike', 'a/b', 'ünïcødé']) {
      expect(parseRoute(workoutHref(id))).toEqual({ name: RouteName.Workout, id });
    }
    expect(hrefFor({ name: RouteName.Library })).toBe('#/');
  });
});

describe('timer and settings routes', () => {
  it('reads the timer for a workout and the settings page', () => {
    expect(parseRoute('#/run/pyramid')).toEqual({ name: RouteName.Run, id: 'pyramid' });
    expect(parseRoute('#/settings')).toEqual({ name: RouteName.Settings });
    expect(parseRoute(hrefFor({ name: RouteName.Run, id: 'hip hike' }))).toEqual({ name: RouteName.Run, id: 'hip hike' });
  });
});
