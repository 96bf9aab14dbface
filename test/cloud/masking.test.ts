/** The privacy checker every handler test runs: it must catch a phone or identity number, and only those. */
import { findUnmaskedPii } from './masking';

test('finds a phone or identity number in clear, wherever it sits', () => {
  const found = findUnmaskedPii({
    a: '联系电话13812345678。',
    b: [{ c: 13912345678 }],
    d: '身份证 33041119650112001X 已登记',
    e: 'tel: 15000001111',
  });
  expect(found.map((f) => [f.path, f.kind, f.value])).toEqual([
    ['a', 'mobile', '13812345678'],
    ['b.0.c', 'mobile', '13912345678'],
    ['d', 'idNumber', '33041119650112001X'],
    ['e', 'mobile', '15000001111'],
  ]);
});

test('masked forms, allowed values and digits inside longer ids are not findings', () => {
  expect(
    findUnmaskedPii(
      {
        phone: '138****5678',
        id: '330***********001X',
        own: '13812345678',
        hexId: 'c13812345678f0a9',
        file: 'retirement-photos/9f13912345678ab/2026-12/x.jpg',
        epoch: 1764643200000,
      },
      { allow: ['13812345678'] },
    ),
  ).toEqual([]);
});
