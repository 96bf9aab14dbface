/**
 * The catalogue kept by the academy admin: saveCourse (create / edit only the fields sent),
 * setCourseActive (下架 / 重新上架). The public catalogue lists 上架 courses only; a withdrawn course
 * cannot be ordered, but orders and sessions of it keep working. Everyone but an admin is refused
 * with nothing written; retries answer once; racing admins lose no field.
 */
import { academyActions } from '../../../cloud/domain/academy';
import { saveCourse, setCourseActive } from '../../../cloud/domain/academy/catalogue-admin';
import { LEASE_MS } from '../../../cloud/lib/idempotency';
import type { ActionCtx, UserDoc } from '../../../cloud/lib/context';
import { academyWorld, DAY, okData, PERSONAS, rid, type AcademyWorld } from './world';

let w: AcademyWorld;
beforeEach(async () => {
  w = await academyWorld();
});

const course = {
  title: '绣花机操作与花型调试',
  category: '服装',
  teacherOpenid: 'teacher-lu-peihua',
  teacherTitle: '浙江省劳动模范 · 服装制版技师',
  hours: 3,
  formats: ['live', 'onsite', 'live'],
  description: '电脑绣花机的穿线、换色与常见断线处理，花型文件的导入与调试，现场实操。',
};
const WRITES = ['courses', 'courseTitles', 'auditLog', 'courseOrders', 'sessions'];
const titles = (list: any[]) => list.map((c) => c.title);
const publicList = async (category?: string) =>
  okData(await w.academy('', 'listCourses', category ? { category } : {})) as any[];

