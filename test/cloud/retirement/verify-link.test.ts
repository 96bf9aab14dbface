/** The certificate's printed QR: its link base is the deployment's verifyUrl, never a placeholder domain. */
import { DEV_VERIFY_URL, qrTextFor } from '../../../cloud/domain/retirement/certificate';
import type { ActionCtx } from '../../../cloud/lib/context';
import { deployConfig, type DeployConfig } from '../../../cloud/lib/deploy-config';
import { tokenFromScan } from '../../../cloud/lib/token';
import { certificateTokenFrom } from '../../../types/api/retirement';

const ctx = (env: Record<string, string>) => ({ env }) as unknown as ActionCtx;
const TOKEN = 'r.rt1.zzzz.1.abcdefghijklmnop';

test('the link is <verifyUrl>?t=<token> from deploy.config.json, and both scanners read the token back', () => {
  const config: DeployConfig = { ...deployConfig, verifyUrl: 'https://ghxz.jiaxing.gov.cn/rv' };
  const text = qrTextFor(ctx({ NODE_ENV: 'production' }), TOKEN, config);
  expect(text).toBe(`https://ghxz.jiaxing.gov.cn/rv?t=${TOKEN}`);
  expect(tokenFromScan(text)).toBe(TOKEN);
  expect(certificateTokenFrom(text)).toBe(TOKEN);
});

test('production without a verifyUrl issues no certificate link; development uses an obviously local one', () => {
  const unset: DeployConfig = { ...deployConfig, verifyUrl: '' };
  expect(() => qrTextFor(ctx({ TENCENTCLOUD_RUNENV: 'SCF' }), TOKEN, unset)).toThrow(/verifyUrl/);
  expect(qrTextFor(ctx({}), TOKEN, unset)).toBe(`${DEV_VERIFY_URL}?t=${TOKEN}`);
  expect(DEV_VERIFY_URL).not.toMatch(/example/);
});
