/**
 * A release weapp build (npm run build:weapp:release, what the deploy uploads) needs a CloudBase env id
 * and a real AppID, and says so; every other build (npm start, npm test's production build, H5) needs
 * neither. The subscribe template ids reach the app from deploy.config.json.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { releaseSettings } from '../../config/release';
import deployConfig from '../../deploy.config.json';

const weapp = { TARO_ENV: 'weapp' } as unknown as NodeJS.ProcessEnv;
/** As checked in: no env id, no AppID (the tests do not depend on what a deployer filled in). */
const blank = { ...deployConfig, envId: '', appId: '' };

test('a release weapp build without env id or AppID is refused, naming both', () => {
  expect(() => releaseSettings({ ...weapp, UNION_RELEASE: '1' }, blank)).toThrow(
    /Release build refused:[\s\S]*no CloudBase env id[\s\S]*no AppID/,
  );
  expect(() => releaseSettings({ ...weapp, UNION_RELEASE: '1', TARO_APP_CLOUD_ENV: 'prod-1a2b' }, blank)).toThrow(
    /no AppID/,
  );
  expect(() =>
    releaseSettings({ ...weapp, UNION_RELEASE: '1', TARO_APP_APPID: 'touristappid', TARO_APP_CLOUD_ENV: 'e' }),
  ).toThrow(/no AppID \("touristappid"\)/);
  expect(
    releaseSettings({
      ...weapp,
      UNION_RELEASE: '1',
      TARO_APP_APPID: 'wx0123456789abcdef',
      TARO_APP_CLOUD_ENV: 'prod-1a2b',
    }),
  ).toMatchObject({ isRelease: true, cloudEnv: 'prod-1a2b' });
});

test('the test, emulator and H5 builds need neither', () => {
  expect(releaseSettings(weapp)).toMatchObject({ isRelease: false, cloudEnv: undefined });
  expect(releaseSettings({ TARO_ENV: 'h5', UNION_RELEASE: '1' } as unknown as NodeJS.ProcessEnv).isRelease).toBe(true);
});

test('subscribe template ids per moment come from deploy.config.json (empty ids left out)', () => {
  const { subscribeTemplates } = releaseSettings(weapp);
  expect(Object.keys(subscribeTemplates).sort()).toEqual(Object.keys(deployConfig.subscribe).sort());
  const configured = deployConfig.templates.contestReview.id;
  expect(subscribeTemplates.contestRegister).toEqual(configured ? expect.arrayContaining([configured]) : []);
});

test('npm run build:weapp:release stops before building, with the reasons', () => {
  const root = join(__dirname, '../..');
  // An AppID that is not one: refused whatever deploy.config.json holds.
  const env = { ...process.env, TARO_APP_APPID: 'touristappid' };
  const res = spawnSync(process.execPath, ['scripts/build-weapp-release.mjs'], { cwd: root, env, encoding: 'utf8' });
  expect(res.status).toBe(1);
  expect(`${res.stdout}${res.stderr}`).toMatch(
    /Release build refused:[\s\S]*no AppID \("touristappid"\)[\s\S]*deploy\.config\.json/,
  );
}, 120_000);