describe('the catalogue: public sees 上架 courses, the admin sees all', () => {
  it('anyone (even without OPENID) lists the seeded catalogue; only an admin lists every course', async () => {
    expect(await publicList()).toHaveLength(8);
    const all = okData(await w.academy(PERSONAS.admin, 'listAllCourses'));
    expect(all).toHaveLength(8);
    expect(all[3]).toMatchObject({ id: 'course-cnc-milling', active: true, teacherOpenid: PERSONAS.teacher });
    for (const who of [PERSONAS.worker, PERSONAS.enterprise, PERSONAS.teacher, 'stranger-openid'])
      expect(await w.academy(who, 'listAllCourses')).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: '您没有权限进行此操作',
      });
    expect(await w.academy('', 'listAllCourses')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('新增课程 (saveCourse without courseId)', () => {
  it('the admin adds a course: teacher name from the account, formats once each in order, last in the catalogue, audited', async () => {
    const requestId = rid('add');
    const res = await w.call(PERSONAS.admin, academyActions, 'academy', { action: 'saveCourse', requestId, ...course });
    const c = okData(res);
    expect(c).toMatchObject({
      title: '绣花机操作与花型调试',
      category: '服装',
      teacherName: '陆佩华',
      teacherOpenid: 'teacher-lu-peihua',
      hours: 3,
      formats: ['onsite', 'live'],
      active: true,
    });
    expect(titles(await publicList()).at(-1)).toBe('绣花机操作与花型调试');
    expect(titles(await publicList('服装'))).toEqual(['服装制版与高效版型优化', '绣花机操作与花型调试']);
    const [entry] = await w.all('auditLog', { event: 'academy.saveCourse' });
    expect(entry).toMatchObject({
      actor: PERSONAS.admin,
      requestId,
      target: { kind: 'course', id: c.id },
      detail: { created: true },
    });
    // A worker can order it at once.
    const o = okData(
      await w.academy(PERSONAS.enterprise, 'placeOrder', {
        courseId: c.id,
        headcount: 20,
        preferredDates: ['2026-03-20'],
        place: '嘉兴纺织有限公司 职工之家',
        format: 'onsite',
      }),
    );
    expect(o.title).toBe('绣花机操作与花型调试');
  });

  it('a retried add (same requestId, even at once) makes one course and one audit entry', async () => {
    const requestId = rid('same');
    const call = () =>
      w.call(PERSONAS.admin, academyActions, 'academy', { action: 'saveCourse', requestId, ...course });
    const [a, b] = await Promise.all([call(), call()]);
    const c = await call();
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(await w.all('courses', { title: course.title })).toHaveLength(1);
    expect(await w.all('auditLog', { event: 'academy.saveCourse' })).toHaveLength(1);
  });

  it.each([
    [{ title: undefined }, 'title', '请填写课程名称'],
    [{ title: '绣' }, 'title', '请填写课程名称（2–40个字）'],
    [{ title: '高速织机挡车操作与疵点防控' }, 'title', '课程名称：目录中已有「高速织机挡车操作与疵点防控」'],
    [{ category: undefined }, 'category', '请选择课程类别'],
    [{ category: '烹饪' }, 'category', '请选择课程类别'],
    [{ teacherOpenid: undefined }, 'teacherOpenid', '请选择授课老师'],
    [{ teacherOpenid: PERSONAS.worker }, 'teacherOpenid', '授课老师：请从讲师名单中选择'],
    [{ teacherOpenid: 'teacher-nobody' }, 'teacherOpenid', '授课老师：请从讲师名单中选择'],
    [{ teacherTitle: '' }, 'teacherTitle', '请填写老师称号（2–40个字）'],
    [{ teacherTitle: undefined }, 'teacherTitle', '请填写老师称号'],
    [{ hours: 0 }, 'hours', '学时请填写1到16之间的整数'],
    [{ hours: 2.5 }, 'hours', '学时请填写1到16之间的整数'],
    [{ hours: 17 }, 'hours', '学时请填写1到16之间的整数'],
    [{ formats: [] }, 'formats', '请选择授课方式'],
    [{ formats: ['tv'] }, 'formats.0', '请选择授课方式'],
    [{ formats: undefined }, 'formats', '请选择授课方式'],
    [{ description: '好课' }, 'description', '请填写课程简介（10–300个字）'],
    [{ description: undefined }, 'description', '请填写课程简介'],
    [{ active: false }, 'active', '不认识的字段 active'],
  ])('refuses a bad course %#, naming the field in Chinese, writing nothing', async (change, field, message) => {
    const before = await w.snapshot(WRITES);
    const res = await w.academy(PERSONAS.admin, 'saveCourse', { ...course, ...change });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field } });
    expect(res.ok ? '' : res.message).toContain(message);
    expect(await w.snapshot(WRITES)).toEqual(before);
  });

  it('a title stays unique across withdrawn courses too (restore never clashes)', async () => {
    okData(await w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-5s', active: false }));
    const res = await w.academy(PERSONAS.admin, 'saveCourse', { ...course, title: '5S现场管理法实操' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'title' } });
    expect(res.ok ? '' : res.message).toContain('已下架的课程可以重新上架');
  });
});

describe('修改课程 (saveCourse with courseId)', () => {
  it('changes only the fields sent; a new teacher brings their name; rank, 上架 and creation stay', async () => {
    const [before] = await w.all('courses', { _id: 'course-5s' });
    w.clock.advance(DAY);
    const c = okData(
      await w.academy(PERSONAS.admin, 'saveCourse', {
        courseId: 'course-5s',
        hours: 4,
        teacherOpenid: 'teacher-gu-zhiming',
      }),
    );
    expect(c).toMatchObject({ id: 'course-5s', hours: 4, teacherName: '顾志明', title: '5S现场管理法实操' });
    const [after] = await w.all('courses', { _id: 'course-5s' });
    expect(after).toEqual({
      ...before,
      hours: 4,
      teacherOpenid: 'teacher-gu-zhiming',
      teacherName: '顾志明',
      updatedAt: w.clock.now(),
    });
    const [entry] = await w.all('auditLog', { event: 'academy.saveCourse' });
    expect(entry.detail).toEqual({ created: false, fields: ['hours', 'teacherName', 'teacherOpenid'] });
  });

  it('renaming frees the old title for another course; renaming onto another course’s title is refused', async () => {
    okData(await w.academy(PERSONAS.admin, 'saveCourse', { courseId: 'course-5s', title: '5S与目视化现场管理' }));
    expect(
      await w.academy(PERSONAS.admin, 'saveCourse', { courseId: 'course-dyeing-saving', title: '5S与目视化现场管理' }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'title' } });
    // The old title is free again (seeded courses hold no claim; renamed ones give theirs back).
    const c = okData(await w.academy(PERSONAS.admin, 'saveCourse', { ...course, title: '5S现场管理法实操' }));
    expect(c.title).toBe('5S现场管理法实操');
    const again = okData(await w.academy(PERSONAS.admin, 'saveCourse', { courseId: c.id, title: '5S现场管理入门' }));
    expect(again.title).toBe('5S现场管理入门');
    expect(
      okData(await w.academy(PERSONAS.admin, 'saveCourse', { ...course, title: '5S现场管理法实操' })),
    ).toMatchObject({ title: '5S现场管理法实操' });
    expect(await w.all('courseTitles', {})).toHaveLength(3);
  });

  it('an unknown course is NOT_FOUND; saving nothing changed writes nothing', async () => {
    expect(await w.academy(PERSONAS.admin, 'saveCourse', { courseId: 'course-nope', hours: 2 })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    const before = await w.snapshot(['courses', 'auditLog']);
    expect(okData(await w.academy(PERSONAS.admin, 'saveCourse', { courseId: 'course-5s' }))).toMatchObject({
      id: 'course-5s',
      hours: 3,
    });
    expect(await w.snapshot(['courses', 'auditLog'])).toEqual(before);
  });
});

