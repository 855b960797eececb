import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, RouteName } from '../../../src/app/shell/router';

describe('editor and share routes', () => {
  it('read the editor of one workout, decoding its id', () => {
    expect(parseRoute('#/edit/mine-1')).toEqual({ name: RouteName.Edit, id: 'mine-1' });
    expect(parseRoute('#/edit/new')).toEqual({ name: RouteName.Edit, id: 'new' });
    expect(parseRoute('#/edit/')).toEqual({ name: RouteName.NotFound, path: 'edit' });
    expect(parseRoute(hrefFor({ name: RouteName.Edit, id: 'a b' }))).toEqual({ name: RouteName.Edit, id: 'a b' });
  });

  it('read a shared workout’s payload as it is, even an empty or hostile one', () => {
    expect(parseRoute('#/w/zAbc-_')).toEqual({ name: RouteName.Shared, payload: 'zAbc-_' });
    expect(parseRoute('#/w/')).toEqual({ name: RouteName.Shared, payload: '' });
    expect(parseRoute('#/w/%3Cscript%3E')).toEqual({ name: RouteName.Shared, payload: '%3Cscript%3E' });
    expect(hrefFor({ name: RouteName.Shared, payload: 'rAb' })).toBe('#/w/rAb');
  });
});
