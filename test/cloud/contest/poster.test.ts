/** The contest poster's 小程序码 works before the first release and opens the configured version. */
import { deployConfig } from '../../../cloud/lib/deploy-config';
import { CONTEST, contestWorld, okData, PERSONAS } from './fixture';

test('wxacode.getUnlimited is asked with checkPath: false and envVersion from deploy.config.json', async () => {
  const world = await contestWorld();
  okData(await world.contest(PERSONAS.admin, { action: 'poster', contestId: CONTEST }));
  const calls = world.openapiCalls.filter((c) => c.api === 'wxacode.getUnlimited');
  expect(calls).toHaveLength(1);
  expect(calls[0].params).toEqual({
    scene: CONTEST,
    page: 'contest/pages/detail/index',
    width: 430,
    checkPath: false,
    envVersion: deployConfig.weapp.envVersion,
  });
});