describe('who may keep the catalogue', () => {
  it.each([PERSONAS.worker, PERSONAS.enterprise, PERSONAS.teacher, PERSONAS.stationStaff, 'stranger-openid'])(
    '%s is FORBIDDEN to add, edit, withdraw or restore, and nothing is written',
    async (who) => {
      const before = await w.snapshot([...WRITES, 'idempotency']);
      for (const [action, payload] of [
        ['saveCourse', course],
        ['saveCourse', { courseId: 'course-5s', hours: 8 }],
        ['setCourseActive', { courseId: 'course-5s', active: false }],
        ['setCourseActive', { courseId: 'course-5s', active: true }],
      ] as const) {
        const res = await w.academy(who, action, payload);
        expect(res).toEqual({ ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' });
      }
      expect(await w.snapshot([...WRITES, 'idempotency'])).toEqual(before);
    },
  );

  it('without OPENID: UNAUTHENTICATED', async () => {
    expect(await w.academy('', 'saveCourse', course)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('下架 / 重新上架 (setCourseActive)', () => {
  it('withdrawn: gone from the catalogue (and its category), shown 已下架 to the admin, audited; restored in its old place', async () => {
    const c = okData(
      await w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-textile-loom', active: false }),
    );
    expect(c).toMatchObject({ id: 'course-textile-loom', active: false, withdrawnAt: w.clock.now() });
    expect(titles(await publicList())).not.toContain('高速织机挡车操作与疵点防控');
    expect(titles(await publicList('纺织'))).toEqual(['印染工艺节能降耗']);
    const all = okData(await w.academy(PERSONAS.admin, 'listAllCourses'));
    expect(all.find((x: any) => x.id === 'course-textile-loom')).toMatchObject({ active: false });
    expect(
      await w.all('auditLog', { event: 'academy.withdrawCourse', 'target.id': 'course-textile-loom' }),
    ).toHaveLength(1);

    expect(
      await w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-textile-loom', active: false }),
    ).toEqual({ ok: false, code: 'INVALID_STATE', message: '这门课程已经下架了' });
    const back = okData(
      await w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-textile-loom', active: true }),
    );
    expect(back).toMatchObject({ active: true });
    expect(back.withdrawnAt).toBeUndefined();
    expect(titles(await publicList())[0]).toBe('高速织机挡车操作与疵点防控');
    expect(await w.all('auditLog', { event: 'academy.restoreCourse' })).toHaveLength(1);
    expect(
      await w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-textile-loom', active: true }),
    ).toEqual({ ok: false, code: 'INVALID_STATE', message: '这门课程已经在目录中了' });
    expect(
      await w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-nope', active: false }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('a withdrawn course cannot be ordered: COURSE_WITHDRAWN naming it, no order written', async () => {
    okData(await w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-garment-pattern', active: false }));
    const before = await w.snapshot(['courseOrders']);
    const res = await w.academy(PERSONAS.enterprise, 'placeOrder', {
      courseId: 'course-garment-pattern',
      headcount: 30,
      preferredDates: ['2026-03-20'],
      place: '嘉兴纺织有限公司 职工之家',
      format: 'onsite',
    });
    expect(res).toMatchObject({ ok: false, code: 'COURSE_WITHDRAWN', details: { field: 'courseId' } });
    expect(res.ok ? '' : res.message).toBe('「服装制版与高效版型优化」已下架，请选择其他课程，或填写希望的课程主题');
    expect(await w.snapshot(['courseOrders'])).toEqual(before);
    // Nor scheduled as a new open class.
    expect(await w.schedule({ courseId: 'course-garment-pattern' })).toMatchObject({
      ok: false,
      code: 'COURSE_WITHDRAWN',
    });
  });

  it('orders and sessions of a withdrawn course keep working: shown, scheduled, booked', async () => {
    okData(await w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-textile-loom', active: false }));
    okData(await w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-cnc-milling', active: false }));
    // The enterprise's accepted order still shows, and the academy can still schedule it.
    const mine = okData(await w.academy(PERSONAS.enterprise, 'myOrders'));
    expect(mine.find((o: any) => o.id === 'ord-seed-loom')).toMatchObject({
      title: '高速织机挡车操作与疵点防控',
      courseId: 'course-textile-loom',
      statusLabel: '已受理',
    });
    const s = okData(await w.schedule({ orderId: 'ord-seed-loom', courseId: undefined, capacity: 40 }));
    expect(s).toMatchObject({ title: '高速织机挡车操作与疵点防控', category: '纺织', courseId: 'course-textile-loom' });
    expect(okData(await w.academy(PERSONAS.enterprise, 'getOrder', { orderId: 'ord-seed-loom' })).order.status).toBe(
      'scheduled',
    );
    // The seeded session of the withdrawn CNC course is still listed and bookable.
    const upcoming = okData(await w.academy(PERSONAS.worker, 'upcomingSessions'));
    expect(upcoming.map((x: any) => x.id)).toContain('ses-seed-cnc');
    const booked = okData(await w.academy(PERSONAS.worker, 'book', { sessionId: 'ses-seed-cnc' }));
    expect(booked).toMatchObject({ title: '数控铣削编程与精度控制', teacherName: '孙国华' });
    expect(booked.myBooking.status).toBe('booked');
  });
});

describe('two admins at once', () => {
  it('editing different fields of one course: both edits are kept', async () => {
    const [a, b] = await Promise.all([
      w.academy(PERSONAS.admin, 'saveCourse', { courseId: 'course-5s', hours: 6 }),
      w.academy(PERSONAS.admin, 'saveCourse', {
        courseId: 'course-5s',
        description: '带着班组走一遍现场，当场改出一个样板区，再学会日常点检。',
      }),
    ]);
    okData(a);
    okData(b);
    const [doc] = await w.all('courses', { _id: 'course-5s' });
    expect(doc).toMatchObject({ hours: 6, description: '带着班组走一遍现场，当场改出一个样板区，再学会日常点检。' });
    expect(doc).toMatchObject({ title: '5S现场管理法实操', teacherName: '姚金海', rank: 6, active: true });
  });

  it('the same field: the last write wins whole, nothing else lost; an edit racing a withdrawal keeps both', async () => {
    const [a, b] = await Promise.all([
      w.academy(PERSONAS.admin, 'saveCourse', { courseId: 'course-5s', formats: ['live'], hours: 2 }),
      w.academy(PERSONAS.admin, 'saveCourse', {
        courseId: 'course-5s',
        formats: ['onsite', 'branch', 'live'],
        hours: 5,
      }),
      w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-5s', active: false }),
    ]);
    okData(a);
    okData(b);
    const [doc] = await w.all('courses', { _id: 'course-5s' });
    expect([
      { formats: ['live'], hours: 2 },
      { formats: ['onsite', 'branch', 'live'], hours: 5 },
    ]).toContainEqual({ formats: doc.formats, hours: doc.hours });
    expect(doc).toMatchObject({
      active: false,
      title: '5S现场管理法实操',
      teacherTitle: '浙江省劳动模范 · 精益管理专家',
    });
  });

  it('adding the same title at once: exactly one course gets it', async () => {
    const results = await Promise.all(
      [0, 1, 2].map(() => w.academy(PERSONAS.admin, 'saveCourse', { ...course, title: '经编机保全与故障排除' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(r).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'title' } });
    expect(await w.all('courses', { title: '经编机保全与故障排除' })).toHaveLength(1);
  });

  it('renaming two courses onto one title at once: one wins', async () => {
    const results = await Promise.all(
      ['course-5s', 'course-dyeing-saving'].map((courseId) =>
        w.academy(PERSONAS.admin, 'saveCourse', { courseId, title: '精益生产与现场改善' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await w.all('courses', { title: '精益生产与现场改善' })).toHaveLength(1);
  });

  it('withdrawing at once: one withdraws (one audit entry), the other hears it is already withdrawn', async () => {
    const results = await Promise.all(
      [0, 1].map(() => w.academy(PERSONAS.admin, 'setCourseActive', { courseId: 'course-5s', active: false })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'INVALID_STATE' });
    expect(await w.all('auditLog', { event: 'academy.withdrawCourse' })).toHaveLength(1);
  });

  it('a title left claimed by a rename that lost the race is free again once no course has it', async () => {
    await Promise.all([
      w.academy(PERSONAS.admin, 'saveCourse', { courseId: 'course-5s', title: '现场管理甲' }),
      w.academy(PERSONAS.admin, 'saveCourse', { courseId: 'course-5s', title: '现场管理乙' }),
    ]);
    const [doc] = await w.all('courses', { _id: 'course-5s' });
    const lost = doc.title === '现场管理甲' ? '现场管理乙' : '现场管理甲';
    // Within the lease a claim may still be a save under way; after it, a stale claim is taken over.
    expect(await w.academy(PERSONAS.admin, 'saveCourse', { ...course, title: lost })).toMatchObject({ ok: false });
    w.clock.advance(LEASE_MS + 1);
    expect(okData(await w.academy(PERSONAS.admin, 'saveCourse', { ...course, title: lost })).title).toBe(lost);
    expect(await w.academy(PERSONAS.admin, 'saveCourse', { ...course, title: doc.title })).toMatchObject({
      ok: false,
      details: { field: 'title' },
    });
  });
});

describe('a request run again after a crash (same requestId, past the idempotency record)', () => {
  async function ctxOf(openid: string, action: string, requestId: string): Promise<ActionCtx> {
    const [user] = (await w.all('users', { _id: openid })) as UserDoc[];
    return { ...w.ctxFor(openid), fn: 'academy', action, user, requestId };
  }

  it('an add finds its own course; a withdrawal finishes instead of answering 已经下架了; one audit entry each', async () => {
    const add = await ctxOf(PERSONAS.admin, 'saveCourse', 'crash-add-0001');
    const first = await saveCourse(add, { ...course, formats: ['onsite'] } as any);
    const again = await saveCourse(add, { ...course, formats: ['onsite'] } as any);
    expect(again).toEqual(first);
    expect(await w.all('courses', { title: course.title })).toHaveLength(1);
    expect(await w.all('auditLog', { event: 'academy.saveCourse' })).toHaveLength(1);

    const off = await ctxOf(PERSONAS.admin, 'setCourseActive', 'crash-off-0001');
    await setCourseActive(off, { courseId: first.id, active: false });
    expect(await setCourseActive(off, { courseId: first.id, active: false })).toMatchObject({ active: false });
    expect(await w.all('auditLog', { event: 'academy.withdrawCourse' })).toHaveLength(1);
    // A different request is told the truth.
    const other = await ctxOf(PERSONAS.admin, 'setCourseActive', 'crash-off-0002');
    await expect(setCourseActive(other, { courseId: first.id, active: false })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });
});
