/**
 * The weapp upload with Tencent's miniprogram-ci and the CI private key (小程序后台 → 开发 → 开发管理 →
 * 开发设置 → 小程序代码上传密钥). The upload becomes the 开发版 / 体验版; submitting it for review and
 * releasing it stay in 小程序后台 (WeChat offers no API for a mini program's own release from CI).
 */
import type { WeappUploader } from './client';

export async function weappUploader(options: {
  appId: string;
  /** The project root: project.config.json names dist/ as miniprogramRoot. */
  projectPath: string;
  privateKey?: string;
  privateKeyPath?: string;
  robot: number;
  log: (line: string) => void;
}): Promise<WeappUploader> {
  const ci = (await import('miniprogram-ci')) as any;
  const project = new ci.Project({
    appid: options.appId,
    type: 'miniProgram',
    projectPath: options.projectPath,
    ...(options.privateKey ? { privateKey: options.privateKey } : { privateKeyPath: options.privateKeyPath }),
    ignores: ['node_modules/**/*', 'cloudfunctions/**/*', 'src/**/*', 'test/**/*'],
  });
  return {
    async upload({ version, desc }) {
      await ci.upload({
        project,
        version,
        desc,
        robot: options.robot,
        // The build is already minified and transpiled by Taro; upload it as it is.
        setting: { es6: false, es7: false, minify: false, autoPrefixWXSS: false },
        onProgressUpdate: (p: unknown) => {
          if (typeof p === 'string') options.log(`  ${p}`);
        },
      });
    },
  };
}
