import { checkinActions } from '../../../cloud/domain/checkin';
import { assertNoUnmaskedPii } from '../masking';
import { form, okData, PERSONAS, retirementWorld, rid, type RetirementWorld } from './world';

let w: RetirementWorld;
beforeEach(async () => {
  w = await retirementWorld();
});

const status = async (id: string) => (await w.all('retirementRequests', { _id: id }))[0].status;
const XINCHENGHUI = { kind: 'station', id: 'station-xinchenghui' };

async function scan(code: string, scope = XINCHENGHUI, who: string = PERSONAS.stationStaff) {
  const res = await w.call(who, checkinActions, 'checkin', { action: 'scan', requestId: rid('scan'), code, scope });
  assertNoUnmaskedPii(res);
  return res;
}

/** A fresh request by the family, taken to `approved`. */
async function approved(overrides: Record<string, unknown> = {}): Promise<string> {
  const { id } = okData(
    await w.r(PERSONAS.family, 'submitRequest', form({ requesterKind: 'family', relation: '配偶', ...overrides })),
  );
  okData(await w.r(PERSONAS.enterprise, 'verifyEmployment', { ids: [id], decision: 'confirm' }));
  expect(okData(await w.r(PERSONAS.admin, 'approve', { ids: [id] })).done).toBe(1);
  return id;
}

test('the whole path: submitted → verified → approved → issued → plaque pending → collected by scan, with a notice at each step', async () => {
  const id = await approved();
  const issued = okData(await w.r(PERSONAS.admin, 'issue', { ids: [id] }));
  expect(issued.done).toBe(1);
  const view = okData(await w.r(PERSONAS.family, 'getRequest', { id }));
  // two serials were seeded: the next is 0003
  expect(view).toMatchObject({ status: 'issued', serial: '秀工荣退〔2026〕第0003号' });

  const cert = okData(await w.r(PERSONAS.family, 'myCertificate', { id }));
  expect(cert).toMatchObject({
    name: '金阿毛',
    employer: '嘉兴纺织有限公司',
    yearsOfService: 35,
    revoked: false,
    issuer: '嘉兴市秀洲区总工会',
  });
  expect(cert.qrText).toContain(`?t=${cert.token}`);

  // not ready yet: the scanner says so in plain words, nothing changes
  expect(okData(await scan(cert.token))).toMatchObject({ result: 'refused', code: 'INVALID_STATE' });
  expect(okData(await w.r(PERSONAS.admin, 'plaqueReady', { ids: [id] })).done).toBe(1);

  // at another station or at a contest venue: wrong place
  expect(
    okData(await scan(cert.token, { kind: 'station', id: 'station-wangjiangjing' }, PERSONAS.admin)),
  ).toMatchObject({ result: 'refused', code: 'WRONG_SCOPE' });
  expect(okData(await scan(cert.token, { kind: 'contest', id: 'contest-2026-skills' }, PERSONAS.admin))).toMatchObject({
    result: 'refused',
    code: 'WRONG_SCOPE',
  });

  // staff scan what the printed QR holds (the verify link) or the bare token: of five scanning at
  // once, exactly one hands out the plaque
  const results = await Promise.all([1, 2, 3, 4, 5].map((i) => scan(i % 2 ? cert.qrText : cert.token)));
  const outcomes = results.map((r) => okData(r).result);
  expect(outcomes.filter((o) => o === 'success')).toHaveLength(1);
  expect(outcomes.filter((o) => o === 'used')).toHaveLength(4);
  expect(results.map((r) => okData(r)).find((d) => d.result === 'used')).toMatchObject({
    personName: '金*毛',
    firstPlace: '新城汇驿站',
    firstStaff: expect.any(String),
  });
  expect(await status(id)).toBe('collected');

  // same clock instant in the test, so compare as sets
  const titles = (await w.all('messages', { to: PERSONAS.family })).map((m) => m.title).sort();
  expect(titles).toEqual(
    [
      '光荣退休：已提交',
      '光荣退休：单位已核实',
      '光荣退休：已批准',
      '光荣退休：证书已签发',
      '光荣退休：纪念牌待领取',
      '光荣退休：已领取',
    ].sort(),
  );
  const timeline = okData(await w.r(PERSONAS.family, 'getRequest', { id })).timeline.map((t: any) => t.label);
  expect(timeline).toEqual(['已提交', '单位已核实', '已批准', '证书已签发', '纪念牌待领取', '已领取']);
});

