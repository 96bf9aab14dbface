/**
 * Signed QR tokens: what a forger, a screenshot or a typo can do to a code, and key rotation.
 */
import { AppError } from '../../cloud/lib/errors';
import { PHONE_CODE_TTL_MS, signToken, verifyToken } from '../../cloud/lib/token';

const NOW = Date.UTC(2026, 0, 20, 2, 0, 0);
const ENV = { QR_TOKEN_KEY_1: 'key-one-secret' };

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'accepted';
}

const fresh = (env: Record<string, string | undefined> = ENV, id = 'XZ2019000001') =>
  signToken(env, { kind: 'member', id, ttlMs: PHONE_CODE_TTL_MS }, NOW).token;

test('a fresh code verifies to its kind, id, expiry and key version, and stays short', () => {
  const { token, expiresAt } = signToken(ENV, { kind: 'voucher', id: 'gv-0123456789abcdef0123', ttlMs: 60_000 }, NOW);
  expect(verifyToken(ENV, token, NOW)).toEqual({
    kind: 'voucher',
    id: 'gv-0123456789abcdef0123',
    expiresAt,
    keyVersion: 1,
  });
  expect(expiresAt).toBeGreaterThanOrEqual(NOW + 60_000);
  expect(token.length).toBeLessThanOrEqual(60);
  // Scanners sometimes add a trailing newline.
  expect(verifyToken(ENV, `${token}\n`, NOW).id).toBe('gv-0123456789abcdef0123');
});

test('a forged signature is TOKEN_INVALID', () => {
  const parts = fresh().split('.');
  parts[4] = 'AAAAAAAAAAAAAAAA';
  expect(refusal(() => verifyToken(ENV, parts.join('.'), NOW))).toBe('TOKEN_INVALID');
});

test('a code signed with a guessed key (the public dev key) is TOKEN_INVALID once a key is configured', () => {
  expect(refusal(() => verifyToken(ENV, fresh({}), NOW))).toBe('TOKEN_INVALID');
  expect(refusal(() => verifyToken(ENV, fresh({ QR_TOKEN_KEY_1: 'guess' }), NOW))).toBe('TOKEN_INVALID');
});

describe('altering any part is TOKEN_INVALID', () => {
  const parts = fresh().split('.');
  const cases: [string, number, string][] = [
    ['kind', 0, 'v'],
    ['id', 1, 'XZ2019000002'],
    ['expiry (made later)', 2, (parseInt(parts[2], 36) + 3600).toString(36)],
    ['key version', 3, '2'],
    ['signature (one character)', 4, parts[4].slice(0, -1) + (parts[4].endsWith('A') ? 'B' : 'A')],
  ];
  test.each(cases)('%s', (_name, index, value) => {
    const altered = [...parts];
    altered[index] = value;
    expect(refusal(() => verifyToken(ENV, altered.join('.'), NOW))).toBe('TOKEN_INVALID');
  });

  test.each([
    '',
    'hello',
    'https://example.com/?a=1',
    `${fresh()}.x`,
    fresh().replace(/\./g, '-'),
    'x'.repeat(500),
    fresh().toUpperCase(),
  ])('junk %#', (text) => {
    expect(refusal(() => verifyToken(ENV, text, NOW))).toBe('TOKEN_INVALID');
  });
});

test('an expired code is TOKEN_EXPIRED (a screenshot stops working), and says which kind', () => {
  const token = fresh();
  expect(refusal(() => verifyToken(ENV, token, NOW + PHONE_CODE_TTL_MS))).toBe('accepted');
  try {
    verifyToken(ENV, token, NOW + PHONE_CODE_TTL_MS + 1000);
    throw new Error('accepted');
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('TOKEN_EXPIRED');
    expect((e as AppError).details).toMatchObject({ kind: 'member' });
  }
});

describe('key versions', () => {
  const rotated = { QR_TOKEN_KEY_1: 'key-one-secret', QR_TOKEN_KEY_2: 'key-two-secret', QR_TOKEN_KEY_VERSION: '2' };

  test('after rotation new codes use the new version, and old ones still verify while key 1 is kept', () => {
    const newer = fresh(rotated);
    expect(verifyToken(rotated, newer, NOW).keyVersion).toBe(2);
    expect(verifyToken(rotated, fresh(ENV), NOW).keyVersion).toBe(1);
  });

  test('a code of a key version this function does not hold is TOKEN_INVALID', () => {
    expect(refusal(() => verifyToken(ENV, fresh(rotated), NOW))).toBe('TOKEN_INVALID');
    expect(refusal(() => verifyToken({ QR_TOKEN_KEY_2: 'key-two-secret' }, fresh(ENV), NOW))).toBe('TOKEN_INVALID');
  });

  test('a retired key no longer verifies its codes', () => {
    const old = fresh(ENV);
    expect(refusal(() => verifyToken({ QR_TOKEN_KEY_2: 'key-two-secret', QR_TOKEN_KEY_VERSION: '2' }, old, NOW))).toBe(
      'TOKEN_INVALID',
    );
  });
});

describe('deployments without a key', () => {
  test('local development signs and verifies with the dev key', () => {
    expect(verifyToken({}, fresh({}), NOW).id).toBe('XZ2019000001');
  });

  test.each([{ NODE_ENV: 'production' }, { TENCENTCLOUD_RUNENV: 'SCF' }])(
    '%j refuses to sign, and verifies nothing',
    (env) => {
      expect(() => fresh(env)).toThrow(/not configured/);
      expect(refusal(() => verifyToken(env, fresh({}), NOW))).toBe('TOKEN_INVALID');
    },
  );
});

test('ids that cannot be encoded are a programming error, not a silent bad code', () => {
  expect(() => fresh(ENV, 'has.dot')).toThrow();
  expect(() => fresh(ENV, 'x'.repeat(41))).toThrow();
});

describe('tokenFromScan', () => {
  const { tokenFromScan } = jest.requireActual('../../cloud/lib/token') as typeof import('../../cloud/lib/token');
  test('takes the token out of a printed verify link, and leaves bare codes alone', () => {
    expect(tokenFromScan('https://xzgh.example.cn/rv?t=r.abc.t4k9q0.1.sig-_')).toBe('r.abc.t4k9q0.1.sig-_');
    expect(tokenFromScan('https://xzgh.example.cn/rv?from=poster&t=r.abc.t4k9q0.1.sig')).toBe('r.abc.t4k9q0.1.sig');
    expect(tokenFromScan('  v.voucher1.t4k9q0.1.sig \n')).toBe('v.voucher1.t4k9q0.1.sig');
    // Not a link: whatever it is goes to verification as is (and is refused there).
    expect(tokenFromScan('javascript:alert(1)?t=x')).toBe('javascript:alert(1)?t=x');
  });
});
