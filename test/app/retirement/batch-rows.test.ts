/**
 * The employer list's row logic: the wizard's checks on one row (employer left out), one person
 * once, the payload the contract takes, and reading a submission's answer back onto the rows.
 */
import { retireeRowInput } from '@contract/api/retirement';
import type { RequestForm } from '../../../src/retirement/pages/request/form-state';
import {
  applyFieldError,
  applyResults,
  blankForm,
  maskId,
  newRow,
  pendingRows,
  refusalHint,
  rowPayload,
  summarize,
  validateRow,
  type BatchRow,
} from '../../../src/retirement/pages/batch/rows';
import { idNumber } from './fixtures';

const TEXTILE = { id: 'emp-jiaxing-textile', name: '嘉兴纺织有限公司' };

function person(over: Partial<RequestForm> = {}): RequestForm {
  return {
    ...blankForm(TEXTILE),
    name: '金阿毛',
    idNumber: idNumber('1966-01-15', 501),
    position: '挡车工',
    years: '35',
    retirementDate: '2026-01-10',
    phone: '13957310001',
    deliveryMethod: 'pickup',
    pickupStationId: 'station-xinchenghui',
    ...over,
  };
}

test('a blank row is refused field by field, never for the employer (the list names it once)', () => {
  const e = validateRow(blankForm(TEXTILE), []);
  expect(Object.keys(e).sort()).toEqual(
    ['deliveryMethod', 'idNumber', 'name', 'phone', 'position', 'retirementDate', 'years'].sort(),
  );
  expect(e.idNumber).toContain('身份证号');
  expect(validateRow(person(), [])).toEqual({});
  // The contract's own checks: a wrong check digit, a bad phone, post without an address.
  const bad = validateRow(
    person({ idNumber: '330411196601155010', phone: '1234', deliveryMethod: 'post', postAddress: '' }),
    [],
  );
  expect(Object.keys(bad).sort()).toEqual(['idNumber', 'phone', 'postAddress']);
});

test('one person once: a second row with the same number (any case, spaces) names the row holding it', () => {
  const first = newRow(person({ idNumber: idNumber('1965-03-02', 7).replace(/X$/, 'x') }));
  const other = newRow(person({ name: '李月英', idNumber: idNumber('1966-05-05', 8) }));
  const rows = [other, first];
  const again = person({ name: '金阿毛', idNumber: ` ${first.form.idNumber.toUpperCase()} ` });
  expect(validateRow(again, rows).idNumber).toBe('身份证号：名单第2行已有这个号码，同一个人只需填写一次');
  // Editing that very row is not a clash with itself.
  expect(validateRow(again, rows, first.key)).toEqual({});
});

test('the payload is a contract row: no employer fields, number upper-cased, only the chosen delivery', () => {
  const id = idNumber('1965-10-01', 11);
  const pickup = rowPayload(person({ idNumber: ` ${id.toLowerCase()} `, postAddress: '不该发送' }));
  expect(pickup).not.toHaveProperty('employer');
  expect(pickup).not.toHaveProperty('employerId');
  expect(pickup).not.toHaveProperty('postAddress');
  expect(pickup).toMatchObject({
    idNumber: id.toUpperCase(),
    yearsOfService: 35,
    pickupStationId: 'station-xinchenghui',
  });
  expect(retireeRowInput.parse(pickup).ok).toBe(true);

  const post = rowPayload(
    person({ deliveryMethod: 'post', postAddress: '嘉兴市秀洲区新城街道洪兴西路88号', callbackRequested: true }),
  );
  expect(post).not.toHaveProperty('pickupStationId');
  expect(post).toMatchObject({ deliveryMethod: 'post', callbackRequested: true });
  // A call-back without a time is caught before sending, as on the form.
  expect(validateRow(person({ callbackRequested: true }), []).callbackTime).toBeTruthy();
});

test('a submission answer lands on the rows it sent, by index; unsent rows stay as they were', () => {
  const a = newRow(person({ name: '沈一' }));
  const b = newRow(person({ name: '沈二', idNumber: idNumber('1966-01-01', 2) }));
  const c = newRow(person({ name: '沈三', idNumber: idNumber('1966-01-01', 3) }));
  const accepted: BatchRow = { ...newRow(person({ name: '早先已受理' })), state: 'accepted', requestId: 'rt0' };
  const rows = [accepted, a, b, c];
  const sent = pendingRows(rows).map((r) => r.key);
  expect(sent).toEqual([a.key, b.key, c.key]);

  const after = applyResults(rows, sent, {
    done: 2,
    results: [
      { index: 0, ok: true, id: 'rt1' },
      { index: 1, ok: false, code: 'DUPLICATE_REQUEST', message: '沈二（330***********0022）已有光荣退休申请' },
      { index: 2, ok: true, id: 'rt3' },
    ],
  });
  expect(after.map((r) => [r.form.name, r.state, r.requestId ?? r.code])).toEqual([
    ['早先已受理', 'accepted', 'rt0'],
    ['沈一', 'accepted', 'rt1'],
    ['沈二', 'refused', 'DUPLICATE_REQUEST'],
    ['沈三', 'accepted', 'rt3'],
  ]);
  expect(after[2].message).toContain('已有光荣退休申请');
  expect(refusalHint(after[2].code)).toContain('删除这一行');
  expect(pendingRows(after).map((r) => r.key)).toEqual([b.key]);

  // Fixed and sent again alone: index 0 now means 沈二.
  const again = applyResults(after, [b.key], { done: 1, results: [{ index: 0, ok: true, id: 'rt2' }] });
  expect(again[2]).toEqual({ key: b.key, form: b.form, state: 'accepted', requestId: 'rt2' });
  expect(summarize(again)).toMatchObject({ total: 4, accepted: 4, refused: 0, draft: 0 });
});

test('a whole list refused for one field marks that row; other refusals leave the rows alone', () => {
  const a = newRow(person());
  const b = newRow(person({ name: '沈二' }));
  const rows = [a, b];
  const sent = [a.key, b.key];
  const marked = applyFieldError(rows, sent, 'retirees.1.phone', '联系电话：格式不正确');
  expect(marked[1]).toMatchObject({ state: 'refused', code: 'INVALID_INPUT', message: '联系电话：格式不正确' });
  expect(marked[0]).toBe(a);
  expect(applyFieldError(rows, sent, 'employerId', '本单位：格式不正确')).toBe(rows);
});

test('the summary counts states, delivery and call-backs; the number shows 前3后4', () => {
  const rows = [
    newRow(person()),
    { ...newRow(person({ deliveryMethod: 'post', callbackRequested: true })), state: 'refused' as const },
  ];
  expect(summarize(rows)).toEqual({ total: 2, draft: 1, accepted: 0, refused: 1, pickup: 1, post: 1, callback: 1 });
  expect(maskId('330411196601155013')).toBe('330***********5013');
});