test('undo of a pickup scan puts the plaque back to pending; lookup and counts see this place only', async () => {
  const id = await approved({ name: '严福根', phone: '13957319876' });
  okData(await w.r(PERSONAS.admin, 'issue', { ids: [id] }));
  okData(await w.r(PERSONAS.admin, 'plaqueReady', { ids: [id] }));
  const lookup = async () =>
    okData(
      await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', {
        action: 'lookup',
        scope: XINCHENGHUI,
        name: '严福根',
        phoneTail: '9876',
      }),
    );
  const found = await lookup();
  expect(found).toEqual([
    expect.objectContaining({ kind: 'certificate', subjectId: id, personName: '严*根', phone: '139****9876' }),
  ]);
  const counts = okData(
    await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', { action: 'counts', scope: XINCHENGHUI }),
  );
  // seeded: 褚连生 pending at 新城汇
  expect(counts).toContainEqual(
    expect.objectContaining({ label: expect.stringContaining('纪念牌'), done: 0, total: 2 }),
  );

  const cert = okData(await w.r(PERSONAS.family, 'myCertificate', { id }));
  const ok = okData(await scan(cert.token));
  expect(ok).toMatchObject({ result: 'success', title: '纪念牌领取成功', undoUntil: expect.any(Number) });
  expect(await lookup()).toEqual([]);
  okData(
    await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', {
      action: 'undo',
      requestId: rid('undo'),
      scanId: ok.scanId,
      reason: '扫错了人',
    }),
  );
  expect(await status(id)).toBe('plaque_pending');
  expect(okData(await scan(cert.token)).result).toBe('success');
});

test('each illegal transition is INVALID_STATE and changes nothing', async () => {
  const { id } = okData(await w.r(PERSONAS.retiree, 'submitRequest', form()));
  const expectRefused = async (who: string, action: string, payload: Record<string, unknown>) => {
    const res = await w.r(who, action, payload);
    const data = res.ok ? res.data.results?.[0] : res;
    expect({ action, data }).toMatchObject({ action, data: { code: 'INVALID_STATE' } });
  };
  // submitted: cannot be approved, issued, readied, posted, revoked, collected, resubmitted
  await expectRefused(PERSONAS.admin, 'approve', { ids: [id] });
  await expectRefused(PERSONAS.admin, 'issue', { ids: [id] });
  await expectRefused(PERSONAS.admin, 'plaqueReady', { ids: [id] });
  await expectRefused(PERSONAS.admin, 'postPlaque', { id, trackingNote: '顺丰 SF1234567' });
  await expectRefused(PERSONAS.admin, 'revoke', { id, reason: '信息有误' });
  await expectRefused(PERSONAS.retiree, 'confirmReceipt', { id });
  await expectRefused(PERSONAS.retiree, 'myCertificate', { id });
  expect(await status(id)).toBe('submitted');

  okData(await w.r(PERSONAS.enterprise, 'verifyEmployment', { ids: [id], decision: 'confirm' }));
  await expectRefused(PERSONAS.enterprise, 'verifyEmployment', { ids: [id], decision: 'confirm' });
  await expectRefused(PERSONAS.admin, 'issue', { ids: [id] });
  okData(await w.r(PERSONAS.admin, 'approve', { ids: [id] }));
  await expectRefused(PERSONAS.admin, 'approve', { ids: [id] });
  okData(await w.r(PERSONAS.admin, 'issue', { ids: [id] }));
  await expectRefused(PERSONAS.admin, 'issue', { ids: [id] });
  await expectRefused(PERSONAS.admin, 'returnRequest', { id, reason: '签发后不能退回' });
  await expectRefused(PERSONAS.retiree, 'confirmReceipt', { id });
  expect(await status(id)).toBe('issued');
});

