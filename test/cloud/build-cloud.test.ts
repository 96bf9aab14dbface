/**
 * Tests the deployable artifact itself: runs `scripts/build-cloud.mjs` into a temp dir, links the
 * REAL wx-server-sdk at `<tmp>/node_modules/wx-server-sdk` (the one the cloud installs from the
 * bundle's package.json), then, in a plain Node process, requires each built `index.js` the way
 * WeChat Cloud would and calls it as SCF does: the caller in process.env (WX_OPENID), the SDK's
 * requests sent to a stand-in of the CloudBase API that this test runs (TCB_CONTEXT_CNFG).
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { pointSdkAt } from '../../cloud/emulator/standin/sdk-env';
import { startStandIn, type StandIn } from '../../cloud/emulator/standin/server';

jest.setTimeout(120_000);

const root = resolve(__dirname, '../..');
const expectedFunctions = readdirSync(join(root, 'cloud/functions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'cloud/functions', d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

/** Runs in the child: loads every bundle from `dir`, answers a JSON report on stdout. */
const probe = `
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
// SCF runs one invocation at a time per instance and sets the caller in process.env for it.
const call = async (main, openid, event) => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
  process.env.WX_OPENID = openid;
  process.env.WX_APPID = 'wx-probe';
  return main(event, {});
};
// One read of every function, as a signed-in caller: each must reach the database and answer ok.
const READS = {
  academy: { action: 'listCourses' },
  admin: { action: 'myAccess' },
  checkin: { action: 'myScopes' },
  contest: { action: 'listContests' },
  gift: { action: 'myVouchers' },
  member: { action: 'getMe' },
  portal: { action: 'listStations' },
  retirement: { action: 'myRequests' },
};
(async () => {
  const report = {};
  for (const name of fs.readdirSync(dir).filter((n) => n !== 'node_modules' && n !== 'probe.cjs').sort()) {
    const mod = require(path.join(dir, name, 'index.js'));
    const config = JSON.parse(fs.readFileSync(path.join(dir, name, 'config.json'), 'utf8'));
    const timers = {};
    // The platform fires a timer trigger with no OPENID; each one named in config.json must answer.
    for (const t of config.triggers || []) timers[t.name] = await call(mod.main, '', { Type: 'Timer', TriggerName: t.name, Time: new Date().toISOString() });
    report[name] = {
      mainType: typeof mod.main,
      unknown: typeof mod.main === 'function' ? await call(mod.main, 'probe-user', { action: 'noSuchAction' }) : null,
      read: READS[name] ? await call(mod.main, 'probe-user', READS[name]) : null,
      timers,
    };
  }
  const { main } = require(path.join(dir, 'member', 'index.js'));
  report.memberFlow = {
    anonymous: await call(main, '', { action: 'getMe' }),
    firstVisit: await call(main, 'probe-user', { action: 'getMe' }),
    saved: await call(main, 'probe-user', {
      action: 'updateProfile', requestId: 'probe-0001',
      name: '测试员', phone: '13800000000', employer: '嘉兴秀洲精工机械有限公司', district: '秀洲区', category: '产业工人',
    }),
    reread: await call(main, 'probe-user', { action: 'getMe' }),
    otherCaller: await call(main, 'probe-other', { action: 'getMe' }),
  };
  process.stdout.write(JSON.stringify(report));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('npm run build:cloud', () => {
  let tmp: string;
  let out: string;
  let report: Record<string, any>;
  let standIn: StandIn;

  beforeAll(async () => {
    standIn = await startStandIn();
    tmp = mkdtempSync(join(tmpdir(), 'build-cloud-'));
    out = join(tmp, 'functions');
    execFileSync(process.execPath, [join(root, 'scripts/build-cloud.mjs'), '--outdir', out], {
      cwd: root,
      stdio: 'pipe',
    });
    // The real SDK, as the cloud installs it next to the function (its own dependencies resolve from
    // the real path).
    mkdirSync(join(out, 'node_modules'), { recursive: true });
    symlinkSync(join(root, 'node_modules/wx-server-sdk'), join(out, 'node_modules', 'wx-server-sdk'), 'dir');
    writeFileSync(join(out, 'probe.cjs'), probe);
    // A clean environment: no token keys, as on a fresh deployment of a read-only action; only what
    // points the SDK at the stand-in (see cloud/emulator/standin/sdk-env.ts).
    const env = { PATH: process.env.PATH ?? '' } as unknown as NodeJS.ProcessEnv;
    pointSdkAt(standIn.adminUrl, 'probe-env', env);
    // Asynchronously: the stand-in answering the child runs in this process.
    const { stdout } = await promisify(execFile)(process.execPath, [join(out, 'probe.cjs'), out], {
      cwd: out,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    report = JSON.parse(stdout.toString());
  });

  afterAll(async () => {
    await standIn?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('builds one folder per cloud function with index.js, package.json and config.json', () => {
    const built = readdirSync(out)
      .filter((n) => n !== 'node_modules' && n !== 'probe.cjs')
      .sort();
    expect(built).toEqual(expectedFunctions);
    expect(built).toEqual(expect.arrayContaining(['member', 'contest', 'academy', 'retirement', 'gift', 'checkin']));
    const sdkVersion = JSON.parse(readFileSync(join(root, 'node_modules/wx-server-sdk/package.json'), 'utf8')).version;
    for (const name of built) {
      const pkg = JSON.parse(readFileSync(join(out, name, 'package.json'), 'utf8'));
      expect(pkg).toMatchObject({ name, main: 'index.js', dependencies: { 'wx-server-sdk': `~${sdkVersion}` } });
      const config = JSON.parse(readFileSync(join(out, name, 'config.json'), 'utf8'));
      expect(config.permissions.openapi).toEqual(
        expect.arrayContaining(['subscribeMessage.send', 'wxacode.getUnlimited']),
      );
    }
  });

  test('every timer trigger in a config.json runs its job in the bundle: gift expiry, replay purge, course reminders', () => {
    const timers = Object.fromEntries(expectedFunctions.map((name) => [name, report[name].timers]));
    expect(Object.keys(timers.gift)).toEqual(['expirySweep']);
    expect(Object.keys(timers.member)).toEqual(['purgeReplays']);
    expect(Object.keys(timers.academy)).toEqual(['sessionReminders']);
    for (const [name, jobs] of Object.entries(timers))
      for (const [trigger, answer] of Object.entries(jobs as Record<string, any>))
        expect({ name, trigger, ok: answer.ok }).toEqual({ name, trigger, ok: true });
    expect(report.academy.timers.sessionReminders.data).toEqual({ reminded: expect.any(Number) });
  });

  test('bundles are CommonJS for Node 16 with wx-server-sdk left external and no emulator code inside', () => {
    for (const name of expectedFunctions) {
      const js = readFileSync(join(out, name, 'index.js'), 'utf8');
      expect(js).toContain('require("wx-server-sdk")');
      expect(js).not.toMatch(/^\s*(import|export)\s/m);
      // The fake database, nedb and test helpers must never ship.
      expect(js).not.toMatch(/@seald-io\/nedb|emulator\/standin|fake-sdk|runWithContext/);
      // The handlers are inlined (one file to upload), not required from the repo.
      expect(js).not.toMatch(/require\("\.\.?\//);
      expect(js).toContain(`"${name}"`);
    }
  });

  test('every function exports main; an unknown action answers INVALID_INPUT', () => {
    for (const name of expectedFunctions) {
      expect(report[name].mainType).toBe('function');
      expect(report[name].unknown).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'action' } });
    }
  });

  test('every bundle answers a real call on the real SDK, against the stand-in of CloudBase', () => {
    for (const name of expectedFunctions) {
      // checkin serves scanning staff only: refused after reading the caller's users doc.
      const want = name === 'checkin' ? { ok: false, code: 'FORBIDDEN' } : { ok: true };
      expect({ name, answer: report[name].read }).toEqual({ name, answer: expect.objectContaining(want) });
    }
    // The bundles' SDK wrote where it was pointed: the probe user's profile is in the stand-in.
    const users = standIn.env('probe-env').db.find({ coll: 'users', query: { _id: 'probe-user' } });
    expect(users).toEqual([
      expect.objectContaining({ _id: 'probe-user', profile: expect.objectContaining({ name: '测试员' }) }),
    ]);
    // getMe of a first-time caller wrote nothing; the timers and reads made no stray environment.
    expect(standIn.envs().map((e) => e.name)).toEqual(['probe-env']);
  });

  test('the built member function reads the OPENID from the call context and answers envelopes', () => {
    const flow = report.memberFlow;
    expect(flow.anonymous).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(flow.firstVisit).toEqual({
      ok: true,
      data: {
        openid: 'probe-user',
        roles: [],
        scopes: [],
        profile: null,
        profileComplete: false,
        membership: { status: 'none' },
        unreadMessages: 0,
      },
    });
    expect(flow.saved).toMatchObject({ ok: true, data: { profileComplete: true, profile: { name: '测试员' } } });
    expect(flow.reread).toMatchObject({ ok: true, data: { openid: 'probe-user', profile: { phone: '13800000000' } } });
    // Another caller in the same warm instance sees only their own (empty) record.
    expect(flow.otherCaller).toMatchObject({ ok: true, data: { openid: 'probe-other', profile: null } });
  });
});
