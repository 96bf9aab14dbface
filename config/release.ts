import deployConfig from '../deploy.config.json';

/**
 * What a build takes from deploy.config.json, and the checks a release build must pass.
 *
 * A release build is `npm run build:weapp:release` (and the deploy, which runs it): UNION_RELEASE=1.
 * It must name a CloudBase environment (TARO_APP_CLOUD_ENV, else `envId` of deploy.config.json) and a
 * real AppID (TARO_APP_APPID, else `appId`), or it fails here with what to set: a weapp built without
 * an env id would call `wx.cloud.init({ env: '' })` and talk to whatever environment is the default.
 * Other builds (npm start, npm test's production build, the emulator's H5) need neither.
 */
type Settings = Pick<typeof deployConfig, 'envId' | 'appId' | 'templates' | 'subscribe'>;

export function releaseSettings(env: NodeJS.ProcessEnv, config: Settings = deployConfig) {
  const isRelease = env.UNION_RELEASE === '1';
  const isWeapp = env.TARO_ENV === 'weapp';
  let cloudEnv: string | undefined;
  if (isRelease && isWeapp) {
    const envId = env.TARO_APP_CLOUD_ENV || config.envId;
    const appId = env.TARO_APP_APPID || config.appId;
    const problems: string[] = [];
    if (!envId) problems.push('no CloudBase env id: set envId in deploy.config.json (or TARO_APP_CLOUD_ENV)');
    if (!/^wx[0-9a-f]{16}$/.test(appId))
      problems.push(
        `no AppID ("${appId}"): set appId in deploy.config.json (or TARO_APP_APPID) to the mini program's AppID`,
      );
    if (problems.length) throw new Error(`Release build refused:\n  - ${problems.join('\n  - ')}\nSee docs/deploy.md.`);
    // Inlined into the build (config/index.ts): the app's wx.cloud.init gets this env id.
    cloudEnv = envId;
  }
  const subscribeTemplates: Record<string, string[]> = {};
  const templates = config.templates as Record<string, { id: string }>;
  for (const [moment, keys] of Object.entries(config.subscribe as Record<string, string[]>))
    subscribeTemplates[moment] = keys.map((k) => templates[k]?.id).filter(Boolean);
  return { isRelease, cloudEnv, subscribeTemplates };
}