test('returned, corrected and resubmitted by the submitter only; the identity number stays', async () => {
  const { id } = okData(
    await w.r(
      PERSONAS.family,
      'submitRequest',
      form({ requesterKind: 'family', relation: '子女', yearsOfService: 50 }),
    ),
  );
  okData(await w.r(PERSONAS.admin, 'returnRequest', { id, reason: '工龄与档案不符' }));
  const fix = {
    id,
    name: '金阿毛',
    employer: '嘉兴纺织有限公司',
    employerId: 'emp-jiaxing-textile',
    position: '挡车工',
    yearsOfService: 35,
    retirementDate: '2026-01-10',
    phone: '13957310001',
    deliveryMethod: 'post',
    postAddress: '嘉兴市秀洲区新城街道康和路9号',
  };
  expect(await w.r(PERSONAS.worker, 'resubmitRequest', fix)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await w.r(PERSONAS.family, 'resubmitRequest', { ...fix, idNumber: '330411196601150011' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'idNumber' },
  });
  const again = okData(await w.r(PERSONAS.family, 'resubmitRequest', fix));
  expect(again).toMatchObject({
    status: 'submitted',
    yearsOfService: 35,
    delivery: { method: 'post', address: fix.postAddress },
  });
  expect(again).not.toHaveProperty('returnReason');
  expect(await w.r(PERSONAS.family, 'resubmitRequest', fix)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});

test('posted plaque: tracking note, then the submitter confirms receipt', async () => {
  const id = await approved({
    deliveryMethod: 'post',
    pickupStationId: undefined,
    postAddress: '嘉兴市秀洲区王店镇建设路18号',
  });
  okData(await w.r(PERSONAS.admin, 'issue', { ids: [id] }));
  expect(okData(await w.r(PERSONAS.admin, 'plaqueReady', { ids: [id] })).results[0]).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
  });
  const posted = okData(await w.r(PERSONAS.admin, 'postPlaque', { id, trackingNote: '中国邮政 9876543210' }));
  expect(posted).toMatchObject({ status: 'plaque_posted', trackingNote: '中国邮政 9876543210' });
  const cert = okData(await w.r(PERSONAS.family, 'myCertificate', { id }));
  expect(okData(await scan(cert.token))).toMatchObject({ result: 'refused', code: 'WRONG_SCOPE' });
  expect(await w.r(PERSONAS.worker, 'confirmReceipt', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(okData(await w.r(PERSONAS.family, 'confirmReceipt', { id })).status).toBe('collected');
});

test('concurrent issuing hands out distinct consecutive serial numbers', async () => {
  const ids = await Promise.all([1, 2, 3, 4].map(() => approved()));
  const batches = await Promise.all([
    w.r(PERSONAS.admin, 'issue', { ids }),
    w.r(PERSONAS.admin, 'issue', { ids: [...ids].reverse() }),
  ]);
  expect(batches.reduce((n, b) => n + okData(b).done, 0)).toBe(4);
  const serials = (await w.all('retirementRequests', { status: 'issued' })).map((d) => d.serial).sort();
  expect(serials).toEqual([3, 4, 5, 6].map((n) => `秀工荣退〔2026〕第000${n}号`));
});

describe('public verification', () => {
  test('anyone, signed in or not, learns valid or revoked, masked name, employer, date, nothing else', async () => {
    const id = await approved({ name: '金阿毛' });
    okData(await w.r(PERSONAS.admin, 'issue', { ids: [id] }));
    const cert = okData(await w.r(PERSONAS.family, 'myCertificate', { id }));
    for (const who of ['', PERSONAS.newcomer]) {
      const check = okData(await w.r(who, 'verifyCertificate', { token: cert.qrText }));
      expect(check).toEqual({
        status: 'valid',
        nameMasked: '金*毛',
        employer: '嘉兴纺织有限公司',
        issuedAt: cert.issuedAt,
      });
    }
    expect(okData(await w.r('', 'verifyCertificate', { serial: cert.serial })).status).toBe('valid');
    // A phone keyboard has no 〔〕: the year and number, however bracketed or spaced, find it too.
    const [, year, seq] = /〔(\d{4})〕第(\d{4})号/.exec(cert.serial)!;
    const typed = [
      `秀工荣退(${year})第${seq}号`,
      `秀工荣退（${year}）第${seq}号`,
      `秀工荣退[${year}]第${Number(seq)}号`,
      `秀工荣退${year}第${seq}号`,
      `${year}-${seq}`,
      `${year}-${Number(seq)}`,
      ` ${year} ${seq} `,
      `${year}${seq}`,
      `２０２６－${seq}`.replace(
        '２０２６',
        year.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
      ),
    ];
    for (const serial of typed) {
      expect({ serial, check: okData(await w.r('', 'verifyCertificate', { serial })) }).toEqual({
        serial,
        check: { status: 'valid', nameMasked: '金*毛', employer: '嘉兴纺织有限公司', issuedAt: cert.issuedAt },
      });
    }

    expect(await w.r(PERSONAS.family, 'revoke', { id, reason: '家属不能撤销' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const revoked = okData(await w.r(PERSONAS.admin, 'revoke', { id, reason: '重复发放，已收回' }));
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: '重复发放，已收回' });
    expect(okData(await w.r('', 'verifyCertificate', { token: cert.token }))).toEqual({
      status: 'revoked',
      nameMasked: '金*毛',
      employer: '嘉兴纺织有限公司',
      issuedAt: cert.issuedAt,
    });
    expect(await w.all('auditLog', { event: 'retirement.revoke' })).toHaveLength(1);
    // a revoked certificate cannot collect a plaque
    expect(okData(await scan(cert.token))).toMatchObject({ result: 'refused', code: 'INVALID_STATE' });
  });

  test('forged, altered, unknown or missing codes are refused', async () => {
    const seeded = (await w.all('retirementRequests', { name: '褚连生' }))[0];
    const token: string = seeded.certificateToken;
    expect(okData(await w.r('', 'verifyCertificate', { token })).status).toBe('valid');
    const altered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const refusedAltered = await w.r('', 'verifyCertificate', { token: altered });
    expect(refusedAltered).toMatchObject({ ok: false, code: 'TOKEN_INVALID' });
    // Said for paper: a printed code cannot be refreshed; the serial number is the way to check it.
    expect((refusedAltered as any).message).not.toMatch(/刷新/);
    expect((refusedAltered as any).message).toMatch(/证书编号/);
    // Scanned at the plaque pickup, the altered printed code says the same kind of thing, for paper.
    const printed = await scan(`https://xzgh.example.cn/rv?t=${altered}`);
    expect(okData(printed)).toMatchObject({ result: 'refused', code: 'TOKEN_INVALID', kind: 'certificate' });
    expect(okData(printed).message).not.toMatch(/刷新|重新打开/);
    expect(okData(printed).message).toMatch(/证书编号/);
    // A phone's code (a bare token) keeps the advice to reopen it.
    expect(okData(await scan(altered)).message).toMatch(/重新打开/);
    for (const serial of ['秀工荣退(2026)第9999号', '2026-9999', '第三号荣退证书', '2026-0000', '12345-1']) {
      expect(await w.r('', 'verifyCertificate', { serial })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await w.r('', 'verifyCertificate', { serial: '秀工荣退〔2026〕第9999号' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await w.r('', 'verifyCertificate', {})).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'token' },
    });
    expect(await w.r('', 'verifyCertificate', { token, extra: 1 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'extra' },
    });
    // a request not yet issued cannot be verified by its id in a forged-but-signed token of another kind
    const { signToken } = await import('../../../cloud/lib/token');
    const member = signToken({}, { kind: 'member', id: seeded._id, ttlMs: 60_000 }, w.clock.now()).token;
    expect(await w.r('', 'verifyCertificate', { token: member })).toMatchObject({ ok: false, code: 'TOKEN_INVALID' });
  });
});
