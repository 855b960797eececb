import { describe, expect, it } from 'vitest';
import { payloadOf, shareLink } from '../../src/share/link';

describe('share links', () => {
  it('put the payload in the fragment of the app address', () => {
    expect(shareLink('https://aquajog.example/app/', 'zAbc')).toBe('https://aquajog.example/app/#/w/zAbc');
    expect(shareLink('https://aquajog.example/app/#/workout/pyramid', 'rXy')).toBe('https://aquajog.example/app/#/w/rXy');
  });

  it('find the payload in a link or a fragment, and only in a share link', () => {
    expect(payloadOf('https://aquajog.example/#/w/zAbc')).toBe('zAbc');
    expect(payloadOf('#/w/zAbc')).toBe('zAbc');
    expect(payloadOf('/w/')).toBe('');
    expect(payloadOf('#/workout/pyramid')).toBeNull();
    expect(payloadOf('https://aquajog.example/')).toBeNull();
  });
});
