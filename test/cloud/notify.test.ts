/**
 * Subscribe messages: each template's fields filled per deploy.config.json and cut to WeChat's limits;
 * a refused send (43101) or another failure is written on the in-app message and counted per template
 * and day, and the in-app message is there either way.
 */
import { REGISTRATIONS } from '../../cloud/domain/contest/model';
import { deployConfig, type DeployConfig } from '../../cloud/lib/deploy-config';
import { notify, NOTIFY_STATS } from '../../cloud/lib/notify';
import { cut, formatField, templateData } from '../../cloud/lib/templates';
import { makeWorld } from './helpers';
import { contestWorld, okData, PERSONAS, returnRegistration } from './contest/fixture';

const refusal = () =>
  Object.assign(new Error('openapi.subscribeMessage.send:fail user refuse to accept the msg'), { errCode: 43101 });

describe('template fields', () => {
  test('thing: at most 20 characters, the 20th an ellipsis when cut; counts characters, not bytes', () => {
    const long = '嘉兴市秀洲区二〇二六年职工技能比武数控铣工项目决赛';
    expect(Array.from(formatField('thing1', long))).toHaveLength(20);
    expect(formatField('thing1', long).endsWith('…')).toBe(true);
    expect(formatField('thing1', '报名审核通过')).toBe('报名审核通过');
    expect(cut('一二三', 3)).toBe('一二三');
    expect(formatField('thing3', '')).toBe('—'); // an empty thing is refused by WeChat
  });

  test('phrase: Chinese characters only, at most 5, never an ellipsis', () => {
    expect(formatField('phrase2', '纪念牌待领取')).toBe('纪念牌待领');
    expect(formatField('phrase2', '已通过 OK!')).toBe('已通过');
    expect(formatField('phrase2', '123')).toBe('通知');
  });

  test('character_string: letters, digits and symbols only, at most 32', () => {
    expect(formatField('character_string4', '券号 V-8a9b7c')).toBe('V-8a9b7c');
    expect(formatField('character_string4', 'x'.repeat(40))).toHaveLength(32);
  });

  test('time from epoch ms in Shanghai; number digits only; unknown value names fall back', () => {
    expect(formatField('time4', Date.UTC(2026, 0, 20, 2, 5))).toBe('2026年1月20日 10:05');
    expect(formatField('number5', '第12名')).toBe('12');
    expect(templateData({ fields: { thing1: 'subject', time2: 'time' } }, { subject: '课程' })).toEqual({
      thing1: { value: '课程' },
      time2: { value: '' },
    });
  });
});

describe('sending', () => {
  test('a contest review goes out with exactly the fields the config maps for contestReview', async () => {
    const world = await contestWorld();
    okData(await world.register(PERSONAS.worker, 'web'));
    const [reg] = await world.all(REGISTRATIONS, { openid: PERSONAS.worker });
    okData(await returnRegistration(world, reg._id, '所在单位证明材料不清晰，请重新上传盖章的在职证明原件照片'));
    const sends = world.openapiCalls.filter((c) => c.api === 'subscribeMessage.send');
    expect(sends).toHaveLength(1);
    const { params } = sends[0];
    const fields = deployConfig.templates.contestReview.fields;
    expect(Object.keys(params.data).sort()).toEqual(Object.keys(fields).sort());
    expect(params.templateId).toBe(deployConfig.templates.contestReview.id || 'dev-contestReview');
    expect(params.touser).toBe(PERSONAS.worker);
    for (const [key, name] of Object.entries(fields)) {
      const value: string = params.data[key].value;
      if (name === 'status') expect(value).toBe('已退回');
      if (key.startsWith('thing')) expect(Array.from(value).length).toBeLessThanOrEqual(20);
      if (key.startsWith('phrase')) expect(value).toMatch(/^[\u4e00-\u9fff]{1,5}$/);
    }
    expect(Object.values(params.data).map((v: any) => v.value)).toContain('所在单位证明材料不清晰，请重新上传盖章…');
  });

  test('refused (43101): the in-app message arrives, the refusal is written on it and counted; other failures too', async () => {
    const world = await makeWorld();
    const ctx = world.ctxFor(PERSONAS.admin);
    jest.spyOn(world.openapi.subscribeMessage, 'send').mockRejectedValue(refusal());
    const notice = {
      to: PERSONAS.worker,
      title: '入会申请已通过',
      body: '欢迎加入工会',
      template: 'membershipReview' as const,
    };
    await Promise.all([notify(ctx, notice), notify(ctx, notice), notify(ctx, notice)]);
    const inbox = await world.all('messages', { to: PERSONAS.worker });
    expect(inbox).toHaveLength(3);
    for (const m of inbox) expect(m.push).toEqual({ template: 'membershipReview', outcome: 'refused', errCode: 43101 });
    expect(await world.all(NOTIFY_STATS)).toEqual([
      expect.objectContaining({ _id: 'membershipReview-2026-01-20', refused: 3, failed: 0 }),
    ]);

    jest
      .spyOn(world.openapi.subscribeMessage, 'send')
      .mockRejectedValue(Object.assign(new Error('bad'), { errCode: 47003 }));
    await notify(ctx, notice);
    expect(await world.all(NOTIFY_STATS)).toEqual([
      expect.objectContaining({ _id: 'membershipReview-2026-01-20', refused: 3, failed: 1 }),
    ]);
    expect((await world.all('messages', { to: PERSONAS.worker })).map((m) => m.push?.outcome).sort()).toEqual([
      'failed',
      'refused',
      'refused',
      'refused',
    ]);
  });

  test('a sent message carries no push record; a notice without a template is in-app only', async () => {
    const world = await makeWorld();
    const ctx = world.ctxFor(PERSONAS.admin);
    await notify(ctx, { to: PERSONAS.worker, title: '新的授课安排', body: '「安全生产」' });
    await notify(ctx, { to: PERSONAS.worker, title: '课程已排课', body: '…', template: 'courseOrder' });
    expect(world.openapiCalls.map((c) => c.params.templateId)).toEqual(['dev-courseOrder']);
    expect((await world.all('messages', { to: PERSONAS.worker })).every((m) => m.push === undefined)).toBe(true);
    expect(await world.all(NOTIFY_STATS)).toEqual([]);
  });

  test('production never sends a made-up template id: without a configured id the notice stays in-app', async () => {
    const world = await makeWorld({ env: { NODE_ENV: 'production' } });
    const ctx = world.ctxFor(PERSONAS.admin);
    const unconfigured: DeployConfig = structuredClone(deployConfig);
    unconfigured.templates.courseOrder.id = '';
    await notify(ctx, { to: PERSONAS.worker, title: '课程已排课', body: '…', template: 'courseOrder' }, unconfigured);
    expect(world.openapiCalls).toEqual([]);
    const configured: DeployConfig = structuredClone(deployConfig);
    configured.templates.courseOrder.id = 'tpl-real-id';
    configured.weapp.envVersion = 'trial';
    await notify(ctx, { to: PERSONAS.worker, title: '课程已排课', body: '…', template: 'courseOrder' }, configured);
    expect(world.openapiCalls).toEqual([
      expect.objectContaining({
        params: expect.objectContaining({ templateId: 'tpl-real-id', miniprogramState: 'trial' }),
      }),
    ]);
    expect(await world.all('messages', { to: PERSONAS.worker })).toHaveLength(2);
  });
});
